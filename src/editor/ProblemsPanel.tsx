// The engine's problems with the level, beside the editor: each at its line and column in the
// file (and, for thread code, inside the code), a button that puts the cursor there.

import { t } from "../i18n/index";
import { richWords } from "../ui/rich-words";
import type { Problem } from "./problems";

export function ProblemsPanel({ problems, onPick }: { problems: readonly Problem[]; onPick(problem: Problem): void }) {
  return (
    <section className="problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading">
        {richWords("editor.problems.heading", {}, { count: <span className="muted">{t("editor.problems.count", { count: problems.length })}</span> })}
      </h2>
      {problems.length === 0 ? (
        <p className="muted">{t("editor.problems.none")}</p>
      ) : (
        <ul className="problem-list">
          {problems.map((p, i) => (
            <li key={i}>
              <button type="button" className="problem" onClick={() => onPick(p)}>
                <span className="problem-at">{t("editor.lineColumn", { line: p.line, column: p.column })}</span>{" "}
                <span className="problem-message">{p.message}</span>
                {p.path && (
                  <span className="muted problem-path">
                    {" "}
                    {p.inCode
                      ? t("editor.problems.atInCode", { path: p.path, line: p.inCode.line, column: p.inCode.column })
                      : t("editor.problems.at", { path: p.path })}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
