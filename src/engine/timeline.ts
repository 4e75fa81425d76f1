// The schedule as a sequence diagram's data: per move, what the thread did, and what that did to
// synchronization objects (acquire, release, signal, wake, arrive, release-all...). It replays the
// schedule with `step` and compares each state with the one before, so it knows no rule of the
// game itself. Arrows join the moves that handed something from one thread to another.

import { listNames, step, type GameState, type Move, type MoveKind } from "./engine";
import { objectAt } from "./explain";
import * as I from "./program";
import type { Descriptor, Program } from "./program";
import { nextStep } from "./view";
import { BLOCKED, execStep, newFault } from "./vm";
import { showBidiControls } from "./visible-text";

export type SyncEventKind =
  | "acquire" // took a mutex, a rwlock or a semaphore unit
  | "release" // gave one back
  | "wait" // went into a condition's wait set
  | "signal" // moved threads out of a condition's wait set
  | "wake" // was moved out of a wait set (by a signal, or spuriously)
  | "arrive" // arrived at a barrier and waits there
  | "release-all" // the last arrival: opens the barrier for everyone
  | "count-down"
  | "set"
  | "reset"
  | "pass"; // went through a countdown's or an event's wait

export interface SyncEvent {
  kind: SyncEventKind;
  /** The object's display name (`acct[1]`). */
  object: string;
  /** The thread it happened to. */
  thread: number;
}

export interface TimelineStep {
  /** 1-based move number: "after move 5". */
  move: number;
  thread: number;
  kind: MoveKind;
  /** What the move did, as a verb phrase in the third person: "writes balance = 100". */
  did: string;
  /** The thread's code line the move ran. */
  line: number;
  events: SyncEvent[];
}

export type ArrowKind = "lock" | "semaphore" | "signal" | "barrier" | "event" | "countdown";

/** Something handed from one thread to another: `from.move` happened before (or at) `to.move`. */
export interface TimelineArrow {
  kind: ArrowKind;
  object: string;
  from: { move: number; thread: number };
  to: { move: number; thread: number };
}

export interface Timeline {
  threads: string[];
  steps: TimelineStep[];
  arrows: TimelineArrow[];
}

/** Replays `schedule` from `initial` (a state with no moves) and describes every move. */
export function buildTimeline(initial: GameState, schedule: readonly Move[]): Timeline {
  const p = initial.program;
  const steps: TimelineStep[] = [];
  const arrows: TimelineArrow[] = [];
  const links = new Links(p, initial.packed);
  let state = initial;
  for (let k = 0; k < schedule.length; k++) {
    const move = schedule[k];
    const next = step(state, move);
    if (!next.ok) break; // a schedule from elsewhere may not replay; draw what does
    const before = state.packed;
    const after = next.value.packed;
    const pc = before[p.threads[move.thread].base];
    const events = move.kind === "flush" ? [] : syncEvents(p, before, after, move);
    const at = { move: k + 1, thread: move.thread };
    if (move.kind === "step") {
      const op = p.code[accessAt(p, pc) * I.STRIDE];
      const slot = op === I.EV_WAIT || op === I.CD_WAIT ? passedSlot(p, before, move.thread, pc) : -1;
      if (slot >= 0) events.push({ kind: "pass", object: objectAt(p, slot)!.name, thread: move.thread });
    }
    arrows.push(...links.record(at, events));
    let did = describeMove(p, before, after, move);
    // "calls acct[from].lock()" says which array element only at run time: name it.
    const element = events.find((e) => e.thread === move.thread)?.object;
    if (element && /\[[^\]]*[a-z_][^\]]*\]/i.test(did) && !did.includes(element)) did += ` (${element})`;
    // Reaching `critical_section();` is what counts (the badge says "in the critical section").
    if (move.kind === "step" && entersCriticalSection(p, before, after, move.thread)) did += " and enters the critical section";
    steps.push({
      move: k + 1,
      thread: move.thread,
      kind: move.kind,
      did,
      line: p.statements[p.statementOf[pc]].span.start.line,
      events,
    });
    state = next.value;
  }
  return { threads: p.threads.map((t) => showBidiControls(t.name)), steps, arrows };
}

/** "Teller Al writes balance = 100": the thread's name and what the move did; then, when it
 *  woke or released other threads, who ("Keeper calls gate.signal(), which wakes Cart 0"). */
export function stepSentence(timeline: Timeline, s: TimelineStep): string {
  const woken = s.events.filter((e) => e.kind === "wake" && e.thread !== s.thread).map((e) => timeline.threads[e.thread]);
  const sentence = `${timeline.threads[s.thread]} ${s.did}`;
  if (woken.length === 0) return sentence;
  const opened = s.events.find((e) => e.kind === "release-all");
  return opened ? `${sentence}, which opens ${opened.object} for ${listNames(woken)}` : `${sentence}, which wakes ${listNames(woken)}`;
}

