// Entry of a hardware-mode worker under Node's worker_threads (tests and `npm run bench`): the
// same worker code as in the browser, plus the benchmark's hand-written baseline.

import { parentPort } from "node:worker_threads";
import { serveBaseline } from "./baseline";
import type { FromWorker, ToWorker } from "./messages";
import { serveThread } from "./worker-core";

const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
port.once("message", (msg: ToWorker) => {
  if (msg.type === "init" || msg.type === "init-wasm") serveThread(msg, post);
  else serveBaseline(msg, post);
});
