import { describe, expect, it } from "vitest";
import { checkReport as reportOf, parseLevel, replayProblem as solutionProblem, type Level } from "../engine/index";
import { solve } from "../solver/solve";
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
