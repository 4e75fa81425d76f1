import { describe, expect, it } from "vitest";
import { checkReport as reportOf, instantiate, parseLevel, replayProblem as solutionProblem, variantsOf, type Level } from "../engine/index";
import { overdraft } from "../engine/testing/overdraft";
import { solve } from "../solver/solve";
import { withVariants } from "./check";
import { templateNamed } from "./templates";

function level(text: string): Level {
  const parsed = parseLevel(text);
  if (!parsed.ok) throw new Error(parsed.error.map((e) => e.message).join("; "));
  return parsed.value;
}

const race = level(templateNamed("race")!.text);
const proof = level(templateNamed("prove-it")!.text);

describe("the editor's check, read as levels check reads it", () => {
  it("a breakable level whose solution replays passes", () => {
    const result = solve(race.program);
    const report = reportOf(race, { ...result, ms: 3 });
    expect(report).toMatchObject({ verdict: "breakable", outcome: "assertion", breakable: true, problems: [], solutionReplays: true, states: result.states });
    expect(report.schedule).toHaveLength(7);
  });

  it("a prove-it level that is safe passes; one that breaks does not", () => {
    expect(reportOf(proof, { ...solve(proof.program), ms: 1 }).problems).toEqual([]);
    const broken = reportOf(proof, { verdict: "breakable", outcome: "assertion", schedule: [{ kind: "step", thread: 0 }], states: 9, ms: 1 });
    expect(broken.problems).toEqual(['the level says "breakable": false, but a schedule wins']);
  });

  it("says when no schedule wins, when the level is won before any move, and when the search gave up", () => {
    expect(reportOf(race, { verdict: "safe", states: 20, ms: 1 }).problems[0]).toBe('the level is meant to be breakable, but no schedule wins (mark it "breakable": false if the code is meant to be correct)');
    expect(reportOf(race, { verdict: "breakable", outcome: "mutual-exclusion", schedule: [], states: 1, ms: 1 }).problems[0]).toBe(
      "the level is already won before any move (mutual-exclusion)",
    );
    expect(reportOf(race, { verdict: "unknown", states: 5_000_001, ms: 1 }).problems[0]).toBe("the search gave up after 5,000,001 states");
  });

  it("replays the solution and says, in the CLI's words, why one does not win", () => {
    expect(solutionProblem(race, ["First", "Nobody"])).toBe('move 2 ("Nobody") names no thread');
    expect(solutionProblem(race, ["First"])).toBe("after all 1 moves the game is still going");
    expect(solutionProblem(race, ["First", "First", "First", "Second", "Second", "Second", "Second"])).toMatch(/^it ends in a loss: finished/);
    expect(solutionProblem(race, race.spec.solution!)).toBeNull();
  });
});

describe("the editor's check of a parameterised level", () => {
  /** Each variant but the default, checked as the editor's workers check it (the solution left to the default). */
  function variantReports(text: string) {
    const params = level(text).spec.params!;
    return variantsOf(params).slice(1).map((values) => {
      const parsed = instantiate(text, values);
      if (!parsed.ok) throw new Error("variant does not load");
      const of = { ...parsed.value, spec: { ...parsed.value.spec, solution: undefined } };
      return { values, report: reportOf(of, { ...solve(of.program), ms: 1 }) };
    });
  }

  it("lists a failing variant by its values among the problems, as levels check does", () => {
    const text = overdraft({ start: { min: 100, max: 300, step: 100 } });
    const base = level(text);
    const report = withVariants(reportOf(base, { ...solve(base.program), ms: 1 }), 3, variantReports(text));
    const problem = 'the level is meant to be breakable, but no schedule wins (mark it "breakable": false if the code is meant to be correct)';
    expect(report.verdict).toBe("breakable");
    expect(report.problems).toEqual([`variant start=200: ${problem}`, `variant start=300: ${problem}`]);
    expect(report.variants).toEqual({
      count: 3, checked: 3, sampled: false,
      failing: [{ values: { start: 200 }, problems: [problem] }, { values: { start: 300 }, problems: [problem] }],
    });
  });

  it("passes when every variant does", () => {
    const text = overdraft({ start: { min: 100, max: 120, step: 10 } });
    const base = level(text);
    const report = withVariants(reportOf(base, { ...solve(base.program), ms: 1 }), 3, variantReports(text));
    expect(report.problems).toEqual([]);
    expect(report.variants).toEqual({ count: 3, checked: 3, sampled: false, failing: [] });
  });
});
