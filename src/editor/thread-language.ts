// The thread-code language for Monaco (a fix-it level's editors): keywords, true/false, numbers,
// comments, calls and operators coloured as the level screen colours them (code-display.ts). The
// words come from the engine's lexer and checker, so the editor cannot know a word the game does
// not. Registered once, the first time an editor is made.

import * as monaco from "monaco-editor/editor";
import { ATOMICS, KEYWORDS, MARKERS } from "../engine/index";

export const THREAD_LANGUAGE = "interleave-thread";

const LITERALS = ["true", "false"];

let registered = false;

export function registerThreadLanguage(): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: THREAD_LANGUAGE });
  monaco.languages.setLanguageConfiguration(THREAD_LANGUAGE, {
    comments: { lineComment: "//", blockComment: ["/*", "*/"] },
    brackets: [["{", "}"], ["[", "]"], ["(", ")"]],
  });
  monaco.languages.setMonarchTokensProvider(THREAD_LANGUAGE, {
    keywords: [...KEYWORDS].filter((k) => !LITERALS.includes(k)),
    literals: LITERALS,
    builtins: ["assert", ...MARKERS, ...Object.keys(ATOMICS)],
    tokenizer: {
      root: [
        [/\/\/.*$/, "comment"],
        [/\/\*/, "comment", "@comment"],
        // A name followed by "(" is a call: a built-in (assert, atomic_add...), a method or a noop.
        [/[A-Za-z_]\w*(?=\s*\()/, { cases: { "@keywords": "keyword", "@builtins": "keyword.flow", "@default": "type" } }],
        [/[A-Za-z_]\w*/, { cases: { "@keywords": "keyword", "@literals": "number", "@default": "variable" } }],
        [/\d+/, "number"],
        [/[{}()[\]]/, "@brackets"],
        [/[;,.]/, "delimiter"],
        [/&&|\|\||==|!=|<=|>=|\+\+|--|\+=|-=|[+\-*/%<>!=]/, "operator"],
      ],
      comment: [
        [/[^/*]+/, "comment"],
        [/\*\//, "comment", "@pop"],
        [/[/*]/, "comment"],
      ],
    },
  });
}
