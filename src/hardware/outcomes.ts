// Reads what a trial ended with off the shared memory, and tallies it: one row per distinct
// outcome, in the engine's words, with the final shared state of its first trial and whether
// the engine allows it under sequential consistency (on a TSO level: whether it would without
// store buffers).

import type { OutcomeTarget } from "../solver/outcome-schedule";
import { describeFault, listNames, objectAt, type OutcomeKind, type Program } from "../engine/index";
import * as I from "../engine/machine";
import * as L from "./layout";
import type { MemoryLayout } from "./layout";
import { outcomeKey, stateKey, type Reachability } from "./reachable";

export type HardwareOutcomeKind = OutcomeKind | "running";

export interface SharedValue {
  name: string;
  value: string;
}

export interface OutcomeRow {
  kind: HardwareOutcomeKind;
  message: string;
  /** Does this outcome win the level? */
  win: boolean;
  threads: number[];
  line?: number;
  count: number;
  /** Number (from 1) of the first trial that ended this way, and its final shared state. */
  firstTrial: number;
  finalState: SharedValue[];
  /** The same state as raw shared slots (the engine's Program.sharedLength of them). */
  finalShared?: number[];
  /** true: some interleaving reaches it under SC; false: none does, so the hardware reordered
   *  memory accesses; null: not compared (a budget, or the search gave up). */
  sc: boolean | null;
}

export class OutcomeTally {
  private readonly byRaw = new Map<string, OutcomeRow>();
  private readonly byMessage = new Map<string, OutcomeRow>();
  trials = 0;

  constructor(
    private readonly p: Program,
    private readonly layout: MemoryLayout,
    private readonly reach: Reachability | null,
    private readonly budget: number,
  ) {}

  /** Rows, most frequent first. */
  rows(): OutcomeRow[] {
    return [...this.byMessage.values()].sort((a, b) => b.count - a.count || a.firstTrial - b.firstTrial);
  }

  /** Counts the trial that just ended in `mem` (every worker done). */
  record(mem: Int32Array): OutcomeRow {
    this.trials++;
    const C = this.layout.control;
    const kind = mem[C + L.OUTCOME];
    let raw = `${kind}:${mem[C + L.OUTCOME_THREAD]}:${mem[C + L.OUTCOME_PC]}:${mem[C + L.OUTCOME_RULE]}:${mem[C + L.OUTCOME_DETAIL]}`;
    let finishedSC: boolean | null = null;
    if (kind === L.OUT_NONE) {
      finishedSC = this.reach ? this.reach.finalStates.has(stateKey(mem, this.layout.shared)) || (this.reach.complete ? false : null) : null;
      raw = `finished:${finishedSC}`;
    } else if (kind === L.OUT_DEADLOCK || kind === L.OUT_RUNNING) {
      for (let t = 0; t < this.layout.threads; t++) {
        const b = L.threadBlock(this.layout, t);
        raw += `|${mem[b + L.RESULT]}:${mem[b + L.WAIT_PC]}:${kind === L.OUT_DEADLOCK ? mem[mem[b + L.WAIT_SLOT]] : 0}`;
      }
    }
    let row = this.byRaw.get(raw);
    if (!row) {
      const fresh = kind === L.OUT_NONE ? this.finished(finishedSC) : this.build(mem, kind);
      row = this.byMessage.get(`${fresh.message}\u0000${fresh.sc}`);
      if (!row) {
        row = { ...fresh, count: 0, firstTrial: this.trials, finalState: sharedValues(this.p, mem), finalShared: Array.from(mem.subarray(0, this.layout.shared)) };
        this.byMessage.set(`${fresh.message}\u0000${fresh.sc}`, row);
      }
      this.byRaw.set(raw, row);
    }
    row.count++;
    return row;
  }

  private finished(sc: boolean | null): Omit<OutcomeRow, "count" | "firstTrial" | "finalState"> {
    const message =
      sc !== false ? "Every thread ran to its end: the program worked correctly this time"
      : this.p.tso ? "Every thread ran to its end, leaving a shared state that only store buffering explains"
      : "Every thread ran to its end, leaving a shared state that no interleaving reaches";
    return { kind: "finished", win: false, threads: [], message, sc };
  }

