// What the UI draws, read off a game state: per thread its current statement, next step, locals,
// store buffer and why it is blocked; every shared variable; every object drawn as what it is.
// Thread names come from the level file: they are shown with their bidi controls made visible.

import type { Span } from "./lang/ast";
import type { GameState } from "./engine";
import { blockedOn, describeBlock, localAction, type LocalAction } from "./explain";
import { ST, STRIDE, type Descriptor, type Program } from "./program";
import { isFinished } from "./vm";
import { showBidiControls } from "./visible-text";

export interface NextStep {
  /** 1-based number of the step within its statement. */
  index: number;
  of: number;
  /** What the step does: "read counter", "m.lock()", "critical section". */
  label: string;
}

export interface ThreadView {
  index: number;
  name: string;
  finished: boolean;
  /** Why it cannot step, as a verb phrase ("waits for m held by B"); null when it can. */
  blocked: string | null;
  /** The statement it will execute next (null once finished). */
  statement: { span: Span; text: string; line: number } | null;
  next: NextStep | null;
  atCriticalSection: boolean;
  locals: { name: string; type: "int" | "bool"; value: number }[];
  /** TSO only: buffered writes, oldest first; `type` says how to show the value (a bool as true/false). */
  buffer: { variable: string; type: "int" | "bool"; value: number }[];
}

export interface VariableView {
  name: string;
  type: "int" | "bool";
  array: boolean;
  values: number[];
}

export interface ObjectView {
  /** `forks[2]` for an element of an object array. */
  name: string;
  kind: Descriptor["kind"];
  /** Threads blocked on it, in the order they blocked. */
  blocked: string[];
  owner?: string | null;
  value?: number;
  max?: number | null;
  waitSet?: string[];
  mutex?: string;
  arrivals?: number;
  parties?: number;
  set?: boolean;
  writer?: string | null;
  readers?: string[];
  items?: number[];
  capacity?: number;
  /** Queue: the thread in the middle of an enqueue or dequeue. */
  busy?: string | null;
}

export interface StateView {
  threads: ThreadView[];
  variables: VariableView[];
  objects: ObjectView[];
}

export function viewState(state: GameState): StateView {
  const p = state.program;
  const s = state.packed;
  const names = p.threads.map((th) => showBidiControls(th.name));
  const name = (plusOne: number) => (plusOne === 0 ? null : names[plusOne - 1]);
  const threads = p.threads.map((_, t) => viewThread(p, s, t, names[t]));

  const blockedBy = new Map<number, number[]>();
  p.threads.forEach((_, t) => {
    const on = blockedOn(p, s, t);
    if (on && on.slot >= 0) blockedBy.set(on.slot, [...(blockedBy.get(on.slot) ?? []), t]);
  });
  const blockedAt = (slot: number) =>
    (blockedBy.get(slot) ?? []).sort((a, b) => state.blockedSince[a] - state.blockedSince[b] || a - b).map((t) => names[t]);

  const variables: VariableView[] = [];
  const objects: ObjectView[] = [];
  for (const d of p.descriptors) {
    if (d.kind === "var") {
      variables.push({ name: d.name, type: d.valueType!, array: d.array, values: Array.from(s.subarray(d.base, d.base + d.count)) });
      continue;
    }
    for (let i = 0; i < d.count; i++) {
      const at = d.base + i * d.size;
      const o: ObjectView = { name: d.array ? `${d.name}[${i}]` : d.name, kind: d.kind, blocked: [] };
      switch (d.kind) {
        case "mutex":
          o.owner = name(s[at]);
          o.blocked = blockedAt(at);
          break;
        case "semaphore":
          o.value = s[at];
          o.max = d.aux >= 0 ? d.aux : null;
          o.blocked = blockedAt(at);
          break;
        case "condition":
          o.mutex = d.mutex;
          o.waitSet = Array.from(s.subarray(at + 1, at + 1 + s[at]), (t) => names[t]);
          break;
        case "barrier":
          o.arrivals = s[at];
          o.parties = d.aux;
          o.blocked = blockedAt(at);
          break;
        case "countdown":
          o.value = s[at];
          o.blocked = blockedAt(at);
          break;
        case "event":
          o.set = s[at] !== 0;
          o.blocked = blockedAt(at);
          break;
        case "rwlock":
          o.writer = name(s[at]);
          o.readers = names.filter((_, k) => (s[at + 1] & (1 << k)) !== 0);
          o.blocked = blockedAt(at);
          break;
        case "queue":
          o.busy = name(s[at]);
          o.items = Array.from(s.subarray(at + 2, at + 2 + s[at + 1]));
          o.capacity = d.aux;
          break;
      }
      objects.push(o);
    }
  }
  // Threads re-acquiring a condition's mutex are blocked on the mutex; list them there too.
  return { threads, variables, objects };
}

