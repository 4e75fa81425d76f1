// The page of `npm run bench -- browser`: runs the game's fix-it judge worker
// (src/solver/judge.worker.ts, bundled by Vite as the game bundles it) the way the game's
// "Check my fix" does, a fresh worker per check (src/ui/search-workers.ts), and times it from
// creating the worker to its verdict, so the worker's start-up and the level's parsing count.

import type { JudgeReply, JudgeRequest } from "../../src/solver/judge.worker";

export interface TimedJudge {
  reply: Exclude<JudgeReply, { type: "progress" }>;
  /** From `new Worker` to the verdict, in milliseconds. */
  ms: number;
}

declare global {
  interface Window {
    judgeTimed(request: JudgeRequest): Promise<TimedJudge>;
  }
}

window.judgeTimed = (request) =>
  new Promise((resolve) => {
    const t0 = performance.now();
    const worker = new Worker(new URL("../../src/solver/judge.worker.ts", import.meta.url), { type: "module" });
    worker.addEventListener("message", ({ data }: MessageEvent<JudgeReply>) => {
      if (data.type === "progress") return;
      const ms = performance.now() - t0;
      worker.terminate();
      resolve({ reply: data, ms });
    });
    worker.addEventListener("error", (e) => {
      worker.terminate();
      resolve({ reply: { type: "error", message: e.message || "the worker failed to start" }, ms: performance.now() - t0 });
    });
    worker.postMessage(request);
  });
