// Monaco for one thread's code on a fix-it level: the thread language coloured (thread-language.ts),
// the engine's diagnostics as markers. It shares Monaco and its worker set-up with the level editor
// (./monaco), and like it loads only through import(), when the student opens the code to edit it.

import * as monaco from "monaco-editor/editor";
import "./monaco";
import { t } from "../i18n/index";
import { registerThreadLanguage, THREAD_LANGUAGE } from "./thread-language";

export interface CodeProblem {
  message: string;
  line: number;
  column: number;
}

export interface CodeEditor {
  getText(): string;
  setText(text: string): void;
  /** Shows the engine's problems as markers, if `text` is still what the editor holds. */
  showProblems(text: string, problems: readonly CodeProblem[]): void;
  onChange(listener: (text: string) => void): void;
  focus(): void;
  dispose(): void;
}

const MARKER_OWNER = "interleave-fix";
let models = 0;

export function createCodeEditor(container: HTMLElement, text: string, label: string): CodeEditor {
  registerThreadLanguage();
  const model = monaco.editor.createModel(text, THREAD_LANGUAGE, monaco.Uri.parse(`inmemory://fix/${++models}.txt`));
  const dark = window.matchMedia("(prefers-color-scheme: dark)");
  const editor = monaco.editor.create(container, {
    model,
    theme: dark.matches ? "vs-dark" : "vs",
    automaticLayout: true,
    minimap: { enabled: false },
    lineNumbers: "on",
    tabSize: 2,
    fontSize: 14,
    scrollBeyondLastLine: false,
    fixedOverflowWidgets: true,
    quickSuggestions: false,
    // What is typed (or pasted) is exactly what runs: no closing brackets or indentation added.
    autoClosingBrackets: "never",
    autoClosingQuotes: "never",
    autoSurround: "never",
    autoIndent: "none",
    wordBasedSuggestions: "off",
    ariaLabel: t("editor.monaco.codeLabel", { label }),
  });
  const onScheme = (e: MediaQueryListEvent) => monaco.editor.setTheme(e.matches ? "vs-dark" : "vs");
  dark.addEventListener("change", onScheme);
  const disposables: monaco.IDisposable[] = [];
  return {
    getText: () => model.getValue(),
    setText(next) {
      if (model.getValue() !== next) model.setValue(next);
    },
    showProblems(forText, problems) {
      if (model.isDisposed() || model.getValue() !== forText) return;
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        problems.map((p) => {
          const line = Math.min(Math.max(1, p.line), model.getLineCount());
          const word = model.getWordAtPosition({ lineNumber: line, column: p.column });
          const end = word && word.startColumn <= p.column ? word.endColumn : Math.min(p.column + 1, model.getLineMaxColumn(line));
          return {
            severity: monaco.MarkerSeverity.Error,
            message: p.message,
            startLineNumber: line,
            startColumn: p.column,
            endLineNumber: line,
            endColumn: Math.max(end, p.column + 1),
          };
        }),
      );
    },
    onChange(listener) {
      disposables.push(model.onDidChangeContent(() => listener(model.getValue())));
    },
    focus: () => editor.focus(),
    dispose() {
      dark.removeEventListener("change", onScheme);
      for (const d of disposables) d.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}
