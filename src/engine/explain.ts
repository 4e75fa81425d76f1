// Words for what the packed state means: why a thread cannot step, what an exception's rule
// was, what an object's slot is called. Cold code, used by the engine's messages and the UI.

import * as I from "./program";
import type { Descriptor, Program } from "./program";
import * as V from "./vm";
import type { Fault } from "./vm";

/** The descriptor holding a slot, and the element's display name (`forks[2]`). */
export function objectAt(p: Program, slot: number): { desc: Descriptor; index: number; name: string } | null {
  for (const desc of p.descriptors) {
    if (slot >= desc.base && slot < desc.base + desc.count * desc.size) {
      const index = Math.floor((slot - desc.base) / desc.size);
      return { desc, index, name: desc.array ? `${desc.name}[${index}]` : desc.name };
    }
  }
  return null;
}

const threadName = (p: Program, plusOne: number) => p.threads[plusOne - 1]?.name ?? "nobody";

/** The object slot a runnable-looking thread is blocked on, with the blocking instruction. */
export function blockedOn(p: Program, s: Int32Array, t: number): { slot: number; pc: number } | null {
  if (V.isFinished(p, s, t)) return null;
  const status = s[p.threads[t].base + 1];
  if (status > 0) return { slot: status - 1, pc: s[p.threads[t].base] };
  if (status < 0) return { slot: -status - 1, pc: s[p.threads[t].base] };
  const copy = s.slice();
  const fault = V.newFault();
  if (V.execStep(p, copy, t, fault) !== V.BLOCKED) return null;
  return { slot: fault.detail, pc: fault.pc };
}

/** Why thread `t` cannot step now, as a verb phrase ("waits for m held by B"); null if it can. */
export function describeBlock(p: Program, s: Int32Array, t: number): string | null {
  const base = p.threads[t].base;
  if (V.isFinished(p, s, t)) return null;
  const status = s[base + 1];
  if (status > 0) {
    const bar = objectAt(p, status - 1)!;
    return `waits at ${bar.name} (${s[status - 1]} of ${bar.desc.aux} arrived)`;
  }
  if (status < 0) {
    const cond = objectAt(p, -status - 1)!;
    return `waits on ${cond.name} for a signal`;
  }
  const copy = s.slice();
  const fault = V.newFault();
  if (V.execStep(p, copy, t, fault) !== V.BLOCKED) return null;
  const op = p.code[fault.pc * I.STRIDE];
  const slot = fault.detail;
  if (slot < 0) return "waits for a flush: its store buffer is full";
  const obj = objectAt(p, slot)!;
  const name = obj.name;
  switch (op) {
    case I.LOCK:
    case I.COND_REACQUIRE: {
      const owner = s[slot];
      const verb = op === I.LOCK ? "waits for" : "waits to re-acquire";
      return owner === t + 1 ? `${verb} ${name}, which it holds itself (a mutex is not re-entrant)` : `${verb} ${name} held by ${threadName(p, owner)}`;
    }
    case I.SEM_WAIT:
      return `waits for ${name} (its value is 0)`;
    case I.CD_WAIT:
      return `waits for ${name} to count down to 0 (it is ${s[slot]})`;
    case I.EV_WAIT:
      return `waits for ${name} to be set`;
    case I.RW_RLOCK:
    case I.RW_WLOCK: {
      const holders: string[] = [];
      if (s[slot] !== 0) holders.push(`written by ${threadName(p, s[slot])}`);
      const readers = p.threads.filter((_, k) => (s[slot + 1] & (1 << k)) !== 0).map((th) => th.name);
      if (readers.length > 0) holders.push(`read by ${readers.join(", ")}`);
      return `waits for ${name} (${holders.join(", ")})`;
    }
    default:
      return `waits for ${name}`;
  }
}

/** The rule an exception broke, in words. */
export function describeFault(p: Program, _s: Int32Array, f: Fault): string {
  const o = f.pc * I.STRIDE;
  const op = p.code[o];
  const desc = p.descriptors[op === I.ST ? p.code[o + 2] : p.code[o + 2]];
  const name = desc?.name ?? "";
  const holder = f.detail === 0 ? "it is free" : `${threadName(p, f.detail)} holds it`;
  switch (f.rule) {
    case V.E_UNLOCK_NOT_OWNER:
      return `it unlocked ${name}, which it does not hold (${holder})`;
    case V.E_COND_NOT_HELD: {
      const verb = op === I.COND_WAIT ? "waited on" : "signalled";
      return `it ${verb} ${name} without holding its mutex ${desc.mutex}`;
    }
    case V.E_DEQUEUE_EMPTY:
      return `it dequeued from ${name}, which is empty`;
    case V.E_QUEUE_CONCURRENT:
      return `it began to modify ${name} while ${threadName(p, f.detail)} was in the middle of modifying it (the queue is not thread-safe)`;
    case V.E_QUEUE_FULL:
      return `it enqueued onto ${name}, which is full (capacity ${f.detail})`;
    case V.E_SEMAPHORE_MAX:
      return `it signalled ${name} above its maximum of ${f.detail}`;
    case V.E_COUNTDOWN_BELOW_ZERO:
      return `it counted ${name} down below 0`;
    case V.E_INDEX:
      return `index ${f.detail} is out of range for ${name}, which has ${desc.count} element${desc.count === 1 ? "" : "s"}`;
    case V.E_DIVISION:
      return f.detail === 1 ? "it took a remainder modulo zero" : "it divided by zero";
    case V.E_READ_UNLOCK:
      return `it called readUnlock on ${name} without holding it for reading`;
    case V.E_WRITE_UNLOCK:
      return `it called writeUnlock on ${name} without holding it for writing`;
    case V.E_UNKNOWN_OPCODE:
      return `it ran an instruction Interleave does not know (opcode ${f.detail}): a bug in the game, not in the level`;
    default:
      return "it broke a rule";
  }
}

/** What a statement that touches nothing shared does, for the words that name or explain it. */
export type LocalAction = "critical" | "branch" | "locals" | "break" | "continue" | "exit" | "fence" | "call";

export function localAction(kind: string, text: string, critical: boolean): LocalAction {
  if (critical) return "critical";
  switch (kind) {
    case "if":
    case "while":
      return "branch";
    case "decl":
    case "assign":
    case "incdec":
      return "locals";
    case "break":
    case "continue":
      return kind;
    default:
      return text.startsWith("exit") ? "exit" : text.startsWith("fence") ? "fence" : "call";
  }
}
