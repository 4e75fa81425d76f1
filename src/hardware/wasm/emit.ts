// Compiles a level's Program (its validated instructions: numbers, slots and opcodes; never its
// text) into one WebAssembly module, so hardware mode runs each thread as native code on one
// shared memory. The memory is hardware mode's own layout (layout.ts), so the coordinator, the
// watchdog and the tally read it exactly as they read the interpreter's.
//
// Shape: one exported function per thread, `thread<t>(budget, jitter) -> R_*`. Its instructions
// are laid out in order inside N+1 nested blocks under one loop, with a `br_table` on the pc at
// the top: straight-line code falls from one instruction into the next with no dispatch at all;
// only a jump (`while`, `if`, `break`) sets the pc and branches back to the table. Registers are
// wasm locals (zero at every call, as a trial's registers must be). Plain reads and writes of
// shared variables are plain i32.load/i32.store, so races are real; `atomic_*`, `fence()` and
// every synchronization object use the atomic instructions, and a blocked thread sleeps in
// memory.atomic.wait32 with waiting.ts's protocol. Two imports run off the hot path, where a
// trial ends or a thread is about to sleep: claiming an outcome, and the deadlock check.
// runtime.ts holds the module's frame and its blocking and jitter helpers; objects.ts the
// objects whose operations touch several words.

import * as I from "../../engine/machine";
import type { Program } from "../../engine/machine";
import * as L from "../layout";
import { memoryLayout, type MemoryLayout } from "../layout";
import { ATOMIC, Body, encodeModule, OP } from "./encode";
import * as O from "./objects";
import {
  AT, blockFunction, BUDGET, EPOCH, F_BLOCK, F_CLAIM, F_JITTER, F_THREAD0, FIRST_REGISTER, G_RNG, IN_SECTION, JITTER, jitterFunction, K, N, PC,
  RESULT, STEPS, T_BLOCK, T_CLAIM, T_DEADLOCK, T_JITTER, T_THREAD, TYPES, VAL, W, word,
} from "./runtime";

/** Everything a worker needs to run a level as wasm. Structured-clone safe. */
export interface WasmLevel {
  bytes: Uint8Array<ArrayBuffer>;
  layout: MemoryLayout;
  initialShared: Int32Array;
  /** Pages of the shared memory (initial = maximum). */
  pages: number;
  /** Word where each thread leaves its registers when it stops (at their engine slots). */
  registerDump: number;
}

/** The opcodes this compiler gives a compiled form (all of program.ts's). */
export const COMPILED_OPCODES: ReadonlySet<number> = new Set([
  I.END, I.STMT, I.CONST, I.MOV, I.ADD, I.SUB, I.MUL, I.DIV, I.MOD, I.EQ, I.NE, I.LT, I.LE, I.GT, I.GE, I.NOT, I.NEG,
  I.ADDI, I.JMP, I.JZ, I.JNZ, I.ASSERT, I.EXIT, I.FENCE, I.LD, I.ST, I.AADD, I.AXCHG, I.ACAS, I.LOCK, I.UNLOCK,
  I.TRYLOCK, I.SEM_WAIT, I.SEM_SIGNAL, I.COND_WAIT, I.COND_REACQUIRE, I.COND_SIGNAL, I.COND_BROADCAST,
  I.BARRIER_WAIT, I.CD_DOWN, I.CD_WAIT, I.EV_SET, I.EV_RESET, I.EV_WAIT, I.RW_RLOCK, I.RW_RUNLOCK, I.RW_WLOCK,
  I.RW_WUNLOCK, I.Q_ENQ_BEGIN, I.Q_ENQ_END, I.Q_DEQ_BEGIN, I.Q_DEQ_END, I.Q_SIZE,
]);

export function compileToWasm(p: Program): WasmLevel {
  const layout = memoryLayout(p.sharedLength, p.threads.length);
  const registerDump = layout.length;
  const words = registerDump + p.initial.length;
  const pages = Math.max(1, Math.ceil((words * 4) / 65536));
  const functions = [
    { type: T_BLOCK, body: blockFunction(layout) },
    { type: T_JITTER, body: jitterFunction() },
    ...p.threads.map((_, t) => ({ type: T_THREAD, body: new ThreadEmitter(p, layout, t, registerDump).emit() })),
  ];
  const bytes = encodeModule({
    types: TYPES,
    importFunctions: [{ name: "claim", type: T_CLAIM }, { name: "deadlock", type: T_DEADLOCK }],
    memoryPages: pages,
    functions,
    globals: [{ mutable: true, init: 0 }],
    exports: p.threads.map((_, t) => ({ name: `thread${t}`, func: F_THREAD0 + t })),
  });
  return { bytes, layout, initialShared: p.initial.slice(0, p.sharedLength), pages, registerDump };
}

