// Every campaign level, raced in hardware mode in Chromium, with every row of the tally checked
// against the engine, worked out here in Node by the solver's own search. A row must be an ending
// the level's memory model reaches: an assert, exception, exit or mutual exclusion by the
// engine's own words, a deadlock by its stuck threads, a finished run by its final shared state.
// On an SC level it may instead be one only TSO's store buffers reach (this x86 machine has
// them), and then the row must say the CPU reordered memory; a row SC reaches must not. "Still
// running" is no ending of the engine's: only threads with a loop can be caught in one. The rows
// add up to the trials run. One page plays a chapter, level after level.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { listNames, replay, type Level, type Move, type Outcome, type OutcomeKind } from "../src/engine/index";
import { JMP, JNZ, JZ, STRIDE, type Program } from "../src/engine/machine";
import { sharedValues } from "../src/hardware/outcomes";
import { DEFAULT_BUDGET } from "../src/hardware/run";
import { Exploration } from "../src/solver/explore";
import { underModel } from "../src/solver/outcome-schedule";
import { dismissTour } from "./helpers/game";
import { campaignChapters, campaignIds, campaignLevel } from "./helpers/levels";

/** The fewest trials the panel runs. */
const TRIALS = 100;
/** A level whose threads loop forever runs every trial to its budget, a fraction of a second of
 *  spinning each (seconds on a loaded machine): after this long it is stopped, once one trial
 *  at least is in. */
const ENOUGH_MS = 3_000;
/** States a search of one level may store: the campaign's largest has under 100,000 under SC. */
const MAX_STATES = 1_000_000;

const KINDS = new Map<string, Row["kind"]>([
  ["Mutual exclusion broken", "mutual-exclusion"],
  ["Assertion failed", "assertion"],
  ["Deadlock", "deadlock"],
  ["Exception", "exception"],
  ["Finished", "finished"],
  ["exit() called", "exit"],
  ["Still running", "running"],
]);

/** One row of the panel's tally. */
interface Row {
  kind: OutcomeKind | "running";
  message: string;
  count: number;
  /** The row says "the CPU reordered memory here". */
  reordered: boolean;
  /** Its first trial's final shared state, as listed under it ("name=value; ..."). */
  state: string;
}

const shownState = (values: { name: string; value: string }[]) => values.map((v) => `${v.name}=${v.value}`).join("; ");

/** How an ending is told apart from others: an assert, exception, exit or mutual exclusion by
 *  the engine's words for it (the panel's are the same), a deadlock by its stuck threads (the
 *  words for a thread that spins differ), a finished run by its final shared state. */
function endingKey(outcome: Outcome, p: Program): string {
  if (outcome.kind === "deadlock") return `deadlock: ${outcome.threads.map((t) => p.threads[t].name).join(" | ")}`;
  return `${outcome.kind}: ${outcome.message}`;
}

function rowKey(row: Row, p: Program): string {
  if (row.kind === "finished") return `finished: ${row.state}`;
  if (row.kind !== "deadlock") return `${row.kind}: ${row.message}`;
  // "A waits for m held by B, B waits for ...": each stuck thread's part starts with its name.
  const stuck = p.threads.filter((t) => row.message.startsWith(`${t.name} waits`) || row.message.includes(`, ${t.name} waits`));
  return `deadlock: ${stuck.map((t) => t.name).join(" | ")}`;
}

/**
 * Searches every interleaving of `p`, or until `wanted` (a row's key) turns up, and returns the
 * key of every ending found. The engine words each ending: the schedule to it is replayed.
 */
