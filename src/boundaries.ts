// The module boundaries of src/, as rules over import edges, so a test can hold the layout the
// README describes: the engine at the bottom, the solver and hardware mode on it, the course
// (packs, records, grading) on those two, the CLI beside them, and React only in the screens
// (src/ui, src/editor, src/main.tsx).

/** One import: the file that imports and what it names, both relative to src/ ("ui/App.tsx",
 *  "engine/index.ts"); for a package (`local` false), `target` is its specifier ("react"). */
export interface ImportEdge {
  from: string;
  target: string;
  local: boolean;
}

/** The engine's faces: what code outside src/engine may import. The core (load a level, play
 *  it, explain it) is index.ts; play.ts is its light part (playing a compiled level, and what the
 *  screens read off it) with neither parser nor compiler, for the play screens; names.ts is thread
 *  names and shown text alone, for the campaign screen; wait-for.ts the wait-for graph, for the
 *  parts that draw it on demand; machine.ts is the compiled program and the step function, for
 *  the engines that run it; the others are parts the screens load on demand, out of the level
 *  screen's first bundle: the renderers into other languages and the timeline. params.ts, the
 *  rules of parameterised levels, imports nothing: the build's level-cards plugin uses it alone.
 *  level-json-schema.ts is the level file's JSON Schema, for the editor, kept out of the play screens.
 *  translations.ts, a level's words in the player's language, imports nothing either: the same plugin uses it. */
export const ENGINE_FACES = [
  "engine/index.ts", "engine/play.ts", "engine/names.ts", "engine/wait-for.ts", "engine/machine.ts", "engine/render/index.ts",
  "engine/diagrams.ts", "engine/params.ts", "engine/level-json-schema.ts", "engine/translations.ts",
];

const REACT = /^(react|react-dom)(\/|$)/;
const REACT_PLACES = ["ui/", "editor/", "main.tsx"];

function area(path: string): string {
  const slash = path.indexOf("/");
  return slash < 0 ? path : path.slice(0, slash);
}

const isTest = (path: string) => /\.test\.tsx?$/.test(path);

/** Which areas each area must not import (packages aside). */
const FORBIDDEN: ReadonlyMap<string, readonly string[]> = new Map([
  ["engine", ["solver", "hardware", "course", "cli", "ui", "editor", "main.tsx"]],
  ["solver", ["hardware", "course", "cli", "ui", "editor", "main.tsx"]],
  ["hardware", ["course", "cli", "ui", "editor", "main.tsx"]],
  // Packs, completion records and grading: on the engine and the solver, for the CLI and the screens.
  ["course", ["hardware", "cli", "ui", "editor", "main.tsx"]],
  ["cli", ["hardware", "ui", "editor", "main.tsx"]],
  ["editor", ["cli"]],
  // The interface's words: a leaf the screens and their stores read, with no game code in it.
  ["i18n", ["engine", "solver", "hardware", "course", "cli", "ui", "editor", "main.tsx"]],
]);

/** What is wrong with one import edge, in words, or null when it keeps the rules. */
export function boundaryProblem(edge: ImportEdge): string | null {
  const { from, target } = edge;
  if (!edge.local) {
    if (REACT.test(target) && !REACT_PLACES.some((p) => from.startsWith(p))) return `${from} imports ${target}: React belongs in src/ui, src/editor and src/main.tsx`;
    return null;
  }
  const mine = area(from);
  const theirs = area(target);
  if (FORBIDDEN.get(mine)?.includes(theirs)) return `${from} imports ${target}: ${mine} must not depend on ${theirs}`;
  if (mine !== "engine" && theirs === "engine" && !ENGINE_FACES.includes(target)) {
    if (target.startsWith("engine/testing/") && (isTest(from) || /(^|\/)testing\.ts$/.test(from))) return null;
    return `${from} imports ${target}: outside the engine, import one of its faces (${ENGINE_FACES.join(", ")})`;
  }
  return null;
}

/** What is wrong with a file being where it is: a React component (.tsx) outside the screens. */
export function placeProblem(path: string): string | null {
  if (path.endsWith(".tsx") && !REACT_PLACES.some((p) => path.startsWith(p))) return `${path} is a React component outside src/ui and src/editor`;
  return null;
}

const SPECIFIERS = [
  /^\s*(?:import|export)\s[^'"]*?\sfrom\s+["']([^"']+)["']/gm,
  /^\s*import\s+["']([^"']+)["']/gm,
  /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  /\bnew URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g,
];

/** The imports of one file's text, each resolved against the file's folder to one of `files`
 *  (every path under src/, as "ui/App.tsx"). */
export function importsOf(from: string, text: string, files: ReadonlySet<string>): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const pattern of SPECIFIERS) {
    for (const m of text.matchAll(pattern)) {
      const spec = m[1].replace(/\?.*$/, ""); // Vite's "?worker" and the like
      const local = spec.startsWith(".");
      edges.push({ from, target: local ? resolve(from, spec, files) : spec, local });
    }
  }
  return edges;
}

/** `./x` from "ui/a/b.ts" is "ui/a/x.ts" (or .tsx, or x/index.ts): the folder of `from`, then
 *  the specifier's parts, then the first file that exists. */
function resolve(from: string, spec: string, files: ReadonlySet<string>): string {
  const parts = from.split("/").slice(0, -1);
  for (const part of spec.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  const path = parts.join("/");
  // "./x.js" names x.ts in TypeScript's module resolution (vite.config.ts's plugins use it).
  const ts = path.replace(/\.js$/, ".ts");
  const candidates = [path, ts, `${path}.ts`, `${path}.tsx`, `${path}/index.ts`, `${path}/index.tsx`];
  return candidates.find((c) => files.has(c)) ?? path;
}
