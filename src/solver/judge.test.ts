// The fix-it judge: it accepts every campaign fix-it level's reference fix, rejects the broken code
// it starts from, and rejects each known wrong fix with the counterexample or requirement it names.
// Every counterexample replays through the engine to the outcome the judge claims.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel, replay, type Level, type LevelSpec } from "../engine/index";
import { mini } from "../engine/testing/levels";
import { FIX_CASES } from "./fix-cases";
import { compileFix, currentCode, type FixCode } from "../engine/index";
import { judge } from "./judge";

function load(id: string): Level {
  const parsed = parseLevel(readFileSync(`levels/${id}.json`, "utf8"), `${id}.json`);
  if (!parsed.ok) throw new Error(`${id}: ${parsed.error.map((e) => e.message).join("; ")}`);
  return parsed.value;
}

const fixItLevels = readdirSync("levels")
  .filter((f) => f.endsWith(".json") && f !== "campaign.json" && !f.endsWith(".schema.json"))
  .map((f) => f.replace(/\.json$/, ""))
  .filter((id) => load(id).spec.fix !== undefined);

/** The judge's counterexample, replayed through the engine on the fixed program: where does it end? */
function replayed(spec: LevelSpec, code: FixCode, schedule: Parameters<typeof replay>[1]) {
  const compiled = compileFix(spec, code);
  if (!compiled.ok) throw new Error("the fix does not compile");
  return replay(compiled.value.program, schedule);
}

describe("every campaign fix-it level", () => {
  it("there is at least one", () => {
    expect(fixItLevels).toContain("fix-lost-update");
  });

  it.each(fixItLevels)("%s: the reference fix holds and the broken code does not", (id) => {
    const { spec } = load(id);
    const accepted = judge(spec, spec.fix!.reference);
    expect(accepted.verdict).toBe("fixed");
    if (accepted.verdict === "fixed") expect(accepted.states).toBeGreaterThan(1);

    const rejected = judge(spec, currentCode(spec));
    expect(rejected.verdict).toBe("broken");
    if (rejected.verdict !== "broken") return;
    expect(spec.fix!.forbid).toContain(rejected.outcome);
    const played = replayed(spec, currentCode(spec), rejected.schedule);
    expect(played.error).toBeUndefined();
    expect(played.state.outcome?.kind).toBe(rejected.outcome);
  });
});

describe("known wrong fixes (FIX_CASES)", () => {
  it("name only fix-it levels and their editable threads", () => {
    for (const c of FIX_CASES) {
      expect(fixItLevels).toContain(c.level);
      for (const name of Object.keys(c.code)) expect(load(c.level).spec.fix!.threads).toContain(name);
    }
  });

  it.each(FIX_CASES.map((c) => [`${c.level}: ${c.name}`, c] as const))("%s", (_name, c) => {
    const { spec } = load(c.level);
    const verdict = judge(spec, c.code);
    if (c.expect.verdict === "broken") {
      expect(verdict).toMatchObject({ verdict: "broken", outcome: c.expect.outcome });
      if (verdict.verdict !== "broken") return;
      const played = replayed(spec, currentCode(spec, c.code), verdict.schedule);
      expect(played.error).toBeUndefined();
      expect(played.state.outcome?.kind).toBe(c.expect.outcome);
      // Shortest: one move less ends nowhere.
      expect(replayed(spec, currentCode(spec, c.code), verdict.schedule.slice(0, -1)).state.outcome).toBeNull();
    } else {
      expect(verdict).toMatchObject({ verdict: "requirement", requirement: c.expect.requirement });
    }
  });
});

