// Statements in plain words, with the engine's own step counts.

import { describe, expect, it } from "vitest";
import { explainStatement } from "./explain-statement";
import { mini } from "./testing/levels";

const SHARED = {
  counter: 0, a: 0, b: 0, m: { type: "mutex" }, c: { type: "condition", mutex: "m" }, bar: { type: "barrier", parties: 2 },
  q: { type: "queue", items: [] },
};

function explain(code: string, line = 1): string {
  const level = mini({ shared: SHARED, noops: ["business_logic"], threads: [code] });
  const index = level.program.statements.findIndex((s) => s.span.start.line === line);
  return explainStatement(level.program, index).text;
}

describe("explainStatement", () => {
  it.each([
    ["counter++;", "Reads counter, then writes it back plus one: 2 steps."],
    ["counter--;", "Reads counter, then writes it back minus one: 2 steps."],
    ["counter += 2;", "Reads counter, then writes counter: 2 steps."],
    ["m.lock();", "Takes the mutex m if it is free, otherwise waits: 1 step."],
    ["m.lock();\nc.wait();", "Releases m and waits on c for a signal, then once woken, takes m back, waiting while another thread holds it: 2 steps.", 2],
    ["int t = 5;", "Works on its own locals only: 1 step."],
    ["business_logic();", "Does its own business, touching nothing shared: 1 step."],
    ["critical_section();", "Leaves the critical section (a thread standing here is in it): 1 step."],
    ["if (a == 2 && b != 2) { }", "Reads a, then reads b, and picks the branch: 1 to 2 steps (the condition stops reading as soon as its answer is known)."],
    ["bar.wait();", "Arrives at the barrier bar, then waits until every party has arrived: 1 step."],
    ["q.enqueue(1);", "Begins adding an item to q, then finishes adding it: 2 steps."],
    ["int t = atomic_add(counter, 1);", "Adds to counter and reads the result, in one indivisible step: 1 step."],
  ])("%s", (code, text, line = 1) => {
    expect(explain(code, line as number)).toBe(text);
  });

  it("explains every statement when a thread has no code, first or last", () => {
    const level = mini({ threads: ["", "critical_section();", ""] });
    expect(level.program.statements.map((_, k) => explainStatement(level.program, k).text)).toEqual(["Leaves the critical section (a thread standing here is in it): 1 step."]);
  });
});
