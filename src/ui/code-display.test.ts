import { describe, expect, it } from "vitest";
import { cutLine, displayLines } from "./code-display";

const kinds = (code: string, shared: string[] = []) =>
  displayLines(code, new Set(shared)).map((line) => line.filter((p) => p.kind !== "space").map((p) => `${p.kind}:${p.text}`));

describe("code display", () => {
  it("colours keywords, literals, shared and local names, calls and methods", () => {
    expect(kinds("int t = counter;\nm.lock();", ["counter", "m"])).toEqual([
      ["keyword:int", "local:t", "punct:=", "shared:counter", "punct:;"],
      ["shared:m", "punct:.", "method:lock", "punct:(", "punct:)", "punct:;"],
    ]);
    expect(kinds("while (true) { critical_section(); }")).toEqual([
      ["keyword:while", "punct:(", "literal:true", "punct:)", "punct:{", "call:critical_section", "punct:(", "punct:)", "punct:;", "punct:}"],
    ]);
  });

  it("keeps comments and spacing, across lines, and loses no character", () => {
    const code = "while (busy) {\n  // wait\n  /* a\n  b */ x++;\n}";
    const lines = displayLines(code, new Set(["busy"]));
    expect(lines.map((l) => l.map((p) => p.text).join("")).join("\n")).toBe(code);
    expect(lines[1].find((p) => p.kind === "comment")?.text).toBe("// wait");
    expect(lines[3].find((p) => p.kind === "comment")?.text).toBe("  b */");
  });

  it("cuts a line around the current statement", () => {
    const [line] = displayLines("if (a) { b = 1; }", new Set());
    const [before, inside, after] = cutLine(line, 9, 15);
    expect(before.map((p) => p.text).join("")).toBe("if (a) { ");
    expect(inside.map((p) => p.text).join("")).toBe("b = 1;");
    expect(after.map((p) => p.text).join("")).toBe(" }");
  });
});
