// The compiled form of a level: one flat array of instructions for all threads, descriptor
// tables for shared variables and synchronization objects, and the layout of the packed state
// (an Int32Array) that the engine, the solver and hardware mode all read.

import type { Span, StmtKind } from "./lang/ast";
import type { SyncType, ValueType } from "./lang/check";
import type { LevelSpec } from "./level";

/** Instructions are `STRIDE` ints: opcode, then up to four operands. Register operands are
 *  absolute slots of the state array (each thread's code is compiled for its own layout). */
export const STRIDE = 5;

// Opcodes. Below 32: local work, ADD..GE the binary operators. 32 and up: one access to shared
// state (the unit of a step). What each one means: instructions.ts.
export const END = 0, STMT = 1, CONST = 2, MOV = 3, ADD = 4, SUB = 5, MUL = 6, DIV = 7, MOD = 8;
export const EQ = 9, NE = 10, LT = 11, LE = 12, GT = 13, GE = 14, NOT = 15, NEG = 16, ADDI = 17;
export const JMP = 18, JZ = 19, JNZ = 20, ASSERT = 21, EXIT = 22, FENCE = 23;
export const LD = 32, ST = 33, AADD = 34, AXCHG = 35, ACAS = 36;
export const LOCK = 40, UNLOCK = 41, TRYLOCK = 42, SEM_WAIT = 43, SEM_SIGNAL = 44;
export const COND_WAIT = 45, COND_REACQUIRE = 46, COND_SIGNAL = 47, COND_BROADCAST = 48, BARRIER_WAIT = 49;
export const CD_DOWN = 50, CD_WAIT = 51, EV_SET = 52, EV_RESET = 53, EV_WAIT = 54;
export const RW_RLOCK = 55, RW_RUNLOCK = 56, RW_WLOCK = 57, RW_WUNLOCK = 58;
export const Q_ENQ_BEGIN = 59, Q_ENQ_END = 60, Q_DEQ_BEGIN = 61, Q_DEQ_END = 62, Q_SIZE = 63;

/** Every opcode by name: the list tests walk to prove each executor knows each one (a test also
 *  checks that it names every opcode constant above, so the two cannot drift apart). */
export const OPCODES: Readonly<Record<string, number>> = {
  END, STMT, CONST, MOV, ADD, SUB, MUL, DIV, MOD, EQ, NE, LT, LE, GT, GE, NOT, NEG, ADDI, JMP, JZ, JNZ, ASSERT, EXIT, FENCE,
  LD, ST, AADD, AXCHG, ACAS, LOCK, UNLOCK, TRYLOCK, SEM_WAIT, SEM_SIGNAL, COND_WAIT, COND_REACQUIRE, COND_SIGNAL, COND_BROADCAST,
  BARRIER_WAIT, CD_DOWN, CD_WAIT, EV_SET, EV_RESET, EV_WAIT, RW_RLOCK, RW_RUNLOCK, RW_WLOCK, RW_WUNLOCK,
  Q_ENQ_BEGIN, Q_ENQ_END, Q_DEQ_BEGIN, Q_DEQ_END, Q_SIZE,
};

export const isAccessOp = (op: number): boolean => op >= 32;

/** Which operands (1-4) of each opcode are registers it writes (`defs`) and reads (`uses`).
 *  An index operand of -1 means "not an array" and is not a register. */
export function registerOperands(op: number): { defs: number[]; uses: number[] } {
  if (op === CONST) return { defs: [1], uses: [] };
  if (op === MOV || op === NOT || op === NEG || op === ADDI) return { defs: [1], uses: [2] };
  if (op >= ADD && op <= GE) return { defs: [1], uses: [2, 3] };
  if (op === JZ || op === JNZ || op === ASSERT) return { defs: [], uses: [1] };
  if (op === LD || op === TRYLOCK || op === Q_DEQ_END || op === Q_SIZE) return { defs: [1], uses: [3] };
  if (op === ST || op === Q_ENQ_BEGIN || op === Q_ENQ_END) return { defs: [], uses: [3, 4] };
  if (op === AADD || op === AXCHG) return { defs: [1], uses: [3, 4] };
  if (op === ACAS) return { defs: [4], uses: [1, 3, 4] };
  if (op >= 32) return { defs: [], uses: [3] };
  return { defs: [], uses: [] };
}

/** STMT flag: the statement is `critical_section();`. */
export const FLAG_CRITICAL = 1;

export type DescKind = "var" | SyncType;

/** A shared variable, array, object or object array: one descriptor. */
export interface Descriptor {
  name: string;
  kind: DescKind;
  /** For variables: int or bool. */
  valueType?: ValueType;
  array: boolean;
  /** First slot in the packed state. */
  base: number;
  /** Elements (1 for a scalar). */
  count: number;
  /** Slots per element. */
  size: number;
  /** semaphore: max (-1: none); barrier: parties; queue: capacity; condition: its mutex's slot. */
  aux: number;
  /** condition: the name of its mutex. */
  mutex?: string;
}

/** One statement of one thread's code, as the UI shows it. */
export interface StatementInfo {
  thread: number;
  kind: StmtKind;
  /** What the player sees highlighted: the whole statement, or the header of an if/while. */
  span: Span;
  text: string;
  /** Accesses to shared state the statement makes (short-circuit may skip some). */
  accesses: number;
}

export interface LocalInfo {
  name: string;
  type: ValueType;
  /** Register number, relative to the thread's registers. */
  reg: number;
}

export interface ThreadLayout {
  name: string;
  /** Index of the `threads` entry in the level file this thread comes from. */
  spec: number;
  id: number;
  /** Where the thread's code starts in `Program.code` (instruction index). */
  entry: number;
  /** Slot of the thread's pc; status follows, then registers, then the store buffer. */
  base: number;
  /** Registers kept in the state: locals, then temporaries that live across a step. */
  registers: number;
  /** Registers from here on are temporaries of the current statement. */
  firstTemp: number;
  /** Slot of the store buffer's length (TSO only; -1 otherwise). */
  buffer: number;
  locals: LocalInfo[];
}

export interface Program {
  spec: LevelSpec;
  threads: ThreadLayout[];
  descriptors: Descriptor[];
  code: Int32Array;
  /** Per instruction: the statement it belongs to (index into `statements`). */
  statementOf: Int32Array;
  /** Per instruction: its 1-based number among its statement's accesses; 0 for local work. */
  accessOrdinal: Int32Array;
  /** Per instruction: what the access does, in words ("read counter"). */
  accessLabel: string[];
  statements: StatementInfo[];
  /** Slots [0, sharedLength) hold shared variables and objects. */
  sharedLength: number;
  /** Slots [0, stateLength) are the state; the solver stores and compares only these. */
  stateLength: number;
  /** After the state: scratch registers for values that never outlive a step. State arrays
   *  are `stateLength + scratchLength` long (`initial.length`). */
  scratchLength: number;
  tso: boolean;
  storeBufferSize: number;
  spuriousWakeups: boolean;
  initial: Int32Array;
  // Flat copies of the descriptor and layout tables for the interpreter's hot loop.
  descBase: Int32Array;
  descCount: Int32Array;
  descSize: Int32Array;
  descAux: Int32Array;
  threadBase: Int32Array;
  /** Per instruction: 1 when it is the STMT of a `critical_section();`. */
  critical: Uint8Array;
}
