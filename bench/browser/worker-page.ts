// The page of `npm run bench -- browser`: runs the game's solver workers (src/solver/*.worker.ts,
// bundled by Vite as the game bundles them) the way the game does, a fresh worker per request
// (src/ui/search-workers.ts), and times each from creating the worker to its answer, so the
// worker's start-up and the level's parsing count.

import type { HintReply, HintRequest } from "../../src/solver/hint.worker";
import type { JudgeReply, JudgeRequest } from "../../src/solver/judge.worker";
import type { ErrorReply } from "../../src/solver/worker-host";

export interface Timed<Reply> {
  reply: Exclude<Reply, { type: "progress" }>;
  /** From `new Worker` to the answer, in milliseconds. */
  ms: number;
}

declare global {
  interface Window {
    /** The fix-it judge, as "Check my fix" runs it. */
    judgeTimed(request: JudgeRequest): Promise<Timed<JudgeReply>>;
    /** The solver's search (the hint's worker) from `request.packed`. */
    solveTimed(request: HintRequest): Promise<Timed<HintReply>>;
  }
}

function timed<Reply extends { type: string } | ErrorReply>(start: () => Worker, request: unknown): Promise<Timed<Reply>> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const worker = start();
    worker.addEventListener("message", ({ data }: MessageEvent<Reply>) => {
      if (data.type === "progress") return;
      const ms = performance.now() - t0;
      worker.terminate();
      resolve({ reply: data as Timed<Reply>["reply"], ms });
    });
    worker.addEventListener("error", (e) => {
      worker.terminate();
      const failed: ErrorReply = { type: "error", message: e.message || "the worker failed to start" };
      resolve({ reply: failed as Timed<Reply>["reply"], ms: performance.now() - t0 });
    });
    worker.postMessage(request);
  });
}

// Vite bundles a worker only from a literal `new Worker(new URL(...))`, one per script.
window.judgeTimed = (request) =>
  timed<JudgeReply>(() => new Worker(new URL("../../src/solver/judge.worker.ts", import.meta.url), { type: "module" }), request);
window.solveTimed = (request) =>
  timed<HintReply>(() => new Worker(new URL("../../src/solver/hint.worker.ts", import.meta.url), { type: "module" }), request);
