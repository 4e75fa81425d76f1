// The Monaco editor for one draft. Monaco's code is fetched here, with import(), the first time
// an editor opens; until then (or if it cannot load) the pane says so.

import { useEffect, useRef, useState, type RefObject } from "react";
import { t } from "../i18n/index";
import type { LevelEditor } from "./monaco";

interface Props {
  /** The text the editor starts with (later changes come from the editor, not from here). */
  initialText: string;
  /** Names the model (`file:///levels/<name>.json`). */
  name: string;
  editorRef: RefObject<LevelEditor | null>;
  onChange(text: string): void;
  onCursor(line: number, column: number): void;
  onReady(): void;
}

export function EditorPane({ initialText, name, editorRef, onChange, onCursor, onReady }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ status: "loading" | "ready" } | { status: "failed"; message: string }>({ status: "loading" });
  // The first text and the callbacks, as they were when the editor was made; the editor owns the text after that.
  const start = useRef({ initialText, onChange, onCursor, onReady });
  start.current.onChange = onChange;
  start.current.onCursor = onCursor;
  start.current.onReady = onReady;

  useEffect(() => {
    let editor: LevelEditor | null = null;
    let live = true;
    import("./monaco").then(
      ({ createLevelEditor }) => {
        if (!live || !container.current) return;
        editor = createLevelEditor(container.current, start.current.initialText, name);
        editor.onChange((text) => start.current.onChange(text));
        editor.onCursor((line, column) => start.current.onCursor(line, column));
        editorRef.current = editor;
        setState({ status: "ready" });
        start.current.onReady();
      },
      (e: unknown) => live && setState({ status: "failed", message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
      if (editorRef.current === editor) editorRef.current = null;
      editor?.dispose();
    };
  }, [name, editorRef]);

  return (
    // Keys typed in the editor are text, not the preview's shortcuts.
    <div className="editor-frame" data-shortcuts="off">
      <div ref={container} className="editor-monaco" data-state={state.status} />
      {state.status === "loading" && <p className="editor-loading">{t("editor.loading")}</p>}
      {state.status === "failed" && (
        <p className="editor-loading" role="alert">
          {t("editor.loadFailed", { message: state.message })}
        </p>
      )}
    </div>
  );
}