function describeMove(p: Program, s: Int32Array, after: Int32Array, move: Move): string {
  const th = p.threads[move.thread];
  if (move.kind === "wake") return "wakes up without a signal (a spurious wakeup)";
  if (move.kind === "flush") {
    const slot = s[th.buffer + 1];
    const d = p.descriptors.find((x) => slot >= x.base && slot < x.base + x.count)!;
    const value = s[th.buffer + 2];
    const name = d.array ? `${d.name}[${slot - d.base}]` : d.name;
    return `flushes ${name} = ${d.valueType === "bool" ? String(value !== 0) : value} to memory`;
  }
  const pc = s[th.base];
  const label = nextStep(p, pc, s).label;
  const op = p.code[accessAt(p, pc) * I.STRIDE];
  // Under TSO a plain write goes into the thread's store buffer, not to memory: say so.
  const where = th.buffer >= 0 && after[th.buffer] > s[th.buffer] ? " to its store buffer" : "";
  // At the start of a statement the value is not computed yet: read it off what the write did.
  if (op === I.ST && !label.includes(" = ")) {
    const written = writtenValue(p, s, after, move.thread);
    if (written) return `writes ${written}${where}`;
  }
  const said = thirdPerson(label);
  return said.startsWith("writes ") ? `${said}${where}` : said;
}

/** Did thread `t`'s step bring it to a `critical_section();` it was not standing at before? */
function entersCriticalSection(p: Program, s: Int32Array, after: Int32Array, t: number): boolean {
  const base = p.threads[t].base;
  const at = (x: Int32Array) => p.critical[x[base]] === 1 && x[base + 1] === 0;
  return at(after) && !(at(s) && s[base] === after[base]);
}

/** "x = 1": the variable a plain write changed (in memory, or in the store buffer under TSO). */
function writtenValue(p: Program, s: Int32Array, after: Int32Array, t: number): string | null {
  const b = p.threads[t].buffer;
  let slot = -1;
  let value = 0;
  if (b >= 0 && after[b] > s[b]) {
    slot = after[b + 1 + 2 * (after[b] - 1)];
    value = after[b + 2 + 2 * (after[b] - 1)];
  } else {
    for (let k = 0; k < p.sharedLength && slot < 0; k++) if (s[k] !== after[k]) (slot = k), (value = after[k]);
  }
  const d = p.descriptors.find((x) => x.kind === "var" && slot >= x.base && slot < x.base + x.count);
  if (!d) return null;
  return `${d.array ? `${d.name}[${slot - d.base}]` : d.name} = ${d.valueType === "bool" ? String(value !== 0) : value}`;
}

/** "read x" -> "reads x"; "m.lock()" -> "calls m.lock()". The labels come from compile.ts and view.ts. */
export function thirdPerson(label: string): string {
  if (label === "local work") return "does local work";
  if (label === "fence") return "runs a fence";
  if (/^[\w[\]]+\.\w+\(\)$/.test(label)) return `calls ${label}`;
  const space = label.indexOf(" ");
  const verb = space < 0 ? label : label.slice(0, space);
  const rest = space < 0 ? "" : label.slice(space);
  const s = /(sh|ch|s|x|o)$/.test(verb) ? `${verb}es` : `${verb}s`;
  return s + rest.replace(/ and wait on /, " and waits on ");
}

/** The instruction whose access a step from `pc` makes (the one nextStep names). */
function accessAt(p: Program, pc: number): number {
  if (p.accessOrdinal[pc] > 0) return pc;
  const stmt = p.statementOf[pc];
  for (let k = pc; k < p.statementOf.length && p.statementOf[k] === stmt; k++) if (p.accessOrdinal[k] === 1) return k;
  return pc;
}

/** For a wait on an event or countdown that went through, which element it waited on: the same
 *  step with every element closed blocks, and the interpreter says where. */
function passedSlot(p: Program, s: Int32Array, t: number, pc: number): number {
  const d = p.descriptors[p.code[accessAt(p, pc) * I.STRIDE + 2]];
  if (!d) return -1;
  const copy = s.slice();
  for (let i = 0; i < d.count; i++) copy[d.base + i * d.size] = d.kind === "event" ? 0 : 1;
  const fault = newFault();
  return execStep(p, copy, t, fault) === BLOCKED ? fault.detail : -1;
}

function objectSlots(p: Program): { d: Descriptor; at: number; name: string }[] {
  const out: { d: Descriptor; at: number; name: string }[] = [];
  for (const d of p.descriptors) {
    if (d.kind === "var" || d.kind === "queue") continue;
    for (let i = 0; i < d.count; i++) out.push({ d, at: d.base + i * d.size, name: d.array ? `${d.name}[${i}]` : d.name });
  }
  return out;
}

const slotsOf = new WeakMap<Program, ReturnType<typeof objectSlots>>();

