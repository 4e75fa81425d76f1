// Random levels for property tests: small programs over a few shared things, built from
// statement templates. The solver's properties use them as they are; other suites (the wasm
// compiler's) add templates of their own; the reduction's properties use the richer levels at
// the end (local loops, `id`, events, rwlocks, `count` threads).

import fc from "fast-check";
import { mini, type Level, type MiniLevel } from "./levels";

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

/** More templates: thread-local work (loops included), reads only, `id`, events and rwlocks. */
const MORE = [
  "int k$ = 0;\nwhile (k$ < 2) {\n  k$++;\n}", "int r$ = y;\nif (r$ == 0) {\n  r$ = 1;\n}", "assert(y == 0);", "a[id] = 1;", "int v$ = a[id];\nx = v$;",
  "if (id == 0) {\n  y++;\n}", "while (a[1 - id] == 0) {\n}", "e.set();", "e.wait();", "e.reset();", "rw.readLock();\nint z$ = y;\nrw.readUnlock();",
  "rw.writeLock();\ny = 1;\nrw.writeUnlock();", "fence();", "int u$ = 5;", "while (true) {\n  int w$ = x;\n  if (w$ == 2) {\n    break;\n  }\n}",
  "business_logic();", "while (x < 2) {\n  critical_section();\n}",
];
const MORE_SHARED = { ...SHARED, a: [0, 0], e: { type: "event" }, rw: { type: "rwlock" } };
// `$` makes each statement's locals its own, so that a template may come twice.
const richProgram = fc
  .array(fc.constantFrom(...STATEMENTS, ...MORE, ...MORE), { minLength: 1, maxLength: 4 })
  .map((s) => s.map((text, i) => text.replaceAll("$", String(i)).replace(/int ([tv]) =/g, `int $1${i} =`).replace(/\b([tv]) \+ 1/g, `$1${i} + 1`)).join("\n"));

/** Up to four threads, some of them copies of one `count` template telling themselves apart by `id`. */
export const randomRichLevel: fc.Arbitrary<Level> = fc
  .record({
    threads: fc.array(fc.record({ code: richProgram, count: fc.constantFrom(1, 1, 2) }), { minLength: 1, maxLength: 3 }),
    win: fc.subarray(["mutual-exclusion", "assertion", "deadlock", "exception"], { minLength: 1 }),
    tso: fc.boolean(),
    spurious: fc.boolean(),
  })
  .filter((r) => r.threads.reduce((n, t) => n + t.count, 0) <= 4)
  .map((r) =>
    mini({
      shared: MORE_SHARED,
      noops: ["business_logic"],
      threads: r.threads.map((t, i) => ({ name: t.count > 1 ? `T${i} {id}` : `T${i}`, code: t.code, count: t.count > 1 ? t.count : undefined })),
      win: r.win,
      options: { memoryModel: r.tso ? "tso" : "sc", spuriousWakeups: r.spurious },
    }),
  );
