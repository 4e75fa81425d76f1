// Hardware-mode workers in the browser: module Web Workers that Vite bundles from worker.ts.

import type { SpawnWorker, WorkerLike } from "./coordinator";

export const spawnBrowserWorker: SpawnWorker = (thread) => {
  const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: `interleave-thread-${thread}` });
  const like: WorkerLike = {
    postMessage: (m) => worker.postMessage(m),
    terminate: () => worker.terminate(),
    onmessage: null,
    onerror: null,
  };
  worker.onmessage = (e) => like.onmessage?.(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    like.onerror?.(e.message || "the worker could not start");
  };
  return like;
};
