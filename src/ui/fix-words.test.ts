// A fix-it level's goal and findings in the words the student reads.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel, replay } from "../engine/index";
import { compileFix } from "../engine/index";
import { judge } from "../solver/judge";
import { editableText, fixGoalText, isForbidden, wrongFinals } from "./fix-words";

const parsed = parseLevel(readFileSync("levels/fix-lost-update.json", "utf8"));
if (!parsed.ok) throw new Error("levels/fix-lost-update.json does not load");
const { spec } = parsed.value;
const fix = spec.fix!;

describe("fix-it words", () => {
  it("state the goal plainly: what no schedule may reach, and what must still happen", () => {
    expect(fixGoalText(fix)).toBe(
      "Fix the code: no schedule may reach a failed assert or a deadlock, nor call exit(); every thread must still be able to finish; balance must end at 200.",
    );
    expect(fixGoalText({ ...fix, forbid: ["mutual-exclusion"], require: { finish: false } })).toBe(
      "Fix the code: no schedule may reach two threads in the critical section at once, nor call exit().",
    );
    expect(editableText(fix, spec.threads)).toBe("You may edit the code of Teller Al and Teller Bea.");
  });

  it("name a thread with a count by its copies, never by its {id} template", () => {
    const philosophers = parseLevel(readFileSync("levels/fix-philosophers.json", "utf8"));
    if (!philosophers.ok) throw new Error("levels/fix-philosophers.json does not load");
    const p = philosophers.value.spec;
    expect(editableText(p.fix!, p.threads)).toBe("You may edit the code of Philosopher 0 to Philosopher 2.");
    const two = [{ name: "Teller {id}", count: 2, code: "" }];
    expect(editableText({ ...fix, threads: ["Teller {id}"] }, two)).toBe("You may edit the code of Teller 0 and Teller 1.");
  });

  it("count exit() and the listed outcomes as forbidden, and nothing else", () => {
    expect(isForbidden(fix, "assertion")).toBe(true);
    expect(isForbidden(fix, "exit")).toBe(true);
    expect(isForbidden(fix, "exception")).toBe(false);
    expect(isForbidden(fix, "finished")).toBe(false);
  });

  it("name the variable that ends wrong at the end of the judge's schedule", () => {
    const code = { "Teller Al": fix.reference["Teller Al"], "Teller Bea": "" };
    const verdict = judge(spec, code);
    if (verdict.verdict !== "requirement" || verdict.requirement !== "final") throw new Error(`expected a final requirement, got ${verdict.verdict}`);
    const compiled = compileFix(spec, code);
    if (!compiled.ok) throw new Error("does not compile");
    const { state } = replay(compiled.value.program, verdict.schedule);
    expect(state.outcome?.kind).toBe("finished");
    expect(wrongFinals(fix, state)).toEqual([{ name: "balance", expected: 200, actual: 100 }]);
    const { state: start } = replay(compiled.value.program, []);
    expect(wrongFinals(fix, start)).toEqual([{ name: "balance", expected: 200, actual: 0 }]);
  });
});
