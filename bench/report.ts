// Helpers shared by the sections of `npm run bench`: plain aligned tables, number formats, and
// the JSON files written to bench/out/ (git-ignored).

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT_DIR = join(BENCH_DIR, "..");
export const OUT_DIR = join(BENCH_DIR, "out");

/** Prints a section heading. */
export function heading(title: string): void {
  console.log(`\n== ${title} ${"=".repeat(Math.max(0, 90 - title.length))}`);
}

/** Formats rows as aligned plain text; columns whose header starts with ">" are right-aligned. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const right = headers.map((h) => h.startsWith(">"));
  const head = headers.map((h) => (h.startsWith(">") ? h.slice(1) : h));
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (right[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ").trimEnd();
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

/** 1234567 -> "1,234,567". */
export function int(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** Fixed decimals, with thousands separators. */
export function fixed(n: number, digits: number): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Writes `value` as pretty JSON to bench/out/<name>; returns the path relative to the repo. */
export function writeJson(name: string, value: unknown): string {
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, name), JSON.stringify(value, null, 2) + "\n");
  return `bench/out/${name}`;
}
