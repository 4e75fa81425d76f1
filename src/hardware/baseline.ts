// The benchmark's yardstick: threads written by hand, in plain JavaScript or in wasm
// (wasm/by-hand.ts), run under the same trial protocol and reporting through the same memory as
// hardware mode, so the difference in speed and in what the race shows is the cost of running
// a level rather than code written for the one test. lost-update: the level's two tellers.
// store-buffering: Ships in the Night's two keepers (fenced: Wait for the Mailboat's).
// counter-loop (JavaScript only): each thread adds 1 to a shared counter, `iterations` times.

import * as L from "./layout";
import type { FromWorker, InitBaselineMessage } from "./messages";
import { serveTrials } from "./protocol";
import { byHandModule } from "./wasm/by-hand";

export function serveBaseline(msg: InitBaselineMessage, post: (m: FromWorker) => void): void {
  const buffer = msg.memory instanceof WebAssembly.Memory ? msg.memory.buffer : msg.memory;
  const mem = new Int32Array(buffer);
  const { layout, thread } = msg;
  const result = L.threadBlock(layout, thread) + L.RESULT;
  const body = msg.language === "wasm" ? wasmThread(msg, mem) : jsThread(msg, mem);
  const run = () => Atomics.store(mem, result, body());
  serveTrials({ mem, layout, initialShared: msg.initialShared, log: msg.log }, run, () => post({ type: "ready", thread }));
}

function wasmThread(msg: InitBaselineMessage, mem: Int32Array): () => number {
  if (!(msg.memory instanceof WebAssembly.Memory) || msg.workload === "counter-loop") throw new Error("hand-written wasm needs a wasm memory and a litmus test");
  const { layout } = msg;
  const bytes = byHandModule({ workload: msg.workload, layout, slots: msg.slots, assertPc: msg.assertPc }, msg.memory.buffer.byteLength / 65536);
  const claim = (kind: number, t: number, pc: number, rule: number, detail: number) => L.claimOutcome(mem, layout, kind, t, pc, rule, detail);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory: msg.memory, claim } });
  return instance.exports[`thread${msg.thread}`] as () => number;
}

function jsThread(msg: InitBaselineMessage, mem: Int32Array): () => number {
  const { layout, slots, thread, iterations } = msg;
  const C = layout.control;
  const failAssert = () => {
    L.claimOutcome(mem, layout, L.OUT_ASSERTION, 1, msg.assertPc, 0, 0);
    return L.R_ASSERTED;
  };
  /** Spins until the flag is set: true, or false when the trial ended first. */
  const awaitFlag = (slot: number) => {
    while (Atomics.load(mem, slot) === 0) if (Atomics.load(mem, C + L.ABORT) !== 0) return false;
    return true;
  };
  switch (msg.workload) {
    case "lost-update": {
      const balance = slots.balance, alDone = slots.alDone;
      if (thread === 0) {
        return () => {
          mem[balance] = mem[balance] + 100; // balance += 100; (a plain, racy read and write)
          mem[alDone] = 1;
          return L.R_FINISHED;
        };
      }
      return () => {
        mem[balance] = mem[balance] + 100;
        if (!awaitFlag(alDone)) return L.R_ABORTED;
        return mem[balance] !== 200 ? failAssert() : L.R_FINISHED;
      };
    }
    case "store-buffering":
    case "store-buffering-fenced": {
      const { x, y, r1, r2, done } = slots;
      const fence = msg.workload === "store-buffering-fenced" ? () => Atomics.add(mem, C + L.FENCE, 0) : () => 0;
      if (thread === 0) {
        return () => {
          mem[x] = 1;
          fence();
          mem[r1] = mem[y];
          mem[done] = 1;
          return L.R_FINISHED;
        };
      }
      return () => {
        mem[y] = 1;
        fence();
        const seen = mem[x];
        mem[r2] = seen;
        if (!awaitFlag(done)) return L.R_ABORTED;
        return mem[r1] === 1 || seen === 1 ? L.R_FINISHED : failAssert();
      };
    }
    case "counter-loop": {
      const counter = slots.counter;
      return () => {
        for (let i = 0; i < iterations; i++) mem[counter] = (mem[counter] + 1) | 0;
        return L.R_FINISHED;
      };
    }
  }
}
