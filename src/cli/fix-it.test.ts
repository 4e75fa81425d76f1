// `levels check` on fix-it levels: one line saying the broken code fails and the reference fix
// holds, extra JSON fields beside the usual ones, and a non-zero exit status when either is wrong.

import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/levels.ts", ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const F = "src/cli/__fixtures__";

describe("levels check on fix-it levels", () => {
  it("says the broken code fails and the reference fix holds", () => {
    const r = run("check", "levels/fix-lost-update.json");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^ok {3}levels\/fix-lost-update\.json: fix-it: broken code fails \(assertion in 7 steps\); reference fix holds \(\d+ states, \d+ ms\)$/);
    expect(lines[1]).toBe("     shortest: Teller Al, Teller Bea, Teller Al, Teller Al, Teller Bea, Teller Bea, Teller Bea");
  });

  it("adds the judge's findings to the JSON record and keeps the usual fields", () => {
    const [record] = JSON.parse(run("check", "levels/fix-lost-update.json", "--json").stdout);
    expect(record).toMatchObject({
      id: "fix-lost-update", valid: true, verdict: "breakable", outcome: "assertion", shortest: 7, solutionReplays: true,
      fix: { brokenVerdict: "broken", brokenOutcome: "assertion", brokenShortest: 7, referenceVerdict: "fixed" },
    });
    expect(record.fix.brokenSchedule).toHaveLength(7);
    expect(record.fix.referenceStates).toBeGreaterThan(20);
  });

  it("fails a level whose code has nothing to fix", () => {
    const r = run("check", `${F}/fix-nothing-to-fix.json`);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("FAIL src/cli/__fixtures__/fix-nothing-to-fix.json: fix-it: broken code does not fail (fixed)");
    // Al and Bea run the same code: with the reduction (symmetry) the proof stores 3 states, not 4.
    expect(r.stdout).toContain("the code the student starts from already holds (3 states checked): there is nothing to fix");
    const plain = run("check", `${F}/fix-nothing-to-fix.json`, "--no-reduce");
    expect(plain.status).toBe(1);
    expect(plain.stdout).toContain("the code the student starts from already holds (4 states checked): there is nothing to fix");
  });

  it("fails a reference fix that does not hold, with the schedule that breaks it", () => {
    const r = run("check", `${F}/fix-wrong-reference.json`, "--json");
    expect(r.status).toBe(1);
    const [record] = JSON.parse(r.stdout);
    expect(record.fix).toMatchObject({ brokenVerdict: "broken", referenceVerdict: "broken" });
    expect(record.fix.problem).toBe(
      "the reference fix does not hold: a schedule of 9 moves still reaches assertion: Al, Bea, Bea, Al, Al, Bea, Bea, Bea, Bea",
    );
  });

  it("reports an error in the reference's code at its place in the file", () => {
    const r = run("check", `${F}/fix-reference-typo.json`);
    expect(r.status).toBe(1);
    expect(r.stdout.trim()).toBe(
      `${F}/fix-reference-typo.json:14:38: reference fix: undeclared name "balanse" (did you mean "balance"?) (in fix.reference.Al, line 2, col 1)`,
    );
  });
});