function endingsOf(p: Program, wanted?: string): Set<string> {
  const keys = new Set<string>();
  // Endings to word: a state's own (mutual exclusion, deadlock), or one thread's step from it.
  const found: { state: number; thread: number }[] = [];
  const seenFaults = new Set<string>();
  const search = new Exploration(
    p,
    {
      outcome: (_kind, state, thread, fault) => {
        // An assert, exception or exit is worded by where it happened: one replay of each will do.
        const where = `${thread}:${fault.pc}:${fault.rule}:${fault.detail}`;
        if (thread < 0 || !seenFaults.has(where)) found.push({ state, thread });
        if (thread >= 0) seenFaults.add(where);
        return false;
      },
      finished: (s) => void keys.add(`finished: ${shownState(sharedValues(p, s))}`),
    },
    MAX_STATES,
  );
  for (let pauseAt = 10_000; ; pauseAt += 10_000) {
    const status = search.run(pauseAt);
    for (const { state, thread } of found.splice(0)) {
      const moves: Move[] = search.movesTo(state);
      if (thread >= 0) moves.push({ kind: "step", thread });
      const ended = replay(p, moves).state.outcome;
      if (!ended) throw new Error(`${p.spec.id}: the search's schedule to an ending does not end the game`);
      keys.add(endingKey(ended, p));
    }
    if (status === "complete" || (wanted !== undefined && keys.has(wanted))) return keys;
    // Nothing can be said to be unreachable past the budget: a failure, not a pass.
    expect(status, `the interleavings of ${p.spec.id} (${p.tso ? "TSO" : "SC"}) searched within ${MAX_STATES} states`).toBe("paused");
  }
}

/** Threads with a loop (a jump backwards): the only ones a trial can leave still running. */
function loopingThreads(p: Program): number[] {
  const looping = new Set<number>();
  for (let pc = 0; pc < p.code.length / STRIDE; pc++) {
    const op = p.code[pc * STRIDE];
    const target = op === JMP ? p.code[pc * STRIDE + 1] : op === JZ || op === JNZ ? p.code[pc * STRIDE + 2] : pc + 1;
    if (target <= pc) looping.add(p.statements[p.statementOf[pc]].thread);
  }
  return [...looping].sort((a, b) => a - b);
}

/** The panel's words for a trial left running: some of the looping threads, in the level's order,
 *  out of their budget (statements run as wasm: Chromium runs wasm) or of the time limit. */
function runningMessages(p: Program): Set<string> {
  const looping = loopingThreads(p);
  const words = new Set<string>();
  for (let mask = 1; mask < 1 << looping.length; mask++) {
    const names = looping.filter((_, k) => (mask & (1 << k)) !== 0).map((t) => p.threads[t].name);
    const verb = names.length === 1 ? "was" : "were";
    for (const limit of [`${DEFAULT_BUDGET.wasm.toLocaleString("en-US")} statements`, "the time limit"]) words.add(`${listNames(names)} ${verb} still running after ${limit}`);
  }
  return words;
}

/** Opens the level on the chapter's page and runs its trials in the hardware panel; returns the
 *  panel and how many trials ran. */
