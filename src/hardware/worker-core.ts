// What a hardware worker does, whatever hosts it (a browser Worker or Node's worker_threads):
// on its one "init" message it builds the thread's runner over the shared memory (the level
// compiled to wasm, or the interpreter over its translated instructions), says it is ready,
// and serves trials from then on.

import { ThreadRunner } from "./interpreter";
import type { FromWorker, InitMessage, InitWasmMessage } from "./messages";
import { serveTrials, type TrialMemory } from "./protocol";
import { WasmThread } from "./wasm/thread";

interface Runner {
  memory: TrialMemory;
  run: () => number;
}

function runnerFor(msg: InitMessage | InitWasmMessage): Runner {
  if (msg.type === "init-wasm") {
    const thread = new WasmThread(msg.level, msg.memory, msg.thread, msg.settings);
    const { layout, initialShared } = msg.level;
    return { memory: { mem: new Int32Array(msg.memory.buffer), layout, initialShared, log: msg.log }, run: () => thread.run() };
  }
  const mem = new Int32Array(msg.memory);
  const thread = new ThreadRunner(msg.code, mem, msg.thread, msg.settings);
  const { layout, initialShared } = msg.code;
  return { memory: { mem, layout, initialShared, log: msg.log }, run: () => thread.run() };
}

export function serveThread(msg: InitMessage | InitWasmMessage, post: (m: FromWorker) => void): void {
  try {
    const { memory, run } = runnerFor(msg);
    serveTrials(memory, run, () => post({ type: "ready", thread: msg.thread }));
  } catch (e) {
    post({ type: "failed", thread: msg.thread, message: e instanceof Error ? e.message : String(e) });
  }
}
