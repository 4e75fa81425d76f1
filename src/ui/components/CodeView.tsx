// One thread's code with line numbers, syntax colours and its current statement marked.

import { memo, useMemo } from "react";
import { cutLine, displayLines, type Piece } from "../code-display";

interface Props {
  code: string;
  sharedNames: ReadonlySet<string>;
  /** Offsets of the statement to mark, end exclusive. */
  current: { start: number; end: number } | null;
}

const Pieces = ({ pieces }: { pieces: Piece[] }) => (
  <>
    {pieces.map((p) => (
      <span key={p.start} className={`tok-${p.kind}`}>
        {p.text}
      </span>
    ))}
  </>
);

export const CodeView = memo(function CodeView({ code, sharedNames, current }: Props) {
  const lines = useMemo(() => displayLines(code, sharedNames), [code, sharedNames]);
  let offset = 0;
  return (
    <pre className="code">
      <code>
        {lines.map((line, i) => {
          const lineStart = offset;
          offset += line.reduce((n, p) => n + p.text.length, 0) + 1;
          const lineEnd = offset - 1;
          const here = current !== null && current.start < Math.max(lineEnd, lineStart + 1) && current.end > lineStart;
          const [before, inside, after] = here ? cutLine(line, current.start, current.end) : [line, [], []];
          return (
            <span key={i} className={here ? "line current" : "line"}>
              <span className="ln" aria-hidden="true">
                {i + 1}
              </span>
              <span className="src">
                <Pieces pieces={before} />
                {inside.length > 0 && (
                  <mark className="stmt">
                    <Pieces pieces={inside} />
                  </mark>
                )}
                <Pieces pieces={after} />
              </span>
            </span>
          );
        })}
      </code>
    </pre>
  );
});