  private build(mem: Int32Array, code: number): Omit<OutcomeRow, "count" | "firstTrial" | "finalState"> {
    const { p, layout } = this;
    const C = layout.control;
    const t = mem[C + L.OUTCOME_THREAD], pc = mem[C + L.OUTCOME_PC], rule = mem[C + L.OUTCOME_RULE], detail = mem[C + L.OUTCOME_DETAIL];
    const name = p.threads[t].name;
    const line = p.statements[p.statementOf[pc]].span.start.line;
    const win = (kind: HardwareOutcomeKind) => (p.spec.win as string[]).includes(kind);
    const sc = (key: string) => (!this.reach ? null : this.reach.outcomes.has(key) ? true : this.reach.complete ? false : null);
    const unfinished = p.threads.map((_, k) => k).filter((k) => mem[L.threadBlock(layout, k) + L.RESULT] !== L.R_FINISHED);
    switch (code) {
      case L.OUT_EXCEPTION: {
        const why = describeFault(p, mem, { rule, pc, thread: t, detail });
        return { kind: "exception", win: win("exception"), threads: [t], line, message: `${name} threw an exception at line ${line}: ${why}`, sc: sc(outcomeKey("exception", t, pc, rule)) };
      }
      case L.OUT_ASSERTION: {
        const text = p.statements[p.statementOf[pc]].text.replace(/;$/, "");
        return { kind: "assertion", win: win("assertion"), threads: [t], line, message: `${name} failed ${text} at line ${line}`, sc: sc(outcomeKey("assertion", t, pc)) };
      }
      case L.OUT_EXIT:
        return { kind: "exit", win: false, threads: [t], line, message: `${name} called exit() at line ${line}, which ends the whole program`, sc: sc(outcomeKey("exit", t, pc)) };
      case L.OUT_MUTUAL_EXCLUSION: {
        const inside = p.threads.map((_, k) => k).filter((k) => (detail & (1 << k)) !== 0);
        const names = listNames(inside.map((k) => p.threads[k].name));
        return { kind: "mutual-exclusion", win: win("mutual-exclusion"), threads: inside, message: `${names} are ${inside.length === 2 ? "both" : "all"} in the critical section`, sc: sc("mutual-exclusion") };
      }
      case L.OUT_DEADLOCK: {
        const parts = unfinished.map((k) => `${p.threads[k].name} ${this.waitsFor(mem, k)}`);
        return { kind: "deadlock", win: win("deadlock"), threads: unfinished, message: parts.join(", "), sc: sc("deadlock") };
      }
      default: {
        // The threads that used up their budget; after a time limit, every one not blocked.
        const spent = unfinished.filter((k) => mem[L.threadBlock(layout, k) + L.RESULT] === L.R_BUDGET);
        const running = spent.length > 0 ? spent : unfinished.filter((k) => mem[L.threadBlock(layout, k) + L.RESULT] !== L.R_BLOCKED);
        const names = listNames(running.map((k) => p.threads[k].name));
        const verb = running.length === 1 ? "was" : "were";
        const limit = detail >= 0 ? `${this.budget.toLocaleString("en-US")} statements` : "the time limit";
        return { kind: "running", win: false, threads: running, message: `${names} ${verb} still running after ${limit}`, sc: null };
      }
    }
  }

  /** Why a thread stopped in a deadlock, as a verb phrase, in the engine's words where it has them. */
  private waitsFor(mem: Int32Array, t: number): string {
    const { p } = this;
    const b = L.threadBlock(this.layout, t);
    const pc = mem[b + L.WAIT_PC];
    const slot = mem[b + L.WAIT_SLOT];
    const line = p.statements[p.statementOf[pc]].span.start.line;
    const obj = objectAt(p, slot);
    const name = obj?.name ?? "?";
    const threadName = (plusOne: number) => p.threads[plusOne - 1]?.name ?? "nobody";
    switch (p.code[pc * I.STRIDE]) {
      case I.LOCK:
      case I.COND_REACQUIRE: {
        const verb = p.code[pc * I.STRIDE] === I.LOCK ? "waits for" : "waits to re-acquire";
        const owner = mem[slot];
        return owner === t + 1 ? `${verb} ${name}, which it holds itself (a mutex is not re-entrant)` : `${verb} ${name} held by ${threadName(owner)}`;
      }
      case I.SEM_WAIT: return `waits for ${name} (its value is 0)`;
      case I.COND_WAIT: return `waits on ${name} for a signal`;
      case I.BARRIER_WAIT: return `waits at ${name} (${mem[slot]} of ${obj?.desc.aux} arrived)`;
      case I.CD_WAIT: return `waits for ${name} to count down to 0 (it is ${mem[slot]})`;
      case I.EV_WAIT: return `waits for ${name} to be set`;
      default: return `waits for ${name} at line ${line}`;
    }
  }
}

/**
 * The outcome a schedule must end with to show how a row happened: its kind; the thread and line
 * of an assert, exception or exit; a finished run's shared state (its first trial's). null for
 * "still running", which no schedule ends with.
 */
export function outcomeTarget(row: OutcomeRow): OutcomeTarget | null {
  switch (row.kind) {
    case "running": return null;
    case "finished": return { kind: "finished", shared: row.finalShared };
    case "assertion": case "exception": case "exit": return { kind: row.kind, thread: row.threads[0], line: row.line };
    default: return { kind: row.kind };
  }
}

/** The level's shared variables and objects, as the player would read them. */
export function sharedValues(p: Program, s: ArrayLike<number>): SharedValue[] {
  const out: SharedValue[] = [];
  const who = (plusOne: number) => (plusOne === 0 ? "free" : `held by ${p.threads[plusOne - 1]?.name ?? "?"}`);
  for (const d of p.descriptors) {
    if (d.kind === "var") {
      const shown = Array.from({ length: d.count }, (_, i) => (d.valueType === "bool" ? String(s[d.base + i] !== 0) : String(s[d.base + i])));
      out.push({ name: d.name, value: d.array ? `[${shown.join(", ")}]` : shown[0] });
      continue;
    }
    for (let i = 0; i < d.count; i++) {
      const at = d.base + i * d.size;
      const name = d.array ? `${d.name}[${i}]` : d.name;
      let value: string;
      switch (d.kind) {
        case "mutex": value = who(s[at]); break;
        case "semaphore": case "countdown": value = String(s[at]); break;
        case "event": value = s[at] !== 0 ? "set" : "not set"; break;
        case "barrier": value = `${s[at]} of ${d.aux} arrived`; break;
        case "condition": value = s[at] === 0 ? "nobody waiting" : `${s[at]} waiting`; break;
        case "rwlock": {
          const readers = p.threads.filter((_, k) => (s[at + 1] & (1 << k)) !== 0).map((th) => th.name);
          value = s[at] !== 0 ? `written by ${p.threads[s[at] - 1]?.name}` : readers.length > 0 ? `read by ${readers.join(", ")}` : "free";
          break;
        }
        default: value = `[${Array.from({ length: s[at + 1] }, (_, k) => s[at + 2 + k]).join(", ")}]`;
      }
      out.push({ name, value });
    }
  }
  return out;
}