describe("the judge on The Lost Deposit's fix", () => {
  const { spec } = load("fix-lost-update");
  const reference = spec.fix!.reference;

  it("counts the states it checked for the reference fix", () => {
    const v = judge(spec, reference);
    expect(v).toMatchObject({ verdict: "fixed" });
    if (v.verdict === "fixed") expect(v.states).toBeGreaterThan(20);
  });

  it("rejects the unchanged broken code with a 7-move schedule to the failed audit", () => {
    const v = judge(spec, {});
    expect(v).toMatchObject({ verdict: "broken", outcome: "assertion" });
    if (v.verdict === "broken") expect(v.schedule).toHaveLength(7);
  });

  it("says which variable ends wrong when all the code is deleted, with its expected and actual values", () => {
    expect(judge(spec, { "Teller Al": "", "Teller Bea": "" })).toMatchObject({
      verdict: "requirement", requirement: "final", variable: "balance", expected: 200, actual: 0, schedule: [],
    });
  });

  it("gives the schedule to a finished state with the wrong value", () => {
    const code = { "Teller Al": reference["Teller Al"], "Teller Bea": "" };
    const v = judge(spec, code);
    expect(v).toMatchObject({ verdict: "requirement", requirement: "final", variable: "balance", expected: 200, actual: 100 });
    if (v.verdict !== "requirement" || v.requirement !== "final") return;
    const played = replayed(spec, currentCode(spec, code), v.schedule);
    expect(played.state.outcome?.kind).toBe("finished");
  });

  it("says no schedule finishes when waiting forever is allowed but finishing is required", () => {
    // Deadlock is not forbidden here, so waiting forever is caught by the "finish" requirement.
    const lenient: LevelSpec = { ...spec, fix: { ...spec.fix!, forbid: ["assertion"] } };
    const code = { "Teller Al": "m.lock();\nbalance += 100;\nm.unlock();", "Teller Bea": reference["Teller Bea"] };
    expect(judge(lenient, code)).toMatchObject({ verdict: "requirement", requirement: "finish" });
    expect(judge({ ...lenient, fix: { ...lenient.fix!, require: { finish: false } } }, code)).toMatchObject({ verdict: "fixed" });
  });

  it("forbids exit() even when no outcome is listed for it", () => {
    const code = { "Teller Al": "exit();", "Teller Bea": reference["Teller Bea"] };
    expect(judge(spec, code)).toMatchObject({ verdict: "broken", outcome: "exit", schedule: [{ kind: "step", thread: 0 }] });
  });

  it("reports a syntax error inside the thread's own code, line and column", () => {
    const v = judge(spec, { "Teller Al": "m.lock();\nbalance += 100\nm.unlock();", "Teller Bea": reference["Teller Bea"] });
    expect(v.verdict).toBe("invalid");
    if (v.verdict !== "invalid") return;
    expect(v.problems.length).toBeGreaterThan(0);
    expect(v.problems[0]).toMatchObject({ thread: "Teller Al", line: expect.any(Number), column: expect.any(Number) });
    expect(v.problems[0].line).toBeGreaterThanOrEqual(2);
  });

  it("reports a name the level does not declare, in the thread that uses it", () => {
    const v = judge(spec, { "Teller Bea": "lock.lock();" });
    expect(v).toMatchObject({ verdict: "invalid", problems: [{ thread: "Teller Bea", line: 1, column: 1 }] });
  });

  it("reports a student's toString(), code nested too deep or too long as problems at their place, never throwing", () => {
    const deep = `bool b = ${"!".repeat(100)}true;`;
    const long = "balance++;\n".repeat(1000);
    expect(judge(spec, { "Teller Al": "toString();", "Teller Bea": deep })).toEqual({
      verdict: "invalid",
      problems: [
        { thread: "Teller Al", code: "unknown-function", message: 'unknown function "toString"; declare it in "noops" if it is a call that does nothing', line: 1, column: 1 },
        { thread: "Teller Bea", code: "too-deep", message: expect.stringMatching(/^the code nests more than 64 levels deep here/), line: 1, column: 74 },
      ],
    });
    expect(judge(spec, { "Teller Al": long, "Teller Bea": "" })).toEqual({
      verdict: "invalid",
      problems: [
        { thread: "Teller Al", code: "code-too-long", message: "a thread's code may be at most 10,000 characters, but this one has 11,000; the limit is passed here", line: 910, column: 2 },
      ],
    });
  });

  it("gives up with unknown when the state budget runs out", () => {
    const code = { "Teller Al": "while (true) {\n  balance++;\n}", "Teller Bea": "" };
    expect(judge(spec, code, { maxStates: 200 }).verdict).toBe("unknown");
  });

  it("stops when progress says so", () => {
    const code = { "Teller Al": "while (true) {\n  balance++;\n}", "Teller Bea": "" };
    let calls = 0;
    expect(judge(spec, code, { onProgress: () => (calls++, false) }).verdict).toBe("unknown");
    expect(calls).toBe(1);
  });
});

