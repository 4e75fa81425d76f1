// Hardware-mode workers under Node (tests and the benchmark): worker_threads running the same
// worker code as the browser, through worker-node-boot.mjs (tsx loads the TypeScript).

import { Worker } from "node:worker_threads";
import type { SpawnWorker, WorkerLike } from "./coordinator";

export const spawnNodeWorker: SpawnWorker = () => {
  const worker = new Worker(new URL("./worker-node-boot.mjs", import.meta.url));
  const like: WorkerLike = {
    postMessage: (m) => worker.postMessage(m),
    terminate: () => void worker.terminate(),
    onmessage: null,
    onerror: null,
  };
  worker.on("message", (m) => like.onmessage?.(m));
  worker.on("error", (e) => like.onerror?.(e.message));
  return like;
};
