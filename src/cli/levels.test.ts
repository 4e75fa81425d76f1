// The `levels check` command as instructors run it: exit status, file:line:column messages for
// broken files, and the --json records of LEVEL_FORMAT.md.

import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/levels.ts", ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const F = "src/cli/__fixtures__";

describe("levels check", () => {
  it("reports each malformed level at its file, line and column, with a non-zero exit status", () => {
    const r = run("check", `${F}/bad-json.json`, `${F}/undeclared-name.json`, `${F}/unknown-method.json`, `${F}/wrong-type.json`, `${F}/duplicate-thread.json`, `${F}/missing-field.json`);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim().split("\n")).toEqual([
      `${F}/bad-json.json:4:3: expected a comma or a closing brace`,
      `${F}/undeclared-name.json:8:41: undeclared name "countr" (did you mean "counter"?) (in threads[0].code, line 2, col 1)`,
      `${F}/unknown-method.json:9:31: a mutex has no method "acquire"; its methods are lock, unlock and tryLock (in threads[1].code, line 1, col 3)`,
      `${F}/wrong-type.json:8:36: the condition of a "while" must be a bool, but this is an int (in threads[0].code, line 1, col 8)`,
      `${F}/duplicate-thread.json:8:15: duplicate thread name "Worker 1" (threads[0] has it too) (at threads[1].name)`,
      `${F}/missing-field.json:1:1: missing required field "title" (at title)`,
    ]);
  });

  it("reports hostile code at its place instead of crashing: a built-in name, parentheses 2,000 deep", () => {
    const r = run("check", `${F}/built-in-name.json`, `${F}/nested-too-deep.json`);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim().split("\n")).toEqual([
      `${F}/built-in-name.json:1:111: unknown function "toString"; declare it in "noops" if it is a call that does nothing (in threads[0].code, line 1, col 1)`,
      `${F}/nested-too-deep.json:1:195: the code nests more than 64 levels deep here (each block, parenthesis, bracket, "!", "-", "else if" and operator adds a level) (in threads[0].code, line 1, col 74)`,
    ]);
  });

  it("prints the JSON records of the level format", () => {
    const r = run("check", "levels/lost-update.json", `${F}/undeclared-name.json`, "--json");
    expect(r.status).toBe(1);
    const records = JSON.parse(r.stdout);
    expect(records[0]).toMatchObject({
      file: "levels/lost-update.json", id: "lost-update", valid: true, errors: [], verdict: "breakable", outcome: "assertion",
      shortest: 7, schedule: ["Teller Al", "Teller Bea", "Teller Al", "Teller Al", "Teller Bea", "Teller Bea", "Teller Bea"],
      solutionReplays: true, states: 20,
    });
    expect(typeof records[0].ms).toBe("number");
    expect(records[1]).toMatchObject({
      file: `${F}/undeclared-name.json`, id: "undeclared-name", valid: false, verdict: null,
      errors: [{ code: "undeclared-name", message: 'undeclared name "countr" (did you mean "counter"?)', path: "threads[0].code", line: 2, column: 1 }],
    });
  });

  it("adds to each JSON error in code where it is in the file: the place the text output prints", () => {
    const r = run("check", `${F}/undeclared-name.json`, `${F}/fix-reference-typo.json`, `${F}/bad-json.json`, "--json");
    const [code, reference, json] = JSON.parse(r.stdout);
    expect(code.errors).toEqual([
      {
        code: "undeclared-name", message: 'undeclared name "countr" (did you mean "counter"?)', path: "threads[0].code", line: 2, column: 1,
        inFile: { line: 8, column: 41, endLine: 8, endColumn: 47 },
      },
    ]);
    expect(reference.errors).toEqual([
      {
        code: "undeclared-name", message: 'reference fix: undeclared name "balanse" (did you mean "balance"?)', path: "fix.reference.Al", line: 2, column: 1,
        inFile: { line: 14, column: 38, endLine: 14, endColumn: 45 },
      },
    ]);
    // An error in the file itself is at its line and column already; it has no inFile.
    expect(json.errors).toEqual([{ code: "json-syntax", message: "expected a comma or a closing brace", line: 4, column: 3 }]);
  });

  it("fails a level whose verdict disagrees with breakable", () => {
    const r = run("check", `${F}/safe-but-claims-breakable.json`);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("safe: no interleaving wins");
    expect(r.stdout).toContain('the level is meant to be breakable, but no schedule wins (mark it "breakable": false if the code is meant to be correct)');
  });

  it("passes the whole levels folder, campaign and schema included", () => {
    const r = run("check", "levels/campaign.json", "levels/level.schema.json", "levels/first-steps.json", "levels/two-counters.json");
    expect(r.stdout).toContain("ok   levels/campaign.json: campaign");
    expect(r.stdout).toContain("ok   levels/two-counters.json: breakable: assertion in 13 steps");
    expect(r.status).toBe(0);
  });

  it("checks a folder as its .json files, so `levels check levels/` checks the whole campaign", () => {
    const r = run("check", F);
    const files = r.stdout.split("\n").filter((line) => /^(ok|FAIL|ERR)/.test(line) || line.startsWith(F));
    expect(files.length).toBeGreaterThan(1);
    expect(r.stdout).toContain(`${F}/`);
    expect(r.stdout).not.toContain("EISDIR");
    expect(r.status).toBe(1); // the fixtures are broken on purpose
  });

  it("refuses a level that is won before any move", () => {
    const r = run("check", `${F}/won-at-start.json`);
    expect(r.status).toBe(1);
    expect(r.stdout.trim()).toBe(`${F}/won-at-start.json: the level is already won before any move (mutual-exclusion)`);
  });

  it("explains its usage on a bad command line", () => {
    const r = run("verify", "x.json");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "verify"');
    expect(r.stderr).toContain("usage: npm run -s levels -- check FILE|DIR... [--json] [--max-states N]");
  });

  it("proves with the reduction, and without it under --no-reduce: same records but the states", () => {
    const files = ["levels/lowest-fork-first.json", "levels/cas-counter.json", "levels/two-counters.json"];
    const reduced = JSON.parse(run("check", ...files, "--json").stdout);
    const plain = JSON.parse(run("check", ...files, "--json", "--no-reduce").stdout);
    const strip = (r: Record<string, unknown>) => ({ ...r, states: 0, ms: 0 });
    expect(reduced.map(strip)).toEqual(plain.map(strip));
    expect(reduced.map((r: { states: number }) => r.states)).toEqual([267, 100, 102]);
    expect(plain.map((r: { states: number }) => r.states)).toEqual([82336, 367, 102]);
  });

  it("says unknown when the state budget runs out", () => {
    const r = run("check", "levels/two-counters.json", "--max-states", "10", "--json");
    expect(JSON.parse(r.stdout)[0].verdict).toBe("unknown");
    expect(r.status).toBe(1);
  });
});
