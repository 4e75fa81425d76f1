// The synchronization objects whose operations touch several words (condition wait sets,
// barriers, reader-writer locks, queues), compiled to wasm atomics. Each function emits one
// instruction for the thread emitter `e`, with waiting.ts's protocol for blocking and release.

import * as I from "../../engine/machine";
import * as L from "../layout";
import type { MemoryLayout } from "../layout";
import { ATOMIC, type Body, OP } from "./encode";
import { K, N, VAL, W, word } from "./runtime";

/** What these functions need of the thread emitter (see emit.ts for each). */
export interface ObjectEmitter {
  readonly b: Body;
  readonly t: number;
  readonly layout: MemoryLayout;
  /** Byte addresses of the control block and of this thread's block. */
  readonly C: number;
  readonly T: number;
  at(): Body;
  slot(): Body;
  seqAddr(): Body;
  raise(rule: number, detail: () => void): void;
  release(addr: () => void): void;
  block(addr: () => void, expected: () => void, slot: () => void): void;
  readEpoch(): void;
  guard(): void;
  unguard(): void;
}

export function condWait(e: ObjectEmitter, mutex: number, me: number) {
  const b = e.b;
  const status = e.T + word(L.STATUS);
  // The wait set is only touched by holders of the mutex, so the mutex guards it.
  b.i32(word(mutex)).atomic(ATOMIC.load).tee(VAL).i32(me).op(OP.i32_ne).if();
  e.raise(I.E_COND_NOT_HELD, () => b.get(VAL));
  b.end();
  e.at().atomic(ATOMIC.load).set(N);
  e.at().get(N).i32(4).op(OP.i32_mul).op(OP.i32_add).i32(e.t).atomic(ATOMIC.store, 4);
  e.at().get(N).i32(1).op(OP.i32_add).atomic(ATOMIC.store);
  b.i32(status).i32(0);
  e.slot();
  b.i32(1).op(OP.i32_add).op(OP.i32_sub).atomic(ATOMIC.store);
  b.i32(word(mutex)).i32(0).atomic(ATOMIC.store);
  e.release(() => b.i32(word(mutex)));
  b.block("woken").loop("retry");
  e.readEpoch();
  b.i32(status).atomic(ATOMIC.load).tee(VAL).op(OP.i32_eqz).brIf("woken");
  e.block(() => b.i32(status), () => b.get(VAL), () => e.slot());
  b.end().end();
}

export function condSignal(e: ObjectEmitter, op: number, mutex: number, me: number) {
  const b = e.b;
  b.i32(word(mutex)).atomic(ATOMIC.load).tee(VAL).i32(me).op(OP.i32_ne).if();
  e.raise(I.E_COND_NOT_HELD, () => b.get(VAL));
  b.end();
  e.at().atomic(ATOMIC.load).set(N);
  // W: how many wake (signal: one if anyone waits; broadcast: all).
  if (op === I.COND_SIGNAL) b.get(N).i32(0).op(OP.i32_ne).set(W);
  else b.get(N).set(W);
  // Each woken thread's status word goes to 0, and it is woken (its wait set entry stays
  // until the shift below, which only holders of the mutex look at).
  b.i32(0).set(K);
  b.block("woken").loop("wake");
  b.get(K).get(W).op(OP.i32_ge_s).brIf("woken");
  e.at().get(K).i32(4).op(OP.i32_mul).op(OP.i32_add).atomic(ATOMIC.load, 4);
  b.i32(L.THREAD_WORDS * 4).op(OP.i32_mul).i32(word(e.layout.threadBlocks + L.STATUS)).op(OP.i32_add);
  b.i32(0).atomic(ATOMIC.store);
  b.get(K).i32(1).op(OP.i32_add).set(K).br("wake");
  b.end().end();
  // Shift the rest of the wait set to the front; clear what is left behind.
  b.i32(0).set(K);
  b.block("shifted").loop("shift");
  b.get(K).get(N).op(OP.i32_ge_s).brIf("shifted");
  e.at().get(K).i32(4).op(OP.i32_mul).op(OP.i32_add);
  b.get(K).get(W).op(OP.i32_add).get(N).op(OP.i32_lt_s).if();
  e.at().get(K).get(W).op(OP.i32_add).i32(4).op(OP.i32_mul).op(OP.i32_add).atomic(ATOMIC.load, 4).set(VAL);
  b.else().i32(0).set(VAL).end();
  b.get(VAL).atomic(ATOMIC.store, 4);
  b.get(K).i32(1).op(OP.i32_add).set(K).br("shift");
  b.end().end();
  e.at().get(N).get(W).op(OP.i32_sub).atomic(ATOMIC.store);
  b.i32(e.C).i32(1).atomic(ATOMIC.add, word(L.RELEASES)).op(OP.drop);
  // Wake every woken thread's status word (notifying a word nobody sleeps on costs little).
  for (let u = 0; u < e.layout.threads; u++) b.i32(word(L.threadBlock(e.layout, u) + L.STATUS)).i32(-1).atomic(ATOMIC.notify).op(OP.drop);
}

