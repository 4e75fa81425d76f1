// A Web Worker running one hand-written thread for the hardware bench's page.

import { serveBaseline } from "../../src/hardware/baseline";
import type { FromWorker, InitBaselineMessage } from "../../src/hardware/messages";

const scope = self as unknown as { onmessage: ((e: MessageEvent<InitBaselineMessage>) => void) | null; postMessage(m: FromWorker): void };
scope.onmessage = (e) => serveBaseline(e.data, (m) => scope.postMessage(m));