describe("the judge under the level's options", () => {
  /** A small level from code, made a fix-it level whose threads are all editable. */
  function fixIt(def: Parameters<typeof mini>[0], fix: Partial<NonNullable<LevelSpec["fix"]>> = {}): LevelSpec {
    const { spec } = mini(def);
    const threads = spec.threads.map((t) => t.name);
    return {
      ...spec,
      fix: {
        threads, forbid: ["mutual-exclusion", "assertion", "deadlock", "exception"], require: { finish: true },
        reference: Object.fromEntries(spec.threads.map((t) => [t.name, t.code])), ...fix,
      },
    };
  }

  it("explores store buffers under TSO: the missing fence breaks Dekker's entry, the fence fixes it", () => {
    const entry = (mine: string, theirs: string, fence: boolean) => `${mine} = true;\n${fence ? "fence();\n" : ""}if (!${theirs}) {\n  critical_section();\n}`;
    const spec = fixIt({
      shared: { a: false, b: false },
      threads: [entry("a", "b", false), entry("b", "a", false)],
      win: ["mutual-exclusion"],
      options: { memoryModel: "tso" },
    });
    const broken = judge(spec, {});
    expect(broken).toMatchObject({ verdict: "broken", outcome: "mutual-exclusion" });
    // Without TSO there is nothing to fix: sequential consistency keeps the flags honest.
    expect(judge({ ...spec, options: { ...spec.options, memoryModel: "sc" } }, {}).verdict).toBe("fixed");
    expect(judge(spec, { A: entry("a", "b", true), B: entry("b", "a", true) }).verdict).toBe("fixed");
  });

  it("explores spurious wakeups: waiting under if breaks, waiting under while holds", () => {
    const consumer = (loop: "if" | "while") => `m.lock();\n${loop} (!ready) {\n  c.wait();\n}\nassert(ready);\nm.unlock();`;
    const spec = fixIt({
      shared: { m: { type: "mutex" }, c: { type: "condition", mutex: "m" }, ready: false },
      threads: [consumer("if"), "m.lock();\nready = true;\nc.signal();\nm.unlock();"],
      win: ["assertion"],
      options: { spuriousWakeups: true },
    });
    const broken = judge(spec, {});
    expect(broken).toMatchObject({ verdict: "broken", outcome: "assertion" });
    if (broken.verdict === "broken") expect(broken.schedule.some((m) => m.kind === "wake")).toBe(true);
    expect(judge(spec, { A: consumer("while") }).verdict).toBe("fixed");
  });

  it("edits every copy of a counted thread through its name template", () => {
    const { spec: base } = mini({ shared: { n: 0 }, threads: [{ name: "Worker {id}", count: 3, code: "n++;" }, "while (n < 3) {\n}\nassert(n == 3);"], win: ["assertion"] });
    const spec: LevelSpec = { ...base, fix: { threads: ["Worker {id}"], forbid: ["assertion", "deadlock"], require: { finish: true, final: { n: 3 } }, reference: { "Worker {id}": "atomic_add(n, 1);" } } };
    expect(judge(spec, {}).verdict).toBe("broken");
    expect(judge(spec, spec.fix!.reference).verdict).toBe("fixed");
  });
});