class ThreadEmitter implements O.ObjectEmitter {
  readonly b = new Body();
  private readonly entry: number;
  private readonly end: number;
  private readonly regs = new Map<number, number>();
  readonly C: number;
  readonly T: number;
  private readonly critical: boolean;
  /** The instruction being emitted, and whether its shared slot is static (else it is in AT). */
  private pc = 0;
  private staticAt = -1;

  constructor(
    private readonly p: Program,
    readonly layout: MemoryLayout,
    readonly t: number,
    private readonly registerDump: number,
  ) {
    this.entry = p.threads[t].entry;
    this.end = t + 1 < p.threads.length ? p.threads[t + 1].entry : p.code.length / I.STRIDE;
    this.C = word(layout.control);
    this.T = word(L.threadBlock(layout, t));
    let critical = false;
    for (let pc = this.entry; pc < this.end; pc++) {
      const o = pc * I.STRIDE;
      const op = p.code[o];
      if (!COMPILED_OPCODES.has(op)) throw new Error(`opcode ${op} at ${pc} has no compiled form`);
      if (op === I.STMT && (p.code[o + 2] & I.FLAG_CRITICAL) !== 0) critical = true;
      const { defs, uses } = I.registerOperands(op);
      for (const k of [...defs, ...uses]) {
        const slot = p.code[o + k];
        if (slot >= 0 && !this.regs.has(slot)) this.regs.set(slot, FIRST_REGISTER + this.regs.size);
      }
    }
    this.critical = critical;
  }

  private reg(slot: number): number {
    return this.regs.get(slot)!;
  }

  emit() {
    const { b, entry, end } = this;
    const n = end - entry;
    const seed = Math.imul(0x9e3779b9, this.t + 1) || 1;
    b.op(OP.global_get, G_RNG).op(OP.i32_eqz).if().i32(seed).op(OP.global_set, G_RNG).end();
    b.block("exit").loop("dispatch");
    for (let k = n; k >= 0; k--) b.block(`i${k}`);
    b.get(PC).brTable(Array.from({ length: n }, (_, k) => `i${k}`), `i${n}`);
    for (let k = 0; k < n; k++) {
      b.end();
      this.pc = entry + k;
      this.instruction();
    }
    b.end().op(OP.unreachable); // every thread's code ends in END
    b.end().end();
    // The thread stopped: publish its step count and leave its registers where tests read them.
    b.i32(this.T).get(STEPS).atomic(ATOMIC.store, word(L.PROGRESS));
    b.i32(this.T).get(STEPS).atomic(ATOMIC.store, word(L.STEPS));
    for (const [slot, local] of this.regs) b.i32(word(this.registerDump + slot)).get(local).store();
    b.get(RESULT);
    return b.finish(2, FIRST_REGISTER + this.regs.size);
  }

  // --- ways out --------------------------------------------------------------------------

  private stop(result: number) {
    this.b.i32(result).set(RESULT).br("exit");
  }

  /** Claims an outcome at this instruction; `detail` pushes the detail word. */
  private claim(kind: number, rule: number, detail: () => void) {
    this.b.i32(kind).i32(this.t).i32(this.pc).i32(rule);
    detail();
    this.b.call(F_CLAIM);
  }

  raise(rule: number, detail: () => void) {
    this.claim(L.OUT_EXCEPTION, rule, detail);
    this.stop(L.R_THROWN);
  }

  private jumpTo(target: number) {
    this.b.i32(target - this.entry).set(PC).br("dispatch");
  }

  // --- addresses -------------------------------------------------------------------------

  /** Pushes the byte address of the current access's slot (use memarg offsets for words after it). */
  at(): Body {
    return this.staticAt >= 0 ? this.b.i32(word(this.staticAt)) : this.b.get(AT);
  }
  /** Pushes the slot number itself. */
  slot(): Body {
    return this.staticAt >= 0 ? this.b.i32(this.staticAt) : this.b.get(AT).i32(2).op(OP.i32_shr_u);
  }
  /** Pushes the byte address of the slot's guard word (its sequence word is 4 bytes on). */
  guardAddr(): Body {
    if (this.staticAt >= 0) return this.b.i32(word(L.guardOf(this.layout, this.staticAt)));
    return this.b.get(AT).i32(1).op(OP.i32_shl).i32(word(this.layout.shared)).op(OP.i32_add);
  }
  seqAddr(): Body {
    return this.guardAddr().i32(4).op(OP.i32_add);
  }

