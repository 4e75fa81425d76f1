// Monaco, set up for level files: the JSON language with the level schema (completion, hover
// documentation, squiggles), the editor features an instructor uses, and Vite-built module
// workers (same-origin, so they run under the page's COOP/COEP). Only EditorPane imports this
// module, and only through import(), so Monaco loads with the editor route and nowhere else.

import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/format/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/smartSelect/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/suggest/register";
// The suggest feature above registers only inline suggestions; the completion list itself is here.
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/features/toggleTabFocusMode/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/wordOperations/register";
import { jsonDefaults } from "monaco-editor/languages/features/json/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import JsonWorker from "monaco-editor/languages/features/json/json.worker?worker";
import { levelJsonSchema } from "../engine/level-json-schema";
import { t } from "../i18n/index";
import type { Problem } from "./problems";

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => (label === "json" ? new JsonWorker() : new EditorWorker()),
};

/** Where the schema lives for the JSON worker: `"$schema": "./level.schema.json"` beside a level resolves here. */
const SCHEMA_URI = "file:///levels/level.schema.json";
const MARKER_OWNER = "interleave";

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  trailingCommas: "error",
  enableSchemaRequest: false,
  // The engine's own diagnostics are the errors; the schema's squiggles come at once, as warnings.
  schemaValidation: "warning",
  schemas: [{ uri: SCHEMA_URI, fileMatch: ["*.json"], schema: levelJsonSchema() }],
});

export interface LevelEditor {
  getText(): string;
  /** Shows the engine's problems as markers, if `text` is still what the editor holds. */
  showProblems(text: string, problems: readonly Problem[]): void;
  /** Puts the cursor at a 1-based line and column, in sight, and focuses the editor. */
  reveal(line: number, column: number): void;
  onChange(listener: (text: string) => void): void;
  onCursor(listener: (line: number, column: number) => void): void;
  dispose(): void;
}

const darkScheme = () => window.matchMedia("(prefers-color-scheme: dark)");

export function createLevelEditor(container: HTMLElement, text: string, name: string): LevelEditor {
  const model = monaco.editor.createModel(text, "json", monaco.Uri.parse(`file:///levels/${name}.json`));
  const editor = monaco.editor.create(container, {
    model,
    theme: darkScheme().matches ? "vs-dark" : "vs",
    automaticLayout: true,
    minimap: { enabled: false },
    wordWrap: "on",
    wrappingIndent: "indent",
    tabSize: 2,
    fontSize: 14,
    scrollBeyondLastLine: false,
    fixedOverflowWidgets: true,
    quickSuggestions: { strings: true, other: true, comments: false },
    ariaLabel: t("editor.monaco.label"),
  });
  const scheme = darkScheme();
  const onScheme = (e: MediaQueryListEvent) => monaco.editor.setTheme(e.matches ? "vs-dark" : "vs");
  scheme.addEventListener("change", onScheme);
  const disposables: monaco.IDisposable[] = [];
  return {
    getText: () => model.getValue(),
    showProblems(forText, problems) {
      if (model.isDisposed() || model.getValue() !== forText) return;
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        problems.map((p) => ({
          severity: monaco.MarkerSeverity.Error,
          message: p.message,
          source: p.path,
          startLineNumber: p.line,
          startColumn: p.column,
          endLineNumber: p.endLine,
          endColumn: p.endColumn,
        })),
      );
    },
    reveal(line, column) {
      editor.setPosition({ lineNumber: line, column });
      editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
      editor.focus();
    },
    onChange(listener) {
      disposables.push(model.onDidChangeContent(() => listener(model.getValue())));
    },
    onCursor(listener) {
      disposables.push(editor.onDidChangeCursorPosition((e) => listener(e.position.lineNumber, e.position.column)));
    },
    dispose() {
      scheme.removeEventListener("change", onScheme);
      for (const d of disposables) d.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}
