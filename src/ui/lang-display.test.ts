import { describe, expect, it } from "vitest";
import { renderedLines } from "./lang-display";

const kinds = (lines: string[], language: Parameters<typeof renderedLines>[1], shared: string[] = []) =>
  renderedLines(lines, language, new Set(shared)).map((l) => l.filter((p) => p.kind !== "space").map((p) => `${p.kind}:${p.text}`));

describe("rendered code display", () => {
  it("colours Java: keywords, shared names, methods and literals", () => {
    expect(kinds(["boolean ok = m.tryLock(); // try"], "java", ["m"])).toEqual([
      ["keyword:boolean", "local:ok", "punct:=", "shared:m", "punct:.", "method:tryLock", "punct:(", "punct:)", "punct:;", "comment:// try"],
    ]);
  });

  it("reads // in Python as integer division and # as a comment", () => {
    expect(kinds(["x = x // 2  # half", "while True: pass"], "python", ["x"])).toEqual([
      ["shared:x", "punct:=", "shared:x", "punct:/", "punct:/", "literal:2", "comment:# half"],
      ["keyword:while", "literal:True", "punct::", "keyword:pass"],
    ]);
  });

  it("loses no character, and numbers pieces across lines", () => {
    const lines = ["Monitor.Enter(m);", "    counter++;"];
    const out = renderedLines(lines, "csharp", new Set(["counter"]));
    expect(out.map((l) => l.map((p) => p.text).join(""))).toEqual(lines);
    expect(out[1][0].start).toBe(lines[0].length + 1);
  });
});
