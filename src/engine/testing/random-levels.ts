// Random levels for property tests: small programs over a few shared things, built from
// statement templates. The solver's properties use them as they are; other suites (the wasm
// compiler's) add templates of their own.

import fc from "fast-check";
import { mini, type MiniLevel } from "./levels";

export const STATEMENTS = [
  "x++;", "x--;", "y = x;", "x = y + 1;", "flag = !flag;", "m.lock();", "m.unlock();", "if (m.tryLock()) {\n  x++;\n  m.unlock();\n}",
  "s.wait();", "s.signal();", "critical_section();", "assert(x < 2);", "while (flag) {\n}", "if (true) {\n  int t = x;\n  x = t + 1;\n}",
  "atomic_add(x, 1);", "if (x == 1 && y == 0) {\n  critical_section();\n}", "q.enqueue(x);", "if (q.size() > 0) {\n  int v = q.dequeue();\n}",
  "c.signal();", "m.lock();\nif (!flag) {\n  c.wait();\n}\nm.unlock();", "latch.countDown();", "latch.wait();", "b.wait();",
];

export const SHARED: MiniLevel["shared"] = {
  x: 0, y: 0, flag: false, m: { type: "mutex" }, s: { type: "semaphore", value: 1, max: 1 }, q: { type: "queue", capacity: 2 },
  c: { type: "condition", mutex: "m" }, latch: { type: "countdown", value: 1 }, b: { type: "barrier", parties: 2 },
};

/** One thread's code: `min`..`max` statements drawn from `statements`. */
export const threadCode = (statements: readonly string[], max = 4, min = 1) =>
  fc.array(fc.constantFrom(...statements), { minLength: min, maxLength: max }).map((s) => s.join("\n"));

/** One to three threads over SHARED, with any win list, SC or TSO, with or without spurious wakeups. */
export const randomLevel = fc
  .record({
    threads: fc.array(threadCode(STATEMENTS), { minLength: 1, maxLength: 3 }),
    win: fc.subarray(["mutual-exclusion", "assertion", "deadlock", "exception"], { minLength: 1 }),
    tso: fc.boolean(),
    spurious: fc.boolean(),
  })
  .map((r) => mini({ shared: SHARED, threads: r.threads, win: r.win, options: { memoryModel: r.tso ? "tso" : "sc", spuriousWakeups: r.spurious } }));
