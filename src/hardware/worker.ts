// Entry of a hardware-mode Web Worker (bundled by Vite from `new URL("./worker.ts", ...)`).

import type { FromWorker, ToWorker } from "./messages";
import { serveThread } from "./worker-core";

const scope = self as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(m: FromWorker): void };

scope.onmessage = (e) => {
  if (e.data.type === "init" || e.data.type === "init-wasm") serveThread(e.data, (m) => scope.postMessage(m));
  else scope.postMessage({ type: "failed", thread: e.data.thread, message: `unknown message ${e.data.type}` });
};
