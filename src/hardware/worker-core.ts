// What a hardware worker does, whatever hosts it (a browser Worker or Node's worker_threads):
// on its one "init" message it builds the thread's interpreter over the shared memory, says it
// is ready, and serves trials from then on.

import { ThreadRunner } from "./interpreter";
import type { FromWorker, InitMessage } from "./messages";
import { serveTrials } from "./protocol";

export function serveThread(msg: InitMessage, post: (m: FromWorker) => void): void {
  try {
    const mem = new Int32Array(msg.memory);
    const runner = new ThreadRunner(msg.code, mem, msg.thread, msg.settings);
    serveTrials(mem, msg.code.layout, () => runner.run(), () => post({ type: "ready", thread: msg.thread }));
  } catch (e) {
    post({ type: "failed", thread: msg.thread, message: e instanceof Error ? e.message : String(e) });
  }
}