export function barrierWait(e: ObjectEmitter, parties: number) {
  const b = e.b;
  e.guard();
  e.at().atomic(ATOMIC.load).i32(1).op(OP.i32_add).tee(VAL).i32(parties).op(OP.i32_eq).if();
  e.at().i32(0).atomic(ATOMIC.store);
  e.seqAddr().i32(1).atomic(ATOMIC.add).op(OP.drop);
  e.unguard();
  e.release(() => e.seqAddr());
  b.else();
  e.at().get(VAL).atomic(ATOMIC.store);
  e.seqAddr().atomic(ATOMIC.load).set(N);
  e.unguard();
  b.block("released").loop("retry");
  e.readEpoch();
  e.seqAddr().atomic(ATOMIC.load).get(N).op(OP.i32_ne).brIf("released");
  e.block(() => e.seqAddr(), () => b.get(N), () => e.slot());
  b.end().end();
  b.end();
}

export function rwLock(e: ObjectEmitter, op: number, me: number, bit: number) {
  const b = e.b;
  b.block("taken").loop("retry");
  e.readEpoch();
  e.guard();
  // free: no writer, and (read) this thread not yet reading / (write) no readers at all
  e.at().atomic(ATOMIC.load).op(OP.i32_eqz);
  e.at().atomic(ATOMIC.load, 4);
  if (op === I.RW_RLOCK) b.i32(bit).op(OP.i32_and);
  b.op(OP.i32_eqz).op(OP.i32_and).if();
  if (op === I.RW_RLOCK) e.at().i32(bit).atomic(ATOMIC.or, 4).op(OP.drop);
  else e.at().i32(me).atomic(ATOMIC.store);
  e.unguard();
  b.br("taken").end();
  e.seqAddr().atomic(ATOMIC.load).set(N);
  e.unguard();
  e.block(() => e.seqAddr(), () => b.get(N), () => e.slot());
  b.end().end();
}

export function rwUnlock(e: ObjectEmitter, op: number, me: number, bit: number) {
  const b = e.b;
  e.guard();
  e.at().atomic(ATOMIC.load).set(VAL); // the writer
  if (op === I.RW_RUNLOCK) e.at().atomic(ATOMIC.load, 4).i32(bit).op(OP.i32_and).op(OP.i32_eqz);
  else b.get(VAL).i32(me).op(OP.i32_ne);
  b.if();
  e.unguard();
  e.raise(op === I.RW_RUNLOCK ? I.E_READ_UNLOCK : I.E_WRITE_UNLOCK, () => b.get(VAL));
  b.end();
  if (op === I.RW_RUNLOCK) e.at().i32(~bit).atomic(ATOMIC.and, 4).op(OP.drop);
  else e.at().i32(0).atomic(ATOMIC.store);
  e.seqAddr().i32(1).atomic(ATOMIC.add).op(OP.drop);
  e.unguard();
  e.release(() => e.seqAddr());
}

export function queueBegin(e: ObjectEmitter, op: number, capacity: number, me: number) {
  const b = e.b;
  // The busy word is the engine's: whoever finds it taken has caught a concurrent modification.
  e.at().i32(0).i32(me).atomic(ATOMIC.cmpxchg).tee(VAL).if();
  e.raise(I.E_QUEUE_CONCURRENT, () => b.get(VAL));
  b.end();
  e.at().atomic(ATOMIC.load, 4);
  if (op === I.Q_DEQ_BEGIN) b.op(OP.i32_eqz);
  else b.i32(capacity).op(OP.i32_eq);
  b.if();
  e.at().i32(0).atomic(ATOMIC.store);
  if (op === I.Q_DEQ_BEGIN) e.raise(I.E_DEQUEUE_EMPTY, () => b.i32(0));
  else e.raise(I.E_QUEUE_FULL, () => b.i32(capacity));
  b.end();
}
