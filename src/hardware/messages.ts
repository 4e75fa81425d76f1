// The messages between the coordinator (main thread) and its workers. There are few: a worker
// is told once what to run, on which memory and with which trial log; every trial after that
// goes through the shared memory alone (see protocol.ts).

import type { RunSettings } from "./interpreter";
import type { MemoryLayout } from "./layout";
import type { HardwareCode } from "./translate";
import type { WasmLevel } from "./wasm/emit";

/** Run thread `thread` of a translated level, trial after trial. */
export interface InitMessage {
  type: "init";
  memory: SharedArrayBuffer;
  /** Where finished trials are logged (trial-log.ts). */
  log: SharedArrayBuffer;
  thread: number;
  code: HardwareCode;
  settings: RunSettings;
}

/** Run thread `thread` of a level compiled to wasm, on the level's shared wasm memory. */
export interface InitWasmMessage {
  type: "init-wasm";
  memory: WebAssembly.Memory;
  log: SharedArrayBuffer;
  thread: number;
  level: WasmLevel;
  settings: RunSettings;
}

/** Run a hand-written thread (the benchmark's yardstick, baseline.ts), in plain JavaScript or
 *  in wasm: one side of a litmus test, or one thread of a loop of racy increments. */
export interface InitBaselineMessage {
  type: "init-baseline";
  /** A WebAssembly.Memory for hand-written wasm. */
  memory: SharedArrayBuffer | WebAssembly.Memory;
  log: SharedArrayBuffer;
  thread: number;
  layout: MemoryLayout;
  initialShared: Int32Array;
  language: "js" | "wasm";
  workload: "lost-update" | "store-buffering" | "store-buffering-fenced" | "counter-loop";
  /** Slots of the shared variables the workload uses, by name. */
  slots: Record<string, number>;
  /** The instruction of the level's assert (so the outcome reads as the level's own). */
  assertPc: number;
  /** counter-loop: increments per thread. */
  iterations: number;
}

export type ToWorker = InitMessage | InitWasmMessage | InitBaselineMessage;

export type FromWorker =
  | { type: "ready"; thread: number }
  | { type: "failed"; thread: number; message: string };
