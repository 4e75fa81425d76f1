// One thread of a level compiled to wasm, instantiated over the shared memory: the wasm
// counterpart of the interpreter's ThreadRunner, reused across trials. Its two imports are the
// slow paths that end a trial (claiming an outcome) or may (the deadlock check before a sleep).

import type { RunSettings } from "../interpreter";
import * as L from "../layout";
import type { WasmLevel } from "./emit";

/** The shared memory a level's threads run on (its buffer is a SharedArrayBuffer). */
export function levelMemory(level: WasmLevel): WebAssembly.Memory {
  return new WebAssembly.Memory({ initial: level.pages, maximum: level.pages, shared: true });
}

export class WasmThread {
  private readonly mem: Int32Array;
  private readonly body: (budget: number, jitter: number) => number;

  constructor(
    private readonly level: WasmLevel,
    memory: WebAssembly.Memory,
    readonly thread: number,
    private readonly settings: RunSettings,
    module: WebAssembly.Module = new WebAssembly.Module(level.bytes),
  ) {
    const mem = new Int32Array(memory.buffer);
    const layout = level.layout;
    this.mem = mem;
    const env = {
      memory,
      claim: (kind: number, t: number, pc: number, rule: number, detail: number) => L.claimOutcome(mem, layout, kind, t, pc, rule, detail),
      deadlock: (t: number, pc: number) => {
        if (!L.allBlocked(mem, layout)) return 0;
        L.claimOutcome(mem, layout, L.OUT_DEADLOCK, t, pc, 0, 0);
        return 1;
      },
    };
    const instance = new WebAssembly.Instance(module, { env });
    this.body = instance.exports[`thread${thread}`] as (budget: number, jitter: number) => number;
  }

  /** Runs the thread once from its entry on the current memory. Returns an L.R_* code (also
   *  stored in the thread's RESULT word), having claimed the trial's outcome if it found one. */
  run(): number {
    const { mem, level, thread } = this;
    const r = this.body(this.settings.budget, Math.max(0, this.settings.jitter | 0));
    const block = L.threadBlock(level.layout, thread);
    Atomics.store(mem, block + L.RESULT, r);
    if (r === L.R_FINISHED) {
      Atomics.store(mem, block + L.STATE, L.TS_FINISHED);
      // Leaving others waiting for what this thread still holds is a deadlock: say so now.
      if (L.allBlocked(mem, level.layout)) L.claimOutcome(mem, level.layout, L.OUT_DEADLOCK, thread, 0, 0, 0);
    }
    return r;
  }

  /** The register at engine slot `slot` as the thread left it when it last stopped. */
  register(slot: number): number {
    return this.mem[this.level.registerDump + slot];
  }
}