async function runTrials(page: Page, id: string, level: Level): Promise<{ panel: Locator; completed: number }> {
  await page.goto(`/#/level/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(level.spec.title);
  if (id === campaignIds()[0]) await dismissTour(page);
  await page.getByRole("button", { name: "Hardware mode" }).click();
  const panel = page.getByRole("region", { name: "Hardware mode" });
  await panel.getByLabel("Trials").fill(String(TRIALS));
  await panel.getByRole("button", { name: "Run trials" }).click();
  const status = panel.getByRole("status");
  const done = await expect(status).toContainText(`Done: ${TRIALS} trials`, { timeout: ENOUGH_MS }).then(() => true, () => false);
  if (!done) {
    await expect(status).toContainText(new RegExp(`^(Done|[1-9]\\d* of ${TRIALS} trials)`), { timeout: 60_000 });
    const stop = panel.getByRole("button", { name: "Stop" });
    // The run may end between a look at Stop and a click on it: then there is nothing to stop.
    await stop.click({ timeout: 5_000 }).catch(async (e: unknown) => {
      if (await stop.isEnabled()) throw e;
    });
  }
  await expect(status).toContainText(/^(Done|Stopped after)/);
  // Which memory model allows a row is settled by the random scheduler's odds, worked out in a
  // worker meanwhile: wait for them.
  await expect(panel.getByText("random scheduler: working it out")).toHaveCount(0, { timeout: 60_000 });
  const words = (await status.textContent())!;
  return { panel, completed: Number(/^(?:Done: |Stopped after )(\d+)/.exec(words)![1]) };
}

/** The tally's rows: each row's header holds its kind, message, odds, memory-model words and,
 *  under a disclosure, its first trial's final shared state; its first cell, the trial count. */
async function readTally(panel: Locator, completed: number): Promise<Row[]> {
  const table = panel.getByRole("table", { name: `Outcomes of ${completed} trial${completed === 1 ? "" : "s"}` });
  const rows = await table.locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({
      kind: tr.querySelector("th .hw-kind")?.textContent ?? "",
      message: tr.querySelector("th .hw-message")?.textContent ?? "",
      count: Number((tr.querySelector("td")?.textContent ?? "").replace(/,/g, "")),
      reordered: (tr.querySelector("th")?.textContent ?? "").includes("the CPU reordered memory here"),
      state: [...tr.querySelectorAll("th dl > div")].map((d) => ({ name: d.querySelector("dt")?.textContent ?? "", value: d.querySelector("dd")?.textContent ?? "" })),
    })),
  );
  return rows.map((r) => {
    const kind = KINDS.get(r.kind.replace(/ \(a win\)$/, ""));
    if (!kind) throw new Error(`a row of kind "${r.kind}"`);
    return { ...r, kind, state: shownState(r.state) };
  });
}

/** Checks every row against the engine: see the top of the file. */
function checkRows(level: Level, rows: Row[]): void {
  const { spec, program } = level;
  const sc = underModel(spec, "sc");
  const tso = program.tso ? program : underModel(spec, "tso");
  if (!sc || !tso) throw new Error(`${spec.id} does not compile under both memory models`);
  const underSC = endingsOf(sc);
  const underTSO = program.tso ? endingsOf(tso) : null;
  const running = runningMessages(program);
  for (const row of rows) {
    const what = `${spec.id}: ${row.kind} "${row.message}" (${row.count} trials${row.reordered ? ", reordered" : ""}; ${row.state || "no shared state"})`;
    if (row.kind === "running") {
      expect.soft(running, `${what}: only a looping thread is still running`).toContain(row.message);
      continue;
    }
    const key = rowKey(row, program);
    const inSC = underSC.has(key);
    // What TSO reaches: on a TSO level every ending was listed; on an SC level, searched for.
    const inTSO = underTSO ? underTSO.has(key) : inSC || endingsOf(tso, key).has(key);
    expect.soft(program.tso ? inTSO : inSC || inTSO, `${what} is an ending the engine reaches`).toBe(true);
    // What sequential consistency cannot do is flagged; what it does, by its exact words, is not.
    expect.soft(row.reordered, inSC ? `${what} does not say the CPU reordered memory` : `${what} says the CPU reordered memory`).toBe(!inSC);
  }
}

test.describe("every campaign level races in hardware mode, each outcome one the engine reaches", () => {
  // A chapter takes under a minute on a loaded machine; its spinning levels take most of it.
  test.describe.configure({ timeout: 180_000 });

  for (const chapter of campaignChapters()) {
    test(chapter.title, async ({ page }) => {
      for (const id of chapter.levels) {
        await test.step(id, async () => {
          const { level } = campaignLevel(id);
          const { panel, completed } = await runTrials(page, id, level);
          const rows = await readTally(panel, completed);
          expect.soft(rows.reduce((sum, r) => sum + r.count, 0), `${id}: the rows add up to the ${completed} trials run`).toBe(completed);
          checkRows(level, rows);
        });
      }
    });
  }
});
