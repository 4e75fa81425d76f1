// The engine's problems with the level, beside the editor: each at its line and column in the
// file (and, for thread code, inside the code), a button that puts the cursor there.

import type { Problem } from "./problems";

export function ProblemsPanel({ problems, onPick }: { problems: readonly Problem[]; onPick(problem: Problem): void }) {
  return (
    <section className="problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading">
        Problems <span className="muted">({problems.length})</span>
      </h2>
      {problems.length === 0 ? (
        <p className="muted">None: the level is valid.</p>
      ) : (
        <ul className="problem-list">
          {problems.map((p, i) => (
            <li key={i}>
              <button type="button" className="problem" onClick={() => onPick(p)}>
                <span className="problem-at">
                  Line {p.line}, column {p.column}
                </span>{" "}
                <span className="problem-message">{p.message}</span>
                {p.path && (
                  <span className="muted problem-path">
                    {" "}
                    (at {p.path}
                    {p.inCode && `, line ${p.inCode.line}, column ${p.inCode.column} of the code`})
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
