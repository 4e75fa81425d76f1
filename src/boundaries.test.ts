// The layout of src/ as the README describes it, held by reading every file's imports.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { boundaryProblem, importsOf, placeProblem } from "./boundaries";

const SRC = join(import.meta.dirname, ".");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    // This file's own examples of bad imports are strings, not imports.
    .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !f.includes("__golden__") && !f.includes("__fixtures__") && f !== "boundaries.test.ts")
    .map((f) => relative(SRC, join(dir, f)).split("\\").join("/"));
}

describe("module boundaries", () => {
  it("every import in src/ keeps them", () => {
    const files = sourceFiles(SRC);
    const known = new Set(files);
    const problems = files.flatMap((f) => [placeProblem(f), ...importsOf(f, readFileSync(join(SRC, f), "utf8"), known).map(boundaryProblem)]);
    expect(problems.filter((p) => p !== null)).toEqual([]);
  });

  const files = new Set(["engine/index.ts", "engine/vm.ts", "engine/render/index.ts", "solver/solve.ts", "ui/App.tsx", "ui/words.ts", "cli/check.ts", "engine/testing/levels.ts"]);
  const problemsOf = (from: string, text: string) => importsOf(from, text, files).map(boundaryProblem).filter((p) => p !== null);

  it.each([
    ["engine/vm.ts", 'import { solve } from "../solver/solve";', "engine must not depend on solver"],
    ["solver/solve.ts", 'import { words } from "../ui/words";', "solver must not depend on ui"],
    ["hardware/run.ts", 'import type { X } from "../ui/words";', "hardware must not depend on ui"],
    ["hardware/run.ts", 'import { useState } from "react";', "React belongs in src/ui"],
    ["cli/levels.ts", 'const w = import("../ui/words");', "cli must not depend on ui"],
    ["editor/check.ts", 'import {\n  checkLevelText,\n} from "../cli/check";', "editor must not depend on cli"],
    ["solver/solve.ts", 'import { execStep } from "../engine/vm";', "import one of its faces"],
    ["ui/App.tsx", 'const w = new Worker(new URL("../engine/vm.ts", import.meta.url));', "import one of its faces"],
    ["solver/solve.ts", 'import { mini } from "../engine/testing/levels";', "import one of its faces"],
    ["course/grade.ts", 'import { words } from "../ui/words";', "course must not depend on ui"],
    ["course/grade.ts", 'import { checkLevelText } from "../cli/check";', "course must not depend on cli"],
    ["course/pack.ts", 'import { useState } from "react";', "React belongs in src/ui"],
    ["engine/vm.ts", 'import { parsePack } from "../course/pack";', "engine must not depend on course"],
    ["solver/solve.ts", 'import { parsePack } from "../course/pack";', "solver must not depend on course"],
  ])("%s: `%s` is refused (%s)", (from, text, why) => {
    expect(problemsOf(from, text)).toEqual([expect.stringContaining(why)]);
  });

  it("a React component outside the screens is refused", () => {
    expect(placeProblem("hardware/Panel.tsx")).toContain("React component outside src/ui");
    expect(placeProblem("ui/components/Panel.tsx")).toBeNull();
  });

  it.each([
    ["solver/solve.ts", 'import { parseLevel } from "../engine/index";'],
    ["ui/App.tsx", 'import { loadRenderer } from "../engine/render/index";\nimport { useState } from "react";'],
    ["solver/solve.test.ts", 'import { mini } from "../engine/testing/levels";'],
    ["engine/index.ts", 'export * from "./vm";\nimport { parseTree } from "jsonc-parser";'],
    ["course/grade.ts", 'import { judge } from "../solver/judge";\nimport { step } from "../engine/index";'],
    ["cli/levels.ts", 'import { gradeRecords } from "../course/grade";'],
    ["ui/App.tsx", 'import { parsePack } from "../course/pack";'],
  ])("%s: `%s` is allowed", (from, text) => {
    expect(problemsOf(from, text)).toEqual([]);
  });
});