  release(addr: () => void) {
    this.b.i32(this.C).i32(1).atomic(ATOMIC.add, word(L.RELEASES)).op(OP.drop);
    addr();
    this.b.i32(-1).atomic(ATOMIC.notify).op(OP.drop);
  }

  /** A counter moved by one with compare-and-swap (a semaphore's signal, a countdown's down):
   *  read it into VAL, let `refuse` raise on VAL, swap in VAL +/- 1 (`change`: i32.add or
   *  i32.sub), again until no other thread came between; then wake whoever waits on it. */
  casStep(at: () => Body, load: () => Body, change: number, refuse: (() => void) | null) {
    const b = this.b;
    b.block("done").loop("cas");
    load().set(VAL);
    refuse?.();
    at().get(VAL).get(VAL).i32(1).op(change).atomic(ATOMIC.cmpxchg).get(VAL).op(OP.i32_eq).brIf("done");
    b.br("cas").end().end();
    this.release(at);
  }

  /** Sleeps until woken; leaves the thread (R_BLOCKED) if the trial is over. Inside a "retry" loop. */
  block(addr: () => void, expected: () => void, slot: () => void) {
    const b = this.b;
    b.i32(this.t);
    addr();
    expected();
    b.get(EPOCH).i32(this.pc);
    slot();
    b.call(F_BLOCK).op(OP.i32_eqz).if();
    this.stop(L.R_BLOCKED);
    b.end().br("retry");
  }

  readEpoch() {
    this.b.i32(this.C).atomic(ATOMIC.load, word(L.RELEASES)).set(EPOCH);
  }

  guard() {
    const b = this.b;
    b.loop("guard");
    this.guardAddr().i32(0).i32(1).atomic(ATOMIC.cmpxchg).if();
    this.guardAddr().i32(1).code.byte(OP.i64_const).sleb(1_000_000);
    b.atomic(ATOMIC.wait32).op(OP.drop).br("guard").end();
    b.end();
  }
  unguard() {
    this.guardAddr().i32(0).atomic(ATOMIC.store);
    this.guardAddr().i32(-1).atomic(ATOMIC.notify).op(OP.drop);
  }

  // --- instructions ----------------------------------------------------------------------

  private instruction() {
    const { b, p } = this;
    const o = this.pc * I.STRIDE;
    const op = p.code[o];
    const a = p.code[o + 1], bb = p.code[o + 2], c = p.code[o + 3], d = p.code[o + 4];
    if (op < 32) return this.local(op, a, bb, c);
    const desc = bb;
    const base = p.descBase[desc], count = p.descCount[desc], size = p.descSize[desc], aux = p.descAux[desc];
    if (c >= 0) {
      // An element of an array: the engine's bounds check, then the element's address.
      this.staticAt = -1;
      b.get(this.reg(c)).i32(count).op(OP.i32_ge_u).if();
      this.raise(I.E_INDEX, () => b.get(this.reg(c)));
      b.end();
      b.get(this.reg(c)).i32(size * 4).op(OP.i32_mul).i32(word(base)).op(OP.i32_add).set(AT);
    } else this.staticAt = base;
    this.access(op, a, d, aux);
  }

