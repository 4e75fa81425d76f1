// Random levels for property tests: small programs over a few shared things, built from statement
// templates. The solver's properties run them as whole levels; hardware mode's run single threads
// of them through both executors.

import fc from "fast-check";
import { mini } from "./levels";

export const RANDOM_STATEMENTS = [
  "x++;", "x--;", "y = x;", "x = y + 1;", "flag = !flag;", "m.lock();", "m.unlock();", "if (m.tryLock()) {\n  x++;\n  m.unlock();\n}",
  "s.wait();", "s.signal();", "critical_section();", "assert(x < 2);", "while (flag) {\n}", "if (true) {\n  int t = x;\n  x = t + 1;\n}",
  "atomic_add(x, 1);", "if (x == 1 && y == 0) {\n  critical_section();\n}", "q.enqueue(x);", "if (q.size() > 0) {\n  int v = q.dequeue();\n}",
  "c.signal();", "m.lock();\nif (!flag) {\n  c.wait();\n}\nm.unlock();", "latch.countDown();", "latch.wait();", "b.wait();",
];

/** What the statements use. */
export const RANDOM_SHARED = {
  x: 0, y: 0, flag: false, m: { type: "mutex" }, s: { type: "semaphore", value: 1, max: 1 }, q: { type: "queue", capacity: 2 },
  c: { type: "condition", mutex: "m" }, latch: { type: "countdown", value: 1 }, b: { type: "barrier", parties: 2 },
};

/** One thread's code: one to four statements. */
export const randomThreadCode = fc.array(fc.constantFrom(...RANDOM_STATEMENTS), { minLength: 1, maxLength: 4 }).map((s) => s.join("\n"));

/** A level of one to three such threads, with random win conditions and options. */
export const randomLevel = fc
  .record({
    threads: fc.array(randomThreadCode, { minLength: 1, maxLength: 3 }),
    win: fc.subarray(["mutual-exclusion", "assertion", "deadlock", "exception"], { minLength: 1 }),
    tso: fc.boolean(),
    spurious: fc.boolean(),
  })
  .map((r) => mini({ shared: RANDOM_SHARED, threads: r.threads, win: r.win, options: { memoryModel: r.tso ? "tso" : "sc", spuriousWakeups: r.spurious } }));
