// The benchmark's yardstick: threads written by hand in plain JavaScript, run under the same
// trial protocol and reporting through the same memory as hardware mode, so the difference in
// speed is the interpreter's. lost-update: the level's two tellers. counter-loop: each thread
// adds 1 to a shared counter, a plain read and a plain write, `iterations` times.

import * as L from "./layout";
import type { FromWorker, InitBaselineMessage } from "./messages";
import { serveTrials } from "./protocol";

export function serveBaseline(msg: InitBaselineMessage, post: (m: FromWorker) => void): void {
  const mem = new Int32Array(msg.memory);
  const { layout, slots, thread, iterations } = msg;
  const C = layout.control;
  const result = L.threadBlock(layout, thread) + L.RESULT;
  const balance = slots.balance, alDone = slots.alDone, counter = slots.counter;

  const tellerAl = () => {
    mem[balance] = mem[balance] + 100; // balance += 100; (a plain, racy read and write)
    mem[alDone] = 1;
    Atomics.store(mem, result, L.R_FINISHED);
  };
  const tellerBea = () => {
    mem[balance] = mem[balance] + 100;
    while (Atomics.load(mem, alDone) === 0) {
      if (Atomics.load(mem, C + L.ABORT) !== 0) return Atomics.store(mem, result, L.R_ABORTED);
    }
    if (mem[balance] !== 200) {
      L.claimOutcome(mem, layout, L.OUT_ASSERTION, 1, msg.assertPc, 0, 0);
      return Atomics.store(mem, result, L.R_ASSERTED);
    }
    Atomics.store(mem, result, L.R_FINISHED);
  };
  const counting = () => {
    for (let i = 0; i < iterations; i++) mem[counter] = (mem[counter] + 1) | 0;
    Atomics.store(mem, result, L.R_FINISHED);
  };
  const body = msg.workload === "counter-loop" ? counting : thread === 0 ? tellerAl : tellerBea;
  serveTrials({ mem, layout, initialShared: msg.initialShared, log: msg.log }, body, () => post({ type: "ready", thread }));
}
