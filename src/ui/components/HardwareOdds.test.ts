// What a hardware row says beside its share: the random scheduler's odds of the row's outcome,
// and which memory model allows it ("the CPU reordered memory here" where SC cannot produce it).

import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { switchLocale } from "../../i18n/index";
import { parseLevel } from "../../engine/index";
import { mini } from "../../engine/testing/levels";
import type { OutcomeRow } from "../../hardware/outcomes";
import { levelOdds } from "../../solver/odds";
import { formatOdds, modelWords, oddsWords, rowOutcomes, type OddsState } from "./HardwareOdds";

const row = (over: Partial<OutcomeRow>): OutcomeRow => ({ kind: "finished", message: "", win: false, threads: [], count: 1, firstTrial: 1, finalState: [], sc: null, ...over });
const BUDGET = { maxStates: 100_000 };
const worked = (level: Parameters<typeof levelOdds>[0]): OddsState => ({ status: "done", result: { type: "result", ...levelOdds(level, BUDGET) } });

describe("formatOdds", () => {
  it.each([
    [0, "0%"],
    [1, "100%"],
    [0.5, "50%"],
    [0.125, "12.5%"],
    [1 / 3, "33.3%"],
    [0.0039, "0.39%"],
    [0.000012, "0.0012%"],
  ])("%s is %s", (p, text) => expect(formatOdds(p)).toBe(text));
});

describe("a row's odds", () => {
  it("two threads of one step each: each final state is a row of the tally's finished row, 100% in all", () => {
    const odds = worked(mini({ shared: { x: 0 }, threads: ["x = 1;", "x = 2;"] }));
    expect(oddsWords(row({ kind: "finished", sc: true, finalShared: [2] }), odds, "97.0%")).toBe("random scheduler 100%, your CPU 97.0%");
    // A final state no interleaving reaches: the random scheduler never ends this way.
    expect(oddsWords(row({ kind: "finished", sc: false, finalShared: [3] }), odds, "3.0%")).toBe("random scheduler 0%, your CPU 3.0%");
  });

  it("lost-update: the failed assert's row and the finished row share out 100%", () => {
    const parsed = parseLevel(readFileSync("levels/lost-update.json", "utf8"));
    if (!parsed.ok) throw new Error("lost-update does not load");
    const odds = worked(parsed.value);
    if (odds.status !== "done" || odds.result.odds.status !== "done") throw new Error("no odds");
    const failed = row({ kind: "assertion", threads: [1], line: 5, sc: true, message: "Teller Bea failed assert(balance == 200) at line 5" });
    const finished = row({ kind: "finished", sc: true, finalShared: [200, 1] });
    const outcomes = odds.result.odds.outcomes;
    const pFailed = rowOutcomes(failed, outcomes).reduce((s, c) => s + c.probability, 0);
    const pFinished = rowOutcomes(finished, outcomes).reduce((s, c) => s + c.probability, 0);
    expect(pFailed + pFinished).toBeCloseTo(1, 12);
    expect(pFailed).toBeGreaterThan(0);
    expect(oddsWords(failed, odds, "1.0%")).toBe(`random scheduler ${formatOdds(pFailed)}, your CPU 1.0%`);
    // Al cannot fail Bea's assert: no outcome stands for that row.
    expect(rowOutcomes(row({ kind: "assertion", threads: [0], line: 5 }), outcomes)).toEqual([]);
  });

  it("says so when the graph is too big, or still being worked out", () => {
    const tooBig: OddsState = { status: "done", result: { type: "result", model: "sc", odds: { status: "too-big", states: 200_001 }, sc: null } };
    expect(oddsWords(row({}), tooBig, "5%")).toBe("random scheduler: too many states to work out (more than 200,000), your CPU 5%");
    expect(oddsWords(row({}), { status: "running", states: 16384 }, "5%")).toBe("random scheduler: working it out (16,384 states so far), your CPU 5%");
  });
});

describe("a row's memory model", () => {
  const storeBuffer = { shared: { x: 0, y: 0, r1: 1, r2: 1 }, threads: ["x = 1;\nr1 = y;", "y = 1;\nr2 = x;"] };

  it("a TSO level: both reads seeing 0 is TSO's alone, so the CPU reordered memory; the others SC allows too", () => {
    const odds = worked(mini({ ...storeBuffer, options: { memoryModel: "tso" } }));
    expect(modelWords(row({ finalShared: [1, 1, 0, 0] }), odds, true)).toEqual({
      text: "TSO, this level's memory model, allows this final state; sequential consistency does not: the CPU reordered memory here.",
      reordered: true,
    });
    expect(modelWords(row({ finalShared: [1, 1, 1, 1] }), odds, true)).toEqual({
      text: "TSO, this level's memory model, allows this final state; so does sequential consistency.",
      reordered: false,
    });
  });

  it("an SC level: what SC allows, and what it does not, in the CPU's words", () => {
    const odds = worked(mini(storeBuffer));
    expect(modelWords(row({ finalShared: [1, 1, 0, 1], sc: true }), odds, false)).toEqual({ text: "Sequential consistency, this level's memory model, allows this final state.", reordered: false });
    expect(modelWords(row({ finalShared: [1, 1, 0, 0], sc: false }), odds, false)).toEqual({
      text: "Sequential consistency, this level's memory model, does not allow this final state: the CPU reordered memory here.",
      reordered: true,
    });
    // Without odds, the run's own comparison with SC still speaks.
    expect(modelWords(row({ kind: "assertion", threads: [0], line: 2, sc: false }), { status: "off" }, false)?.reordered).toBe(true);
  });
});

describe("in the player's language", () => {
  afterEach(async () => {
    await switchLocale("en");
  });

  it("German: the odds, the shares and the memory model in German words and numbers", async () => {
    await switchLocale("de");
    expect(formatOdds(0.125)).toBe("12,5\u00a0%");
    expect(formatOdds(0.000012)).toBe("0,0012\u00a0%");
    expect(oddsWords(row({}), { status: "running", states: 16384 }, "5\u00a0%")).toBe("Zufalls-Scheduler: wird berechnet (bisher 16.384 Zustände), deine CPU 5\u00a0%");
    const odds = worked(mini({ shared: { x: 0, y: 0, r1: 1, r2: 1 }, threads: ["x = 1;\nr1 = y;", "y = 1;\nr2 = x;"], options: { memoryModel: "tso" } }));
    expect(modelWords(row({ finalShared: [1, 1, 0, 0] }), odds, true)?.text).toBe(
      "TSO, das Speichermodell dieses Levels, erlaubt diesen Endzustand; sequenzielle Konsistenz nicht: Hier hat die CPU Speicherzugriffe umgeordnet.",
    );
  });

  it("Spanish: an assert's row that SC does not allow", async () => {
    await switchLocale("es");
    expect(modelWords(row({ kind: "assertion", threads: [0], line: 2, sc: false }), { status: "off" }, false)?.text).toBe(
      "La consistencia secuencial, el modelo de memoria de este nivel, no permite esto: aquí la CPU reordenó los accesos a memoria.",
    );
  });
});