  private local(op: number, a: number, bb: number, c: number) {
    const { b } = this;
    const binary = (wasmOp: number) => b.get(this.reg(bb)).get(this.reg(c)).op(wasmOp).set(this.reg(a));
    switch (op) {
      case I.STMT: return this.statement((bb & I.FLAG_CRITICAL) !== 0);
      case I.END:
        this.leaveSection();
        return this.stop(L.R_FINISHED);
      case I.CONST: b.i32(bb).set(this.reg(a)); return;
      case I.MOV: b.get(this.reg(bb)).set(this.reg(a)); return;
      case I.ADD: return binary(OP.i32_add);
      case I.SUB: return binary(OP.i32_sub);
      case I.MUL: return binary(OP.i32_mul);
      case I.DIV:
      case I.MOD: {
        b.get(this.reg(c)).op(OP.i32_eqz).if();
        this.raise(I.E_DIVISION, () => b.i32(op === I.DIV ? 0 : 1));
        b.end();
        if (op === I.MOD) return binary(OP.i32_rem_s); // rem_s of INT_MIN by -1 is 0, as in JS
        // div_s traps on INT_MIN / -1; JS (and the engine) wrap it: x / -1 is -x.
        b.get(this.reg(c)).i32(-1).op(OP.i32_eq).if();
        b.i32(0).get(this.reg(bb)).op(OP.i32_sub).set(this.reg(a));
        b.else();
        binary(OP.i32_div_s);
        b.end();
        return;
      }
      case I.EQ: return binary(OP.i32_eq);
      case I.NE: return binary(OP.i32_ne);
      case I.LT: return binary(OP.i32_lt_s);
      case I.LE: return binary(OP.i32_le_s);
      case I.GT: return binary(OP.i32_gt_s);
      case I.GE: return binary(OP.i32_ge_s);
      case I.NOT: b.get(this.reg(bb)).op(OP.i32_eqz).set(this.reg(a)); return;
      case I.NEG: b.i32(0).get(this.reg(bb)).op(OP.i32_sub).set(this.reg(a)); return;
      case I.ADDI: b.get(this.reg(bb)).i32(c).op(OP.i32_add).set(this.reg(a)); return;
      case I.JMP: return this.jumpTo(a);
      case I.JZ:
      case I.JNZ:
        b.get(this.reg(a));
        if (op === I.JZ) b.op(OP.i32_eqz);
        b.if();
        this.jumpTo(bb);
        b.end();
        return;
      case I.ASSERT:
        b.get(this.reg(a)).op(OP.i32_eqz).if();
        this.claim(L.OUT_ASSERTION, 0, () => b.i32(0));
        this.stop(L.R_ASSERTED);
        b.end();
        return;
      case I.EXIT:
        this.claim(L.OUT_EXIT, 0, () => b.i32(0));
        return this.stop(L.R_EXITED);
      case I.FENCE: b.fence(); return;
    }
    throw new Error(`opcode ${op} has no compiled form`);
  }

  private leaveSection() {
    if (!this.critical) return;
    const b = this.b;
    b.get(IN_SECTION).if();
    b.i32(this.C).i32(~(1 << this.t)).atomic(ATOMIC.and, word(L.IN_SECTION)).op(OP.drop);
    b.i32(0).set(IN_SECTION);
    b.end();
  }

  /** A statement boundary: count the step, poll the abort flag now and then, mind the budget,
   *  and stand in the critical section if this statement is one. */
  private statement(critical: boolean) {
    const b = this.b;
    this.leaveSection();
    b.get(STEPS).i32(63).op(OP.i32_and).op(OP.i32_eqz).if();
    b.i32(this.C).atomic(ATOMIC.load, word(L.ABORT)).if();
    this.stop(L.R_ABORTED);
    b.end();
    b.get(STEPS).i32(1023).op(OP.i32_and).op(OP.i32_eqz).if();
    b.i32(this.T).get(STEPS).atomic(ATOMIC.store, word(L.PROGRESS));
    b.end();
    b.end();
    b.get(STEPS).i32(1).op(OP.i32_add).tee(STEPS).get(BUDGET).op(OP.i32_gt_s).if();
    this.claim(L.OUT_RUNNING, 0, () => b.get(BUDGET));
    b.get(STEPS).i32(1).op(OP.i32_sub).set(STEPS);
    this.stop(L.R_BUDGET);
    b.end();
    if (critical) {
      // Reaching the line counts: anyone already standing in a section makes two.
      const bit = 1 << this.t;
      b.i32(this.C).i32(bit).atomic(ATOMIC.or, word(L.IN_SECTION)).set(VAL);
      b.i32(1).set(IN_SECTION);
      b.get(VAL).if();
      this.claim(L.OUT_MUTUAL_EXCLUSION, 0, () => b.get(VAL).i32(bit).op(OP.i32_or));
      this.stop(L.R_ABORTED);
      b.end();
    }
    b.get(JITTER).if().get(JITTER).call(F_JITTER).end();
  }