function viewThread(p: Program, s: Int32Array, t: number, threadName: string): ThreadView {
  const th = p.threads[t];
  const pc = s[th.base];
  const finished = isFinished(p, s, t);
  const R = th.base + 2;
  const buffer: ThreadView["buffer"] = [];
  if (th.buffer >= 0) {
    for (let k = 0; k < s[th.buffer]; k++) {
      const slot = s[th.buffer + 1 + 2 * k];
      const d = p.descriptors.find((x) => slot >= x.base && slot < x.base + x.count)!;
      buffer.push({ variable: d.array ? `${d.name}[${slot - d.base}]` : d.name, type: d.valueType ?? "int", value: s[th.buffer + 2 + 2 * k] });
    }
  }
  const view: ThreadView = {
    index: t, name: threadName, finished, blocked: blockedText(p, s, t), statement: null, next: null,
    atCriticalSection: p.critical[pc] === 1 && s[th.base + 1] === 0,
    locals: th.locals.map((l) => ({ name: l.name, type: l.type, value: s[R + l.reg] })),
    buffer,
  };
  if (finished) return view;
  const stmt = p.statements[p.statementOf[pc]];
  view.statement = { span: stmt.span, text: stmt.text, line: stmt.span.start.line };
  view.next = nextStep(p, pc, s);
  return view;
}

/** Which step of its statement a thread at `pc` takes next. */
export function nextStep(p: Program, pc: number, s?: Int32Array): NextStep {
  const stmtIndex = p.statementOf[pc];
  const stmt = p.statements[stmtIndex];
  const of = Math.max(1, stmt.accesses);
  if (p.accessOrdinal[pc] > 0) {
    // Mid-statement, a write's value was computed in an earlier step: show what the thread
    // holds ("write counter = 1"), which is the whole point of a lost update.
    const o = pc * STRIDE;
    const valueSlot = p.code[o + 4];
    let label = p.accessLabel[pc];
    if (s && p.code[o] === ST && valueSlot < p.stateLength) {
      const d = p.descriptors[p.code[o + 2]];
      label += ` = ${d.valueType === "bool" ? String(s[valueSlot] !== 0) : s[valueSlot]}`;
    }
    return { index: p.accessOrdinal[pc], of, label };
  }
  // At the start of a statement: its first access, if any, names the step.
  for (let k = pc; k < p.statementOf.length && p.statementOf[k] === stmtIndex; k++) {
    if (p.accessOrdinal[k] === 1) return { index: 1, of, label: p.accessLabel[k] };
  }
  return { index: 1, of, label: localLabel(stmt.kind, stmt.text, p.critical[pc] === 1) };
}

/** Why a thread cannot step, with the names in it shown as they are. */
function blockedText(p: Program, s: Int32Array, t: number): string | null {
  const text = describeBlock(p, s, t);
  return text === null ? null : showBidiControls(text);
}

/** A local statement's step, named as a command ("decide the branch"); a call is named by itself.
 *  A thread standing at `critical_section();` is in the critical section (that is when it counts),
 *  so its step there leaves it. */
const LOCAL_LABELS: Record<Exclude<LocalAction, "call">, string> = {
  critical: "leave the critical section",
  branch: "decide the branch",
  locals: "local work",
  break: "leave the loop",
  continue: "go back to the loop's condition",
  exit: "end the program",
  fence: "fence",
};

function localLabel(kind: string, text: string, critical: boolean): string {
  const action = localAction(kind, text, critical);
  return action === "call" ? `call ${text.replace(/;$/, "")}` : LOCAL_LABELS[action];
}

