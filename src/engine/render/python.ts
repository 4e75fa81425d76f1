// Python: the threading module (Lock, Semaphore, Condition, Barrier, Event), blocks by indentation.
// Python has no atomic integer, countdown latch or readers-writer lock: the declarations name a
// small class for each, and say so.

import type { Dialect, RenderScope, PlaceRef } from "./core";
import { placeText } from "./common";

const at = placeText;
const atomic = (p: PlaceRef | null, fallback: string, method: string, args: string[]) => `${p ? at(p) : fallback}.${method}(${args.join(", ")})`;
const py = (v: number | boolean) => (v === true ? "True" : v === false ? "False" : String(v));

export const python: Dialect = {
  language: "python",
  reserved: new Set("False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield threading collections os".split(" ")),
  escape: (name) => `${name}_`,
  indented: true,
  lineComment: "#",
  ops: { "+": "+", "-": "-", "*": "*", "/": "//", "%": "%", "==": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">=", "&&": "and", "||": "or" },
  not: "not ",
  bool: (b) => (b ? "True" : "False"),
  read: (p) => (p.atomic ? `${at(p)}.get()` : at(p)),
  write: (p, v) => (p.atomic ? `${at(p)}.set(${v})` : `${at(p)} = ${v}`),
  update: (p, op, v, operand) => (p.atomic ? `${at(p)}.set(${at(p)}.get() ${op} ${operand})` : `${at(p)} ${op}= ${v}`),
  step: (p, op) => (p.atomic ? `${at(p)}.set(${at(p)}.get() ${op[0]} 1)` : `${at(p)} ${op[0]}= 1`),
  decl: (type, name, init) => `${name} = ${init ?? (type === "bool" ? "False" : "0")}`,
  builtins: {
    atomic_add: (a, p) => atomic(p[0], a[0], "add", [a[1]]),
    atomic_exchange: (a, p) => atomic(p[0], a[0], "exchange", [a[1]]),
    atomic_cas: (a, p) => atomic(p[0], a[0], "compare_and_set", [a[1], a[2]]),
    assert: (a) => `assert ${a[0]}`,
    critical_section: () => "critical_section()",
    exit: () => "os._exit(0)",
    fence: () => "pass  # fence(): Python has no memory fence",
  },
  noop: (name) => `${name}()`,
  methods: {
    mutex: { lock: (o) => `${o.text}.acquire()`, unlock: (o) => `${o.text}.release()`, tryLock: (o) => `${o.text}.acquire(blocking=False)` },
    semaphore: { wait: (o) => `${o.text}.acquire()`, signal: (o) => `${o.text}.release()` },
    condition: { wait: (o) => `${o.text}.wait()`, signal: (o) => `${o.text}.notify()`, broadcast: (o) => `${o.text}.notify_all()` },
    barrier: { wait: (o) => `${o.text}.wait()` },
    countdown: { countDown: (o) => `${o.text}.count_down()`, wait: (o) => `${o.text}.wait()` },
    event: { set: (o) => `${o.text}.set()`, reset: (o) => `${o.text}.clear()`, wait: (o) => `${o.text}.wait()` },
    rwlock: {
      readLock: (o) => `${o.text}.acquire_read()`,
      readUnlock: (o) => `${o.text}.release_read()`,
      writeLock: (o) => `${o.text}.acquire_write()`,
      writeUnlock: (o) => `${o.text}.release_write()`,
    },
    queue: { enqueue: (o, a) => `${o.text}.append(${a[0]})`, dequeue: (o) => `${o.text}.popleft()`, size: (o) => `len(${o.text})` },
  },
  ifHeader: (c) => `if ${c}`,
  elseIfHeader: (c) => `elif ${c}`,
  elseHeader: "else",
  whileHeader: (c) => `while ${c}`,
  breakStmt: "break",
  continueStmt: "continue",
  declarations,
};

function declarations(scope: RenderScope): string[] {
  const out: string[] = ["# Shared state: module globals (a thread is a function; it declares the globals it assigns `global`)."];
  const imports = new Set<string>(["threading"]);
  const one = (name: string, make: string, count: number | undefined, note = "") =>
    out.push(`${name} = ${count === undefined ? make : `[${make} for _ in range(${count})]`}${note}`);
  for (const [raw, s] of scope.shared) {
    const name = scope.ident(raw);
    if (s.kind === "var") {
      const wrap = (v: number | boolean) => (s.atomic ? `AtomicInt(${py(v)})` : py(v));
      out.push(`${name} = ${Array.isArray(s.initial) ? `[${s.initial.map(wrap).join(", ")}]` : wrap(s.initial)}` +
        (s.atomic ? "  # Python has no atomic int: a small class whose get, set, add, exchange and compare_and_set hold a lock" : ""));
      continue;
    }
    const d = s.decl;
    switch (d.type) {
      case "mutex":
        one(name, "threading.Lock()", d.count, "  # any thread may release a threading.Lock; the level's mutex only its holder");
        break;
      case "semaphore":
        one(name, `threading.Semaphore(${d.value})`, d.count, d.max !== undefined ? `  # at most ${d.max} in the level (BoundedSemaphore bounds only at its starting value)` : "");
        break;
      case "condition":
        one(name, `threading.Condition(${scope.ident(d.mutex)})`, d.count);
        break;
      case "barrier":
        one(name, `threading.Barrier(${d.parties})`, d.count);
        break;
      case "countdown":
        one(name, `CountDownLatch(${d.value})`, d.count, "  # Python has no countdown latch: a small class with a count and a threading.Condition");
        break;
      case "event":
        one(name, "threading.Event()", d.count);
        if (d.set) out.push(d.count === undefined ? `${name}.set()` : `for e in ${name}: e.set()`);
        break;
      case "rwlock":
        one(name, "ReadWriteLock()", d.count, "  # Python has no readers-writer lock: a small class built on threading.Condition");
        break;
      case "queue":
        imports.add("collections");
        one(name, d.items.length === 0 ? "collections.deque()" : `collections.deque([${d.items.join(", ")}])`, d.count, `  # not thread-safe in the level; at most ${d.capacity} items`);
        break;
    }
  }
  const code = scope.spec.threads.map((t) => t.code).join("\n");
  if (/\bexit\s*\(/.test(code)) imports.add("os");
  if (/[^/*]\/[^/*]|%/.test(code.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ""))) {
    out.push("# // and % round toward minus infinity; the level's / and % round toward zero (they differ for negative numbers).");
  }
  return [`import ${[...imports].sort().join(", ")}`, ...out];
}
