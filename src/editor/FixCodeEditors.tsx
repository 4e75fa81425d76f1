// The "Fix it" area's editors: one Monaco per editable thread, with that thread's problems as
// markers as the student types. Loaded with React.lazy when the student opens the code, so a
// level screen never fetches Monaco by itself. Its words are the editor's (the editor's message
// bundle), loaded with it.

import { use, useEffect, useRef, useState } from "react";
import { loadBundle, t } from "../i18n/index";
import type { CodeEditor } from "./code-editor";

/**
 * The editor's messages, loaded once in this page (a switch of language loads them anew by itself).
 * If they cannot load, the editors still open: a missing message shows its id.
 */
let editorWords: Promise<void> | null = null;
const wordsLoaded = () => (editorWords ??= loadBundle("editor").catch(() => undefined));

export interface FixCodeEditorsProps {
  threads: readonly string[];
  /** How each thread is named on the page ("Teller 0 and Teller 1" for "Teller {id}"). */
  names?: ReadonlyMap<string, string>;
  /** Counts the requests to focus the first editor: each new one focuses it, once it is ready. */
  focusRequest?: number;
  /** The code now, by thread: what each editor starts with, and what a reset puts back. */
  code: Readonly<Record<string, string>>;
  problems: readonly { thread: string; message: string; line: number; column: number }[];
  onChange(thread: string, text: string): void;
}

export default function FixCodeEditors({ threads, names, focusRequest = 0, code, problems, onChange }: FixCodeEditorsProps) {
  use(wordsLoaded()); // suspends (the panel's Suspense says "Loading the editor…") until the words are here
  return (
    <div className="fix-editors">
      {threads.map((name, i) => (
        <ThreadEditor
          key={name}
          name={name}
          label={names?.get(name) ?? name}
          focusRequest={i === 0 ? focusRequest : 0}
          text={code[name] ?? ""}
          problems={problems.filter((p) => p.thread === name)}
          onChange={(text) => onChange(name, text)}
        />
      ))}
    </div>
  );
}

interface ThreadEditorProps {
  name: string;
  label: string;
  focusRequest: number;
  text: string;
  problems: FixCodeEditorsProps["problems"];
  onChange(text: string): void;
}

function ThreadEditor({ name, label, focusRequest, text, problems, onChange }: ThreadEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<CodeEditor | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const latest = useRef({ text, problems, onChange, label });
  latest.current = { text, problems, onChange, label };
  const focused = useRef(0);

  useEffect(() => {
    let live = true;
    let made: CodeEditor | null = null;
    import("./code-editor").then(
      ({ createCodeEditor }) => {
        if (!live || !container.current) return;
        made = createCodeEditor(container.current, latest.current.text, t("editor.fix.codeOf", { thread: latest.current.label }));
        made.onChange((text) => latest.current.onChange(text));
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

  // "Jump to the code": the editor takes the focus as soon as it is there.
  useEffect(() => {
    if (state !== "ready" || focusRequest <= focused.current) return;
    focused.current = focusRequest;
    editor.current?.focus();
  }, [focusRequest, state]);

  // A reset from outside puts new text in; typing comes back equal and changes nothing.
  useEffect(() => editor.current?.setText(text), [text]);
  useEffect(() => editor.current?.showProblems(text, problems), [text, problems]);

  const headingId = `fix-editor-${name.replace(/[^A-Za-z0-9]+/g, "-")}`;
  return (
    <section className="fix-editor" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("editor.fix.codeOf", { thread: label })}</h3>
      <div className="fix-frame" data-shortcuts="off">
        <div ref={container} className="fix-monaco" data-state={state} data-thread={name} />
        {state === "loading" && <p className="fix-loading">{t("editor.loading")}</p>}
        {state === "failed" && (
          <p className="fix-loading" role="alert">
            {t("editor.fix.loadFailed")}
          </p>
        )}
      </div>
    </section>
  );
}
