// "Check my fix": the judge, in a Web Worker, on the student's code; run as the store's "fix"
// search job (search-jobs.ts), which hears its progress and ends the worker to cancel it.

import type { FixCode, FixVerdict } from "../engine/play";
import { DEFAULT_MAX_STATES } from "../solver/solve";
import type { Launch } from "./search-jobs";
import { judgeInWorker } from "./search-workers";

/** The judge on `code` for the fix-it level `levelText`. */
export function fixCheck(levelText: string, code: FixCode, budget = DEFAULT_MAX_STATES): Launch<FixVerdict> {
  return (handlers) => judgeInWorker({ levelText, code, maxStates: budget, reduce: true }, handlers);
}

/** Is this the same code, thread by thread? */
export function sameCode(a: FixCode, b: FixCode): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
