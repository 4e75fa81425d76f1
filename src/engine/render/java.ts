// Java: ReentrantLock (lock and unlock stay separate lines, as the level has them), Semaphore,
// Condition, CyclicBarrier, CountDownLatch, ReentrantReadWriteLock, AtomicInteger for variables
// any thread uses with atomic_*, and assert.

import type { Dialect, RenderScope, PlaceRef } from "./core";
import { C_FAMILY, placeText } from "./common";

const get = (p: PlaceRef) => (p.index === null ? `${p.name}.get()` : `${p.name}.get(${p.index})`);
const at = placeText;
/** An AtomicInteger call, or an AtomicIntegerArray call with the index first. */
const atomic = (p: PlaceRef | null, fallback: string, method: string, args: string[]) =>
  p === null ? `${fallback}.${method}(${args.join(", ")})` : `${p.name}.${method}(${[...(p.index === null ? [] : [p.index]), ...args].join(", ")})`;

export const java: Dialect = {
  ...C_FAMILY,
  language: "java",
  reserved: new Set("abstract assert boolean break byte case catch char class const continue default do double else enum extends final finally float for goto if implements import instanceof int interface long native new package private protected public return short static strictfp super switch synchronized this throw throws transient try void volatile while true false null var record yield".split(" ")),
  escape: (name) => `${name}_`,
  read: (p) => (p.atomic ? get(p) : at(p)),
  write: (p, v) => (p.atomic ? atomic(p, "", "set", [v]) : `${at(p)} = ${v}`),
  update: (p, op, v, operand) => (p.atomic ? atomic(p, "", "set", [`${get(p)} ${op} ${operand}`]) : `${at(p)} ${op}= ${v}`),
  step: (p, op) => (p.atomic ? atomic(p, "", "set", [`${get(p)} ${op[0]} 1`]) : `${at(p)}${op}`),
  decl: (type, name, init) => `${type === "bool" ? "boolean" : "int"} ${name} = ${init ?? (type === "bool" ? "false" : "0")}`,
  builtins: {
    atomic_add: (a, p) => atomic(p[0], a[0], "addAndGet", [a[1]]),
    atomic_exchange: (a, p) => atomic(p[0], a[0], "getAndSet", [a[1]]),
    atomic_cas: (a, p) => atomic(p[0], a[0], "compareAndSet", [a[1], a[2]]),
    assert: (a) => `assert ${a[0]}`,
    critical_section: () => "critical_section()",
    exit: () => "System.exit(0)",
    fence: () => "VarHandle.fullFence()",
  },
  methods: {
    mutex: { lock: (o) => `${o.text}.lock()`, unlock: (o) => `${o.text}.unlock()`, tryLock: (o) => `${o.text}.tryLock()` },
    semaphore: { wait: (o) => `${o.text}.acquire()`, signal: (o) => `${o.text}.release()` },
    condition: { wait: (o) => `${o.text}.await()`, signal: (o) => `${o.text}.signal()`, broadcast: (o) => `${o.text}.signalAll()` },
    barrier: { wait: (o) => `${o.text}.await()` },
    countdown: { countDown: (o) => `${o.text}.countDown()`, wait: (o) => `${o.text}.await()` },
    event: { set: (o) => `${o.text}.set()`, reset: (o) => `${o.text}.reset()`, wait: (o) => `${o.text}.await()` },
    rwlock: {
      readLock: (o) => `${o.text}.readLock().lock()`,
      readUnlock: (o) => `${o.text}.readLock().unlock()`,
      writeLock: (o) => `${o.text}.writeLock().lock()`,
      writeUnlock: (o) => `${o.text}.writeLock().unlock()`,
    },
    queue: { enqueue: (o, a) => `${o.text}.add(${a[0]})`, dequeue: (o) => `${o.text}.remove()`, size: (o) => `${o.text}.size()` },
  },
  declarations,
};

function declarations(scope: RenderScope): string[] {
  const out: string[] = ["// Shared state: static fields. The threads' run() methods declare the exceptions waiting can throw."];
  const one = (type: string, name: string, make: string, count: number | undefined, note = "") =>
    out.push(count === undefined
      ? `static final ${type} ${name} = ${make};${note}`
      : `static final ${type}[] ${name} = { ${Array.from({ length: count }, () => make).join(", ")} };${note}`);
  for (const [raw, s] of scope.shared) {
    const name = scope.ident(raw);
    if (s.kind === "var") {
      const type = s.type === "bool" ? "boolean" : "int";
      if (Array.isArray(s.initial)) {
        const list = s.initial.map(String).join(", ");
        out.push(s.atomic ? `static final AtomicIntegerArray ${name} = new AtomicIntegerArray(new int[] { ${list} });` : `static ${type}[] ${name} = { ${list} };`);
      } else {
        out.push(s.atomic ? `static final AtomicInteger ${name} = new AtomicInteger(${s.initial});` : `static ${type} ${name} = ${s.initial};`);
      }
      continue;
    }
    const d = s.decl;
    switch (d.type) {
      case "mutex":
        one("ReentrantLock", name, "new ReentrantLock()", d.count, "  // re-entrant in Java; the level's mutex is not");
        break;
      case "semaphore":
        one("Semaphore", name, `new Semaphore(${d.value})`, d.count, d.max !== undefined ? `  // Java's Semaphore has no maximum; the level's is ${d.max}` : "");
        break;
      case "condition":
        one("Condition", name, `${scope.ident(d.mutex)}.newCondition()`, d.count);
        break;
      case "barrier":
        one("CyclicBarrier", name, `new CyclicBarrier(${d.parties})`, d.count);
        break;
      case "countdown":
        one("CountDownLatch", name, `new CountDownLatch(${d.value})`, d.count, "  // countDown() at 0 does nothing in Java; in the level it throws");
        break;
      case "event":
        one("Event", name, `new Event(${d.set})`, d.count, "  // the JDK has no event: a small class with a flag, synchronized set/reset/await and notifyAll()");
        break;
      case "rwlock":
        one("ReentrantReadWriteLock", name, "new ReentrantReadWriteLock()", d.count);
        break;
      case "queue":
        one("ArrayDeque<Integer>", name, `new ArrayDeque<>(List.of(${d.items.join(", ")}))`, d.count, `  // not thread-safe; at most ${d.capacity} items`);
        break;
    }
  }
  return out;
}
