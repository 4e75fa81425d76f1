// Random programs, one statement per line: every dialect places every statement on its own line,
// marks text that belongs to it, and keeps braces balanced (C#, Java, C) or indentation consistent
// (Python). Seeded, so a failure names the program that broke it.

import { describe, expect, it } from "vitest";
import { mini } from "../testing/levels";
import { renderLevel, TARGET_LANGUAGES } from "./core";
import { DIALECTS } from "./dialects";

function generator(seed: number) {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (d: number): string =>
    d <= 0 ? pick(["0", "1", "2", "x", "t", "y", "arr[1]"]) : pick([
      () => int(0), () => `${int(d - 1)} + ${int(d - 1)}`, () => `${int(d - 1)} * ${int(d - 1)}`, () => `(${int(d - 1)} - ${int(d - 1)})`,
      () => `${int(d - 1)} % 3`, () => `-(${int(d - 1)})`, () => "q.size()",
    ])();
  const bool = (d: number): string =>
    d <= 0 ? pick(["true", "f", "ok", "false"]) : pick([
      () => bool(0), () => `${int(d - 1)} < ${int(d - 1)}`, () => `${int(d - 1)} == ${int(d - 1)}`, () => `!${bool(0)}`,
      () => `(${bool(d - 1)} && ${bool(d - 1)})`, () => `${bool(d - 1)} || ${bool(d - 1)}`, () => `!(${bool(d - 1)})`,
      () => `(${bool(d - 1)}) == (${bool(d - 1)})`, () => "m.tryLock()", () => "atomic_cas(y, 0, 1)",
    ])();
  const lines: string[] = [];
  const block = (depth: number, inLoop: boolean) => {
    const n = 1 + Math.floor(rand() * 3);
    const pad = "  ".repeat(depth);
    for (let k = 0; k < n; k++) {
      const kind = depth < 3 ? pick(["simple", "simple", "simple", "if", "while"]) : "simple";
      if (kind === "if") {
        lines.push(`${pad}if (${bool(2)}) {`);
        block(depth + 1, inLoop);
        const tail = pick(["none", "else", "elseif"]);
        if (tail === "elseif") {
          lines.push(`${pad}} else if (${bool(1)}) {`);
          block(depth + 1, inLoop);
        }
        if (tail !== "none") {
          lines.push(`${pad}} else {`);
          block(depth + 1, inLoop);
        }
        lines.push(`${pad}}`);
      } else if (kind === "while") {
        lines.push(`${pad}while (${bool(2)}) {`);
        block(depth + 1, true);
        lines.push(`${pad}}`);
      } else {
        const simple = [
          `x = ${int(2)};`, `t = ${int(2)};`, "x++;", "t--;", `arr[t % 2] += ${int(1)};`, `ok = ${bool(2)};`, "m.lock();", "m.unlock();",
          "s.signal();", "s.wait();", "c.wait();", "c.broadcast();", `q.enqueue(${int(1)});`, "t = q.dequeue();", "business_logic();",
          `assert(${bool(1)});`, `t = atomic_add(y, ${int(1)});`, "atomic_exchange(y, 3);", "fence();", "critical_section(); // here",
          ...(inLoop ? ["break;", "continue;"] : []),
        ];
        lines.push(pad + pick(simple));
      }
    }
  };
  lines.push("int t = 0;", "bool ok;");
  block(0, false);
  return lines.join("\n");
}

const SHARED = {
  x: 0, y: 0, f: false, arr: [0, 0], m: { type: "mutex" }, s: { type: "semaphore" }, c: { type: "condition", mutex: "m" },
  q: { type: "queue", items: [] },
};

describe("random programs", () => {
  it.each(TARGET_LANGUAGES)("%s: 150 programs keep every statement on its line", (language) => {
    for (let seed = 1; seed <= 150; seed++) {
      const code = generator(seed * 7919);
      const level = mini({ shared: SHARED, noops: ["business_logic"], threads: [code] });
      const r = renderLevel(level.spec, DIALECTS[language]).threads[0];
      const where = `seed ${seed * 7919}:\n${code}\n---\n${r.lines.join("\n")}`;
      expect(r.lines.length, where).toBe(code.split("\n").length);
      for (const st of level.program.statements) {
        const place = r.statements.get(st.span.start.offset);
        expect(place?.line, `${st.text} in ${where}`).toBe(st.span.start.line - 1);
        expect(r.lines[place!.line].slice(place!.from, place!.to).trim().length, where).toBeGreaterThan(0);
      }
      if (language === "python") {
        // A line that opens a block is followed, at the next non-empty line, by deeper indentation.
        const indent = (s: string) => s.length - s.trimStart().length;
        r.lines.forEach((line, i) => {
          if (!line.endsWith(":")) return;
          const next = r.lines.slice(i + 1).find((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
          expect(next !== undefined && indent(next) > indent(line), where).toBe(true);
        });
        expect(r.lines.join("\n"), where).not.toMatch(/[{};]$/m);
      } else {
        const text = r.lines.join("\n").replace(/\/\/.*|\/\*.*?\*\//g, "");
        expect(text.split("{").length, where).toBe(text.split("}").length);
      }
    }
  });
});
