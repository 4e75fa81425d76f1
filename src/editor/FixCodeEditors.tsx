// The "Fix it" area's editors: one Monaco per editable thread, with that thread's problems as
// markers as the student types. Loaded with React.lazy when the student opens the code, so a
// level screen never fetches Monaco by itself.

import { useEffect, useRef, useState } from "react";
import type { CodeEditor } from "./code-editor";

export interface FixCodeEditorsProps {
  threads: readonly string[];
  /** The code now, by thread: what each editor starts with, and what a reset puts back. */
  code: Readonly<Record<string, string>>;
  problems: readonly { thread: string; message: string; line: number; column: number }[];
  onChange(thread: string, text: string): void;
}

export default function FixCodeEditors({ threads, code, problems, onChange }: FixCodeEditorsProps) {
  return (
    <div className="fix-editors">
      {threads.map((name) => (
        <ThreadEditor
          key={name}
          name={name}
          text={code[name] ?? ""}
          problems={problems.filter((p) => p.thread === name)}
          onChange={(text) => onChange(name, text)}
        />
      ))}
    </div>
  );
}

function ThreadEditor({ name, text, problems, onChange }: { name: string; text: string; problems: FixCodeEditorsProps["problems"]; onChange(text: string): void }) {
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<CodeEditor | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const latest = useRef({ text, problems, onChange });
  latest.current = { text, problems, onChange };

  useEffect(() => {
    let live = true;
    let made: CodeEditor | null = null;
    import("./code-editor").then(
      ({ createCodeEditor }) => {
        if (!live || !container.current) return;
        made = createCodeEditor(container.current, latest.current.text, `Code of ${name}`);
        made.onChange((t) => latest.current.onChange(t));
        editor.current = made;
        made.showProblems(latest.current.text, latest.current.problems);
        setState("ready");
      },
      () => live && setState("failed"),
    );
    return () => {
      live = false;
      made?.dispose();
      editor.current = null;
    };
  }, [name]);

  // A reset from outside puts new text in; typing comes back equal and changes nothing.
  useEffect(() => editor.current?.setText(text), [text]);
  useEffect(() => editor.current?.showProblems(text, problems), [text, problems]);

  const headingId = `fix-editor-${name.replace(/[^A-Za-z0-9]+/g, "-")}`;
  return (
    <section className="fix-editor" aria-labelledby={headingId}>
      <h3 id={headingId}>Code of {name}</h3>
      <div className="fix-frame" data-shortcuts="off">
        <div ref={container} className="fix-monaco" data-state={state} data-thread={name} />
        {state === "loading" && <p className="fix-loading">Loading the editor…</p>}
        {state === "failed" && (
          <p className="fix-loading" role="alert">
            The editor could not load. Your code is saved; reload the page to try again.
          </p>
        )}
      </div>
    </section>
  );
}
