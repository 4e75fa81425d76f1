// The game's reducer: `step(state, move)` returns a new state or an error value and never
// mutates its input. A replay is `moves.reduce(step, initialState(level))`. The UI, the CLI,
// the tests and the solver's reports all go through here; the rules themselves live in vm.ts.

import { Analyzer } from "./analysis";
import { describeBlock, describeFault } from "./explain";
import * as I from "./program";
import type { Program } from "./program";
import { err, ok, type Result } from "./result";
import { listNames } from "./thread-names";
import { applyMove, ASSERTED, BLOCKED, DONE, EXITED, isFinished, newFault, THROWN, type Fault } from "./vm";
import type { WinOutcome } from "./level";

export type MoveKind = "step" | "wake" | "flush";
export interface Move {
  kind: MoveKind;
  thread: number;
}

export type OutcomeKind = WinOutcome | "finished" | "exit";

export interface Outcome {
  kind: OutcomeKind;
  /** Does this outcome win the level? */
  win: boolean;
  /** What happened, in words, without the "Victory"/"Defeat" prefix. */
  message: string;
  /** Threads involved, by number. */
  threads: number[];
  /** For exception, assertion and exit: the thread's code line. */
  line?: number;
}

export interface GameState {
  readonly program: Program;
  readonly packed: Int32Array;
  readonly schedule: readonly Move[];
  readonly outcome: Outcome | null;
  /** Per thread: the move count at which it became blocked, or -1 (arrival order for the UI). */
  readonly blockedSince: readonly number[];
}

/** The memory models a level can be played under (`options.memoryModel`). */
export type MemoryModel = "sc" | "tso";

/** What a search for a shortest schedule ending with a given outcome found (hardware mode's
 *  "Show a schedule for this"), as plain data a worker sends and the store keeps. */
export type OutcomeScheduleAnswer =
  | { status: "found"; model: MemoryModel; schedule: Move[] }
  /** `tried`: the models searched in full, none reaching the outcome. */
  | { status: "none"; tried: MemoryModel[] }
  | { status: "unknown"; model: MemoryModel; states: number };

export type MoveErrorCode = "game-over" | "unknown-move" | "blocked" | "finished" | "not-waiting" | "empty-buffer";
export interface MoveError {
  code: MoveErrorCode;
  message: string;
}

const analyzers = new WeakMap<Program, Analyzer>();
export function analyzerFor(p: Program): Analyzer {
  let a = analyzers.get(p);
  if (!a) analyzers.set(p, (a = new Analyzer(p)));
  return a;
}

export function initialState(program: Program): GameState {
  const packed = program.initial.slice();
  const blocked = program.threads.map((_, t) => (analyzerFor(program).blocked(packed, t) ? 0 : -1));
  return { program, packed, schedule: [], outcome: classify(program, packed, null), blockedSince: blocked };
}

export function formatMove(p: Program, m: Move): string {
  const name = p.threads[m.thread]?.name ?? `#${m.thread}`;
  return m.kind === "step" ? name : `${name}:${m.kind}`;
}

/** Reads a move as `solution` writes it: a thread name or 0-based index, `NAME:wake`, `NAME:flush`. */
export function parseMove(p: Program, move: string | number): Move | null {
  if (typeof move === "number") {
    return Number.isInteger(move) && move >= 0 && move < p.threads.length ? { kind: "step", thread: move } : null;
  }
  const exact = p.threads.findIndex((t) => t.name === move);
  if (exact >= 0) return { kind: "step", thread: exact };
  const colon = move.lastIndexOf(":");
  if (colon < 0) return null;
  const kind = move.slice(colon + 1);
  const thread = p.threads.findIndex((t) => t.name === move.slice(0, colon));
  if (thread < 0 || (kind !== "wake" && kind !== "flush")) return null;
  return { kind, thread };
}

/** Every move that `step` would accept now, in thread order: steps, then wakes, then flushes. */
export function legalMoves(state: GameState): Move[] {
  if (state.outcome) return [];
  const moves: Move[] = [];
  for (const kind of ["step", "wake", "flush"] as const) {
    for (let t = 0; t < state.program.threads.length; t++) {
      if (!moveProblem(state, { kind, thread: t })) moves.push({ kind, thread: t });
    }
  }
  return moves;
}

/** Why a move cannot be made now, or null when it can. */
export function moveProblem(state: GameState, move: Move): MoveError | null {
  const p = state.program;
  const th = p.threads[move.thread];
  if (state.outcome) return { code: "game-over", message: "The game is over: undo or reset to play on." };
  if (!th || !["step", "wake", "flush"].includes(move.kind)) return { code: "unknown-move", message: "There is no such move." };
  const s = state.packed;
  const status = s[th.base + 1];
  if (move.kind === "wake") {
    if (!p.spuriousWakeups) return { code: "not-waiting", message: "This level has no spurious wakeups." };
    if (status >= 0) return { code: "not-waiting", message: `${th.name} is not waiting on a condition.` };
    return null;
  }
  if (move.kind === "flush") {
    if (!p.tso) return { code: "empty-buffer", message: "This level has no store buffers." };
    if (s[th.buffer] === 0) return { code: "empty-buffer", message: `${th.name}'s store buffer is empty.` };
    return null;
  }
  if (isFinished(p, s, move.thread)) return { code: "finished", message: `${th.name} has finished.` };
  const reason = describeBlock(p, s, move.thread);
  if (reason) return { code: "blocked", message: `${th.name} is blocked: ${reason}.` };
  return null;
}

