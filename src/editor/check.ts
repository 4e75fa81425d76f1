// "Check" in the editor: what `levels check` says of a level, computed in the browser. The search
// runs in a Web Worker (search-workers.ts, from the level's first state), then, on a fix-it level,
// the judge on its broken code and on its reference fix, each in a worker of its own; the engine's
// `checkReport` reads what they found, exactly as the CLI does. It runs as the store's "check"
// search job (ui/search-jobs.ts), which hears its progress and cancels it.

import { checkReport, currentCode, initialState, type CheckReport, type FixCode, type FixVerdict, type Level } from "../engine/index";
import { DEFAULT_MAX_STATES } from "../solver/solve";
import type { Launch } from "../ui/search-jobs";
import { judgeInWorker, searchInWorker, type SearchHandlers } from "../ui/search-workers";

export const CHECK_STATE_BUDGET = DEFAULT_MAX_STATES;

/** The check of `level`, parsed from `text`: its searches one after the other, then the engine's report. */
export function levelCheck(text: string, level: Level, budget = CHECK_STATE_BUDGET): Launch<CheckReport> {
  return ({ progress, result, failed }) => {
    const started = performance.now();
    let cancel: () => void = () => {};
    const then = <R>(next: (found: R) => void): SearchHandlers<R> => ({ progress, result: next, failed });
    /** Judges `code` in a worker of its own, then hands the verdict on. */
    const judgeNext = (code: FixCode, next: (verdict: FixVerdict) => void) => {
      cancel = judgeInWorker({ levelText: text, code, maxStates: budget, reduce: true }, then(next));
    };
    cancel = searchInWorker(
      { levelText: text, packed: initialState(level.program).packed, maxStates: budget, reduce: true },
      then((found) => {
        const search = { ...found, ms: Math.round(performance.now() - started) };
        const spec = level.spec;
        if (!spec.fix) return result(checkReport(level, search));
        // A fix-it level: then judge its broken code and its reference fix, as levels check does.
        judgeNext(currentCode(spec), (broken) => judgeNext(spec.fix!.reference, (reference) => result(checkReport(level, search, { broken, reference }))));
      }),
    );
    return () => cancel();
  };
}
