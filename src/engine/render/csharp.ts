// C#: Monitor for the level's mutex (Enter and Exit stay separate lines, as the level has them),
// SemaphoreSlim, Monitor.Wait/Pulse for conditions, Barrier, CountdownEvent, ManualResetEventSlim,
// ReaderWriterLockSlim and Interlocked.

import type { Dialect, RenderScope, ObjectRef, PlaceRef } from "./core";
import { C_FAMILY, placeText } from "./common";

const at = placeText;
const ref = (p: PlaceRef | null, fallback: string) => `ref ${p ? at(p) : fallback}`;

/** The monitor a condition waits on; named when several conditions share it. */
function monitor(o: ObjectRef): string {
  if (o.decl.type !== "condition") return o.text;
  const shared = (o.scope.conditionsOf.get(o.decl.mutex) ?? []).length > 1 || o.decl.count !== undefined;
  const m = o.scope.ident(o.decl.mutex);
  return shared ? `${m} /* ${o.text} */` : m;
}

export const csharp: Dialect = {
  ...C_FAMILY,
  language: "csharp",
  reserved: new Set("abstract as base bool break byte case catch char checked class const continue decimal default delegate do double else enum event explicit extern false finally fixed float for foreach goto if implicit in int interface internal is lock long namespace new null object operator out override params private protected public readonly ref return sbyte sealed short sizeof stackalloc static string struct switch this throw true try typeof uint ulong unchecked unsafe ushort using virtual void volatile while".split(" ")),
  escape: (name) => `@${name}`,
  read: at,
  write: (p, v) => `${at(p)} = ${v}`,
  update: (p, op, v) => `${at(p)} ${op}= ${v}`,
  step: (p, op) => `${at(p)}${op}`,
  decl: (type, name, init) => `${type} ${name} = ${init ?? (type === "bool" ? "false" : "0")}`,
  builtins: {
    atomic_add: (a, p) => `Interlocked.Add(${ref(p[0], a[0])}, ${a[1]})`,
    atomic_exchange: (a, p) => `Interlocked.Exchange(${ref(p[0], a[0])}, ${a[1]})`,
    atomic_cas: (a, p, stmt) => {
      const call = `Interlocked.CompareExchange(${ref(p[0], a[0])}, ${a[2]}, ${a[1]})`;
      return stmt ? call : { text: `${call} == ${a[1]}`, prec: 3 };
    },
    assert: (a) => `Debug.Assert(${a[0]})`,
    critical_section: () => "critical_section()",
    exit: () => "Environment.Exit(0)",
    fence: () => "Thread.MemoryBarrier()",
  },
  methods: {
    mutex: {
      lock: (o) => `Monitor.Enter(${o.text})`,
      unlock: (o) => `Monitor.Exit(${o.text})`,
      tryLock: (o) => `Monitor.TryEnter(${o.text})`,
    },
    semaphore: { wait: (o) => `${o.text}.Wait()`, signal: (o) => `${o.text}.Release()` },
    condition: {
      wait: (o) => `Monitor.Wait(${monitor(o)})`,
      signal: (o) => `Monitor.Pulse(${monitor(o)})`,
      broadcast: (o) => `Monitor.PulseAll(${monitor(o)})`,
    },
    barrier: { wait: (o) => `${o.text}.SignalAndWait()` },
    countdown: { countDown: (o) => `${o.text}.Signal()`, wait: (o) => `${o.text}.Wait()` },
    event: { set: (o) => `${o.text}.Set()`, reset: (o) => `${o.text}.Reset()`, wait: (o) => `${o.text}.Wait()` },
    rwlock: {
      readLock: (o) => `${o.text}.EnterReadLock()`,
      readUnlock: (o) => `${o.text}.ExitReadLock()`,
      writeLock: (o) => `${o.text}.EnterWriteLock()`,
      writeUnlock: (o) => `${o.text}.ExitWriteLock()`,
    },
    queue: {
      enqueue: (o, a) => `${o.text}.Enqueue(${a[0]})`,
      dequeue: (o) => `${o.text}.Dequeue()`,
      size: (o, _a, stmt) => (stmt ? `_ = ${o.text}.Count` : `${o.text}.Count`),
    },
  },
  declarations,
};

function declarations(scope: RenderScope): string[] {
  const out: string[] = ["// Shared state: static fields of the program's class."];
  const many = (n: number, make: string) => `{ ${Array.from({ length: n }, () => make).join(", ")} }`;
  const one = (type: string, name: string, make: string, count: number | undefined, note = "") =>
    out.push(count === undefined ? `static readonly ${type} ${name} = ${make};${note}` : `static readonly ${type}[] ${name} = ${many(count, make)};${note}`);
  for (const [raw, s] of scope.shared) {
    const name = scope.ident(raw);
    if (s.kind === "var") {
      const show = (v: number | boolean) => String(v);
      if (Array.isArray(s.initial)) out.push(`static ${s.type}[] ${name} = { ${s.initial.map(show).join(", ")} };`);
      else out.push(`static ${s.type} ${name} = ${show(s.initial)};`);
      continue;
    }
    const d = s.decl;
    switch (d.type) {
      case "mutex":
        one("object", name, "new object()", d.count, "  // Monitor.Enter/Exit; a C# monitor is re-entrant, the level's mutex is not");
        break;
      case "semaphore":
        one("SemaphoreSlim", name, `new SemaphoreSlim(${d.value}${d.max !== undefined ? `, ${d.max}` : ""})`, d.count);
        break;
      case "condition": {
        const others = (scope.conditionsOf.get(d.mutex) ?? []).map(scope.ident);
        const m = scope.ident(d.mutex);
        out.push(`// ${name}: a condition of ${m}, written Monitor.Wait(${m}) and Monitor.Pulse(${m})` +
          (others.length > 1 || d.count !== undefined ? `; a monitor has one wait set, so ${others.join(" and ")} share it here` : ""));
        break;
      }
      case "barrier":
        one("Barrier", name, `new Barrier(${d.parties})`, d.count);
        break;
      case "countdown":
        one("CountdownEvent", name, `new CountdownEvent(${d.value})`, d.count);
        break;
      case "event":
        one("ManualResetEventSlim", name, `new ManualResetEventSlim(${d.set})`, d.count);
        break;
      case "rwlock":
        one("ReaderWriterLockSlim", name, "new ReaderWriterLockSlim()", d.count);
        break;
      case "queue":
        one("Queue<int>", name, d.items.length === 0 ? "new Queue<int>()" : `new Queue<int>(new[] { ${d.items.join(", ")} })`, d.count, `  // not thread-safe; at most ${d.capacity} items`);
        break;
    }
  }
  return out;
}
