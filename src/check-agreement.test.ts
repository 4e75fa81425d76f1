// levels check and the editor's Check say the same of every level: the CLI's record and the report
// the editor shows agree on the verdict, the shortest schedule and the problems. The editor's
// check runs here as in the browser, with its workers standing in: the same solver and judge,
// answering through the same handlers.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { checkLevelText, passes } from "./cli/check";
import { parseLevel, type CheckReport } from "./engine/index";
import type { SearchHandlers } from "./ui/search-workers";
import { levelCheck } from "./editor/check";

vi.mock("./ui/search-workers", async () => {
  const { parseLevel } = await import("./engine/index");
  const { solve } = await import("./solver/solve");
  const { judge } = await import("./solver/judge");
  const level = (text: string) => {
    const parsed = parseLevel(text);
    if (!parsed.ok) throw new Error("the worker was sent a level that does not parse");
    return parsed.value;
  };
  /** Answers after the caller has its cancel function, as a worker does; nothing once cancelled. */
  const later = (work: () => void) => {
    let live = true;
    setTimeout(() => live && work(), 0);
    return () => void (live = false);
  };
  return {
    searchInWorker: (request: { levelText: string; packed: Int32Array; maxStates: number; reduce?: boolean }, handlers: SearchHandlers<unknown>) =>
      later(() => {
        const found = solve(level(request.levelText).program, { from: request.packed, maxStates: request.maxStates, reduce: request.reduce, onProgress: handlers.progress });
        handlers.result({ type: "result", verdict: found.verdict, outcome: found.outcome, schedule: found.schedule, states: found.states });
      }),
    judgeInWorker: (request: { levelText: string; code: Record<string, string>; maxStates: number; reduce?: boolean }, handlers: SearchHandlers<unknown>) =>
      later(() => handlers.result(judge(level(request.levelText).spec, request.code, { maxStates: request.maxStates, reduce: request.reduce, onProgress: handlers.progress }))),
  };
});

/** What the editor's Check shows for this text. */
function editorCheck(text: string): Promise<CheckReport> {
  const parsed = parseLevel(text);
  if (!parsed.ok) throw new Error("the level does not parse");
  return new Promise((resolve, reject) => {
    levelCheck(text, parsed.value)({ progress: () => {}, result: resolve, failed: (message) => reject(new Error(message)) });
  });
}

async function both(file: string) {
  const text = readFileSync(file, "utf8");
  const record = checkLevelText(file, text);
  const report = await editorCheck(text);
  return { record, report };
}

const campaign = readdirSync("levels").filter((f) => f.endsWith(".json") && f !== "campaign.json" && !f.endsWith(".schema.json"));

describe("levels check and the editor's Check agree", () => {
  it.each(campaign)("on %s: it passes both, with the same verdict and shortest schedule", async (name) => {
    const { record, report } = await both(`levels/${name}`);
    expect(passes(record)).toBe(true);
    expect(report.problems).toEqual([]);
    expect(record.report!.problems).toEqual([]);
    expect(record.verdict).toBe(report.verdict);
    expect(record.shortest).toBe(report.shortest);
    expect(record.outcome).toBe(report.outcome);
    expect(record.fix?.brokenVerdict).toBe(report.fix?.broken.verdict);
    expect(record.fix?.brokenShortest ?? null).toBe(report.fix?.broken.verdict === "broken" ? report.fix.broken.schedule.length : null);
    expect(record.fix?.referenceVerdict).toBe(report.fix?.reference.verdict);
  });

  const F = "src/cli/__fixtures__";
  const claimsBreakable = 'the level is meant to be breakable, but no schedule wins (mark it "breakable": false if the code is meant to be correct)';
  it.each([
    ["safe-but-claims-breakable", [claimsBreakable]],
    ["won-at-start", ["the level is already won before any move (mutual-exclusion)"]],
    [
      "fix-nothing-to-fix",
      [
        claimsBreakable,
        // 3, not the plain search's 4: both sides prove with the reduction, and the two threads are alike.
        "the code the student starts from already holds (3 states checked): there is nothing to fix",
      ],
    ],
    ["fix-wrong-reference", ["the reference fix does not hold: a schedule of 9 moves still reaches assertion: Al, Bea, Bea, Al, Al, Bea, Bea, Bea, Bea"]],
  ])("on the failing %s: neither passes it, for the same reasons", async (id, problems) => {
    const { record, report } = await both(`${F}/${id}.json`);
    expect(passes(record)).toBe(false);
    expect(report.problems).toEqual(problems);
    expect(record.report!.problems).toEqual(problems);
    expect(record.shortest).toBe(report.shortest === 0 ? null : report.shortest);
  });
});