export function step(state: GameState, move: Move): Result<GameState, MoveError> {
  const problem = moveProblem(state, move);
  if (problem) return err(problem);
  const p = state.program;
  const packed = state.packed.slice();
  const fault = newFault(); // this move's: where it threw, failed or exited
  const result = applyMove(p, packed, move, fault);
  if (result === BLOCKED || result === DONE) {
    return err({ code: result === BLOCKED ? "blocked" : "finished", message: "That thread cannot step now." });
  }
  const outcome = classify(p, packed, result === 0 ? null : { result, thread: move.thread, fault });
  const analyzer = analyzerFor(p);
  const n = state.schedule.length + 1;
  const blockedSince = p.threads.map((_, t) => {
    if (isFinished(p, packed, t) || !analyzer.blocked(packed, t)) return -1;
    return state.blockedSince[t] >= 0 && t !== move.thread ? state.blockedSince[t] : n;
  });
  return ok({ program: p, packed, schedule: [...state.schedule, move], outcome, blockedSince });
}

/** The player's "step statement": steps until the thread's current statement is done, or it
 *  blocks, or the game ends. */
export function stepStatement(state: GameState, thread: number): Result<GameState, MoveError> {
  const first = step(state, { kind: "step", thread });
  if (!first.ok) return first;
  let current = first.value;
  const p = state.program;
  while (!current.outcome) {
    const pc = current.packed[p.threads[thread].base];
    const op = p.code[pc * I.STRIDE];
    if (op === I.STMT || op === I.END) break;
    const next = step(current, { kind: "step", thread });
    if (!next.ok) break;
    current = next.value;
  }
  return ok(current);
}

/** Plays moves from the start; stops at the first illegal one. */
export function replay(program: Program, moves: readonly Move[]): { state: GameState; failedAt?: number; error?: MoveError } {
  let state = initialState(program);
  for (let i = 0; i < moves.length; i++) {
    const next = step(state, moves[i]);
    if (!next.ok) return { state, failedAt: i, error: next.error };
    state = next.value;
  }
  return { state };
}

/** Why a level's `solution` does not replay to a win, in `levels check`'s words; null when it does. */
export function solutionProblem(program: Program, solution: readonly (string | number)[]): string | null {
  const moves: Move[] = [];
  for (let i = 0; i < solution.length; i++) {
    const move = parseMove(program, solution[i]);
    if (!move) return `move ${i + 1} (${JSON.stringify(solution[i])}) names no thread`;
    moves.push(move);
  }
  const played = replay(program, moves);
  if (played.error) return `move ${played.failedAt! + 1} (${formatMove(program, moves[played.failedAt!])}) is not legal: ${played.error.message}`;
  if (!played.state.outcome) return `after all ${moves.length} moves the game is still going`;
  if (!played.state.outcome.win) return `it ends in a loss: ${played.state.outcome.kind} (${played.state.outcome.message})`;
  return null;
}

function classify(p: Program, s: Int32Array, stepped: { result: number; thread: number; fault: Fault } | null): Outcome | null {
  const win = (kind: OutcomeKind) => (p.spec.win as string[]).includes(kind);
  const names = (ts: number[]) => listNames(ts.map((t) => p.threads[t].name));
  const lineOf = (pc: number) => p.statements[p.statementOf[pc]].span.start.line;
  if (stepped?.result === THROWN) {
    const { fault } = stepped;
    const line = lineOf(fault.pc);
    return { kind: "exception", win: win("exception"), threads: [stepped.thread], line, message: `${p.threads[stepped.thread].name} threw an exception at line ${line}: ${describeFault(p, s, fault)}` };
  }
  if (stepped?.result === ASSERTED) {
    const { fault } = stepped;
    const line = lineOf(fault.pc);
    const text = p.statements[p.statementOf[fault.pc]].text;
    return { kind: "assertion", win: win("assertion"), threads: [stepped.thread], line, message: `${p.threads[stepped.thread].name} failed ${text.replace(/;$/, "")} at line ${line}` };
  }
  const analyzer = analyzerFor(p);
  if (analyzer.criticalThreads(s) >= 2) {
    const inside = p.threads.map((_, t) => t).filter((t) => p.critical[s[p.threads[t].base]] === 1 && s[p.threads[t].base + 1] === 0);
    return { kind: "mutual-exclusion", win: win("mutual-exclusion"), threads: inside, message: `${names(inside)} are ${inside.length === 2 ? "both" : "all"} in the critical section` };
  }
  if (stepped?.result === EXITED) {
    const { fault } = stepped;
    const line = lineOf(fault.pc);
    return { kind: "exit", win: false, threads: [stepped.thread], line, message: `${p.threads[stepped.thread].name} called exit() at line ${line}, which ends the whole program` };
  }
  if (analyzer.deadlocked(s)) {
    const stuck = p.threads.map((_, t) => t).filter((t) => !isFinished(p, s, t));
    const parts = stuck.map((t) => `${p.threads[t].name} ${describeBlock(p, s, t) ?? describeSpin(p, s, t)}`);
    return { kind: "deadlock", win: win("deadlock"), threads: stuck, message: parts.join(", ") };
  }
  if (analyzer.finished(s)) {
    return { kind: "finished", win: false, threads: [], message: "Every thread ran to its end: the program worked correctly this time" };
  }
  return null;
}

function describeSpin(p: Program, s: Int32Array, t: number): string {
  const pc = s[p.threads[t].base];
  return `spins at line ${p.statements[p.statementOf[pc]].span.start.line}, waiting for something that never changes`;
}

export { listNames };