/** What a move did to each object, read off the difference between two states. */
function syncEvents(p: Program, a: Int32Array, b: Int32Array, move: Move): SyncEvent[] {
  let slots = slotsOf.get(p);
  if (!slots) slotsOf.set(p, (slots = objectSlots(p)));
  const t = move.thread;
  const events: SyncEvent[] = [];
  const ev = (kind: SyncEventKind, object: string, thread = t) => events.push({ kind, object, thread });
  const status = (s: Int32Array, k: number) => s[p.threads[k].base + 1];
  for (const { d, at, name } of slots) {
    switch (d.kind) {
      case "mutex":
        if (a[at] === 0 && b[at] !== 0) ev("acquire", name, b[at] - 1);
        else if (a[at] !== 0 && b[at] === 0) ev("release", name, a[at] - 1);
        break;
      case "semaphore":
        if (b[at] < a[at]) ev("acquire", name);
        else if (b[at] > a[at]) ev("release", name);
        break;
      case "condition": {
        const before = Array.from(a.subarray(at + 1, at + 1 + a[at]));
        const after = Array.from(b.subarray(at + 1, at + 1 + b[at]));
        for (const k of after) if (!before.includes(k)) ev("wait", name, k);
        const woken = before.filter((k) => !after.includes(k));
        if (woken.length > 0 && move.kind === "step") ev("signal", name);
        for (const k of woken) ev("wake", name, k);
        break;
      }
      case "barrier": {
        const released = p.threads.map((_, k) => k).filter((k) => status(a, k) === at + 1 && status(b, k) === 0);
        if (released.length > 0) {
          ev("release-all", name);
          for (const k of released) ev("wake", name, k);
        } else if (b[at] > a[at]) ev("arrive", name);
        break;
      }
      case "countdown":
        if (b[at] < a[at]) ev("count-down", name);
        break;
      case "event":
        if (a[at] === 0 && b[at] !== 0) ev("set", name);
        else if (a[at] !== 0 && b[at] === 0) ev("reset", name);
        break;
      case "rwlock": {
        if (a[at] === 0 && b[at] !== 0) ev("acquire", name, b[at] - 1);
        else if (a[at] !== 0 && b[at] === 0) ev("release", name, a[at] - 1);
        const gained = b[at + 1] & ~a[at + 1];
        const lost = a[at + 1] & ~b[at + 1];
        for (let k = 0; k < p.threads.length; k++) {
          if (gained & (1 << k)) ev("acquire", name, k);
          if (lost & (1 << k)) ev("release", name, k);
        }
        break;
      }
    }
  }
  return events;
}

/** Remembers the last hand-over point of each object, to draw arrows to whoever takes it next. */
class Links {
  private readonly released = new Map<string, { move: number; thread: number }>();
  /** Semaphore units, oldest first: null for the units it started with. */
  private readonly units = new Map<string, ({ move: number; thread: number } | null)[]>();
  /** Events: the last set. Countdowns: the last count-down (a pass needs 0, so it made it 0). */
  private readonly opened = new Map<string, { move: number; thread: number }>();
  private readonly countdowns = new Set<string>();

  constructor(p: Program, initial: Int32Array) {
    for (const { d, at, name } of objectSlots(p)) {
      if (d.kind === "semaphore") this.units.set(name, Array.from({ length: initial[at] }, () => null));
      if (d.kind === "countdown") this.countdowns.add(name);
    }
  }

  record(at: { move: number; thread: number }, events: SyncEvent[]): TimelineArrow[] {
    const arrows: TimelineArrow[] = [];
    const link = (kind: ArrowKind, object: string, from: { move: number; thread: number } | null | undefined, to: { move: number; thread: number }) => {
      if (from && from.thread !== to.thread) arrows.push({ kind, object, from, to });
    };
    for (const e of events) {
      const here = { move: at.move, thread: e.thread };
      switch (e.kind) {
        case "acquire":
          if (this.units.has(e.object)) link("semaphore", e.object, this.units.get(e.object)!.shift(), here);
          else link("lock", e.object, this.released.get(e.object), here);
          break;
        case "release":
          if (this.units.has(e.object)) this.units.get(e.object)!.push(here);
          else this.released.set(e.object, here);
          break;
        case "wake":
          // Woken by this move's signal or barrier release: an arrow down the same move.
          if (e.thread !== at.thread) {
            const cause = events.find((x) => x.kind === "signal" || x.kind === "release-all");
            if (cause) link(cause.kind === "signal" ? "signal" : "barrier", e.object, at, here);
          }
          break;
        case "set":
          this.opened.set(e.object, here);
          break;
        case "reset":
          this.opened.delete(e.object);
          break;
        case "count-down":
          this.opened.set(e.object, here);
          break;
        case "pass":
          link(this.countdowns.has(e.object) ? "countdown" : "event", e.object, this.opened.get(e.object), here);
          break;
        default:
          break;
      }
    }
    return arrows;
  }
}