  private access(op: number, a: number, d: number, aux: number) {
    const { b } = this;
    const me = this.t + 1;
    const bit = 1 << this.t;
    const at = () => this.at();
    const load = (k = 0) => this.at().atomic(ATOMIC.load, 4 * k);
    switch (op) {
      case I.LD: at().load().set(this.reg(a)); return;
      case I.ST: at().get(this.reg(d)).store(); return;
      case I.AADD:
        at().get(this.reg(d)).atomic(ATOMIC.add).get(this.reg(d)).op(OP.i32_add).set(this.reg(a));
        return;
      case I.AXCHG: at().get(this.reg(d)).atomic(ATOMIC.xchg).set(this.reg(a)); return;
      case I.ACAS:
        at().get(this.reg(d)).get(this.reg(a)).atomic(ATOMIC.cmpxchg).get(this.reg(d)).op(OP.i32_eq).set(this.reg(d));
        return;
      case I.LOCK:
      case I.COND_REACQUIRE: {
        const m = op === I.LOCK ? at : () => b.i32(word(aux));
        const slot = op === I.LOCK ? () => this.slot() : () => b.i32(aux);
        b.loop("retry");
        this.readEpoch();
        m();
        b.i32(0).i32(me).atomic(ATOMIC.cmpxchg).tee(VAL).if();
        this.block(m, () => b.get(VAL), slot);
        b.end().end();
        return;
      }
      case I.UNLOCK:
        at().i32(me).i32(0).atomic(ATOMIC.cmpxchg).tee(VAL).i32(me).op(OP.i32_ne).if();
        this.raise(I.E_UNLOCK_NOT_OWNER, () => b.get(VAL));
        b.end();
        this.release(at);
        return;
      case I.TRYLOCK: at().i32(0).i32(me).atomic(ATOMIC.cmpxchg).op(OP.i32_eqz).set(this.reg(a)); return;
      case I.SEM_WAIT:
        b.block("taken").loop("retry");
        this.readEpoch();
        load().tee(VAL).if();
        at().get(VAL).get(VAL).i32(1).op(OP.i32_sub).atomic(ATOMIC.cmpxchg).get(VAL).op(OP.i32_eq).brIf("taken");
        b.br("retry").end();
        this.block(at, () => b.i32(0), () => this.slot());
        b.end().end();
        return;
      case I.SEM_SIGNAL:
        // Above its max, a semaphore refuses the signal.
        this.casStep(at, load, OP.i32_add, aux < 0 ? null : () => {
          b.get(VAL).i32(aux).op(OP.i32_ge_s).if();
          this.raise(I.E_SEMAPHORE_MAX, () => b.i32(aux));
          b.end();
        });
        return;
      case I.CD_DOWN:
        // At 0, a countdown refuses to go below.
        this.casStep(at, load, OP.i32_sub, () => {
          b.get(VAL).op(OP.i32_eqz).if();
          this.raise(I.E_COUNTDOWN_BELOW_ZERO, () => b.i32(0));
          b.end();
        });
        return;
      case I.CD_WAIT:
      case I.EV_WAIT:
        b.block("ready").loop("retry");
        this.readEpoch();
        load().tee(VAL);
        if (op === I.CD_WAIT) b.op(OP.i32_eqz);
        b.brIf("ready");
        this.block(at, () => b.get(VAL), () => this.slot());
        b.end().end();
        return;
      case I.EV_SET:
        at().i32(1).atomic(ATOMIC.store);
        this.release(at);
        return;
      case I.EV_RESET: at().i32(0).atomic(ATOMIC.store); return;
      case I.COND_WAIT: return O.condWait(this, aux, me);
      case I.COND_SIGNAL:
      case I.COND_BROADCAST: return O.condSignal(this, op, aux, me);
      case I.BARRIER_WAIT: return O.barrierWait(this, aux);
      case I.RW_RLOCK:
      case I.RW_WLOCK: return O.rwLock(this, op, me, bit);
      case I.RW_RUNLOCK:
      case I.RW_WUNLOCK: return O.rwUnlock(this, op, me, bit);
      case I.Q_ENQ_BEGIN:
      case I.Q_DEQ_BEGIN: return O.queueBegin(this, op, aux, me);
      case I.Q_ENQ_END:
        // length, then the item at the tail, the new length, and the busy word cleared.
        load(1).set(VAL);
        at().get(VAL).i32(4).op(OP.i32_mul).op(OP.i32_add).get(this.reg(d)).atomic(ATOMIC.store, 8);
        at().get(VAL).i32(1).op(OP.i32_add).atomic(ATOMIC.store, 4);
        at().i32(0).atomic(ATOMIC.store);
        return;
      case I.Q_DEQ_END: {
        load(1).set(N);
        load(2).set(this.reg(a));
        b.i32(0).set(K);
        b.block("shifted").loop("shift");
        b.get(K).get(N).i32(1).op(OP.i32_sub).op(OP.i32_ge_s).brIf("shifted");
        at().get(K).i32(4).op(OP.i32_mul).op(OP.i32_add).tee(W);
        b.get(W).atomic(ATOMIC.load, 12).atomic(ATOMIC.store, 8);
        b.get(K).i32(1).op(OP.i32_add).set(K).br("shift");
        b.end().end();
        at().get(N).i32(4).op(OP.i32_mul).op(OP.i32_add).i32(0).atomic(ATOMIC.store, 4);
        at().get(N).i32(1).op(OP.i32_sub).atomic(ATOMIC.store, 4);
        at().i32(0).atomic(ATOMIC.store);
        return;
      }
      case I.Q_SIZE: load(1).set(this.reg(a)); return;
    }
    throw new Error(`opcode ${op} has no compiled form`);
  }
}
