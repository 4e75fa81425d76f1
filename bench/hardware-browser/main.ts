// The hardware bench's page in Chromium: `window.raceSide(levelText, request)` races one side
// (bench/hardware-sides.ts) on Web Workers, the level's through hardware mode's own worker and
// the hand-written ones through baseline-worker.ts, and resolves with its figures.

import { parseLevel } from "../../src/engine/index";
import { spawnBrowserWorker } from "../../src/hardware/browser-worker";
import type { SpawnWorker, WorkerLike } from "../../src/hardware/coordinator";
import { raceSide, type Side, type SideRequest } from "../hardware-sides";

const spawnBaseline: SpawnWorker = (thread) => {
  const worker = new Worker(new URL("./baseline-worker.ts", import.meta.url), { type: "module", name: `bench-thread-${thread}` });
  const like: WorkerLike = { postMessage: (m) => worker.postMessage(m), terminate: () => worker.terminate(), onmessage: null, onerror: null };
  worker.onmessage = (e) => like.onmessage?.(e.data);
  worker.onerror = (e) => like.onerror?.(e.message || "the worker could not start");
  return like;
};

async function race(levelText: string, request: SideRequest): Promise<Side> {
  const level = parseLevel(levelText);
  if (!level.ok) throw new Error(level.error.map((e) => e.message).join("\n"));
  return raceSide(level.value.program, request, spawnBrowserWorker, spawnBaseline);
}

(window as unknown as { raceSide: typeof race }).raceSide = race;
