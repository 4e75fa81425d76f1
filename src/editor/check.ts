// "Check" in the editor: what `levels check` says of a level, computed in the browser. The search
// runs in a Web Worker (search-workers.ts, from the level's first state), then, on a fix-it level,
// the judge on its broken code and on its reference fix, each in a worker of its own; the engine's
// `checkReport` reads what they found, exactly as the CLI does. A parameterised level is then
// checked again in each of its other variants (or the sample), one after the other, as `levels
// check` does, `solution` replayed on the default only. It runs as the store's "check" search job
// (ui/search-jobs.ts), which hears its progress and cancels it.

import {
  checkReport, currentCode, describeVariant, initialState, instantiate, MAX_CHECKED_VARIANTS, variantCount, variantsOf, variantText,
  type CheckReport, type FixCode, type FixFindings, type FixVerdict, type Level, type Variant,
} from "../engine/index";
import { t } from "../i18n/index";
import { DEFAULT_MAX_STATES } from "../solver/solve";
import type { Launch } from "../ui/search-jobs";
import { judgeInWorker, searchInWorker, type SearchHandlers } from "../ui/search-workers";

export const CHECK_STATE_BUDGET = DEFAULT_MAX_STATES;

/** What the check found over a parameterised level's variants, as `levels check --json` records it. */
export interface VariantsSummary {
  count: number;
  checked: number;
  sampled: boolean;
  failing: { values: Variant; problems: string[] }[];
}

/** The default variant's report, with the other variants' problems added: a failing variant fails the check. */
export type LevelCheckReport = CheckReport & { variants?: VariantsSummary };

/** A variant's report: the default's problems, plus one line per failing variant naming its values. */
export function withVariants(report: CheckReport, count: number, checked: { values: Variant; report: CheckReport }[]): LevelCheckReport {
  const failing = checked
    .map(({ values, report: r }) => ({ values, problems: r.shortest === 0 ? r.errors.map((e) => e.message) : r.problems }))
    .filter((f) => f.problems.length > 0);
  const variants = { count, checked: checked.length + 1, sampled: count > MAX_CHECKED_VARIANTS, failing };
  const problems = [...report.problems, ...failing.map((f) => `variant ${describeVariant(f.values)}: ${f.problems.join("; ")}`)];
  return { ...report, problems, variants };
}

/** The check of `level`, parsed from `text`: its searches one after the other, then the engine's report. */
export function levelCheck(text: string, level: Level, budget = CHECK_STATE_BUDGET): Launch<CheckReport> {
  return ({ progress, result, failed }) => {
    let cancel: () => void = () => {};
    const then = <R>(next: (found: R) => void): SearchHandlers<R> => ({ progress, result: next, failed });
    /** Searches the level `levelText` (whose parsed form is `of`) and judges its fixes, then hands the report on. */
    const checkOne = (levelText: string, of: Level, next: (report: CheckReport) => void) => {
      const started = performance.now();
      const judgeNext = (code: FixCode, then2: (verdict: FixVerdict) => void) => {
        cancel = judgeInWorker({ levelText, code, maxStates: budget, reduce: true }, then(then2));
      };
      cancel = searchInWorker(
        { levelText, packed: initialState(of.program).packed, maxStates: budget, reduce: true },
        then((found) => {
          const search = { ...found, ms: Math.round(performance.now() - started) };
          const spec = of.spec;
          if (!spec.fix) return next(checkReport(of, search));
          // A fix-it level: then judge its broken code and its reference fix, as levels check does.
          judgeNext(currentCode(spec), (broken) => judgeNext(spec.fix!.reference, (reference) => next(checkReport(of, search, { broken, reference } satisfies FixFindings))));
        }),
      );
    };
    checkOne(text, level, (report) => {
      const params = level.spec.params ?? [];
      if (params.length === 0) return result(report);
      const others = variantsOf(params).slice(1);
      const checked: { values: Variant; report: CheckReport }[] = [];
      const nextVariant = () => {
        const values = others[checked.length];
        if (!values) return result(withVariants(report, variantCount(params), checked));
        const concrete = variantText(text, values);
        const parsed = instantiate(text, values);
        if (!concrete.ok || !parsed.ok) return failed(t("editor.check.variantDoesNotLoad", { variant: describeVariant(values) }));
        // The solution is replayed on the default variant only: its moves may not fit other numbers.
        const of: Level = { ...parsed.value, spec: { ...parsed.value.spec, solution: undefined } };
        checkOne(concrete.value, of, (r) => {
          checked.push({ values, report: r });
          nextVariant();
        });
      };
      nextVariant();
    });
    return () => cancel();
  };
}
