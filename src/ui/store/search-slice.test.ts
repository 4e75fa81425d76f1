// The search jobs of the store: one status union for the hint, the proof, Check my fix, the
// editor's Check and hardware mode's schedule for a row; reports about what a job is no longer for are ignored; a job's worker ends
// when the job stops running for what it was started for.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel, type FixVerdict } from "../../engine/index";
import { hintAnswer } from "../hint";
import { runSearch, stopSearch, dropSearch } from "../search-jobs";
import type { SearchHandlers } from "../search-workers";
import type { LoadedLevel } from "./game-slice";
import type { HintAnswer, ScheduleShown } from "./search-slice";
import { memoryStorage } from "./progress";
import { createAppStore } from "./store";

function campaign(id: string): LoadedLevel {
  const text = readFileSync(`levels/${id}.json`, "utf8");
  const parsed = parseLevel(text);
  if (!parsed.ok) throw new Error(`${id}.json does not parse`);
  return { id, text, level: parsed.value, source: "campaign" };
}
const lostUpdate = campaign("lost-update");
const fresh = () => createAppStore({ storage: memoryStorage({}) });
const fixed: FixVerdict = { verdict: "fixed", states: 23, ms: 4 };

/** A stand-in for a worker: the test drives its handlers and sees whether it was cancelled. */
function fakeWorker<R>() {
  const worker = { handlers: null as SearchHandlers<R> | null, cancelled: 0 };
  const launch = (handlers: SearchHandlers<R>) => {
    worker.handlers = handlers;
    return () => void worker.cancelled++;
  };
  return { worker, launch };
}

describe("the search slice", () => {
  it("every job starts idle", () => {
    // Five jobs: hardware mode's "Show a schedule for this" joined the hint, the proof, Check my
    // fix and the editor's Check, so its search has the same status union and cancellation.
    expect(fresh().getState().searches).toEqual({ hint: { status: "idle" }, proof: { status: "idle" }, fix: { status: "idle" }, check: { status: "idle" }, schedule: { status: "idle" } });
  });

  it("runs, reports progress, and ends done with its result", () => {
    const store = fresh();
    const code = { Al: "x++;" };
    const s = () => store.getState();
    s().startSearch("fix", code);
    expect(s().searches.fix).toEqual({ status: "running", for: code, states: 0, depth: 0 });
    s().searchProgress("fix", code, 4096, 12);
    expect(s().searches.fix).toEqual({ status: "running", for: code, states: 4096, depth: 12 });
    s().searchDone("fix", code, fixed);
    expect(s().searches.fix).toEqual({ status: "done", for: code, result: fixed });
    // Done is done: late progress or a failure does not change it, nor does Stop.
    s().searchProgress("fix", code, 9999, 13);
    s().searchFailed("fix", code, "late");
    s().stopSearch("fix");
    expect(s().searches.fix).toEqual({ status: "done", for: code, result: fixed });
  });

  it("stops with the states seen so far, fails with the message, and clears to idle", () => {
    const store = fresh();
    const s = () => store.getState();
    const text = { text: "{}", level: lostUpdate.level };
    s().startSearch("check", text);
    s().searchProgress("check", text, 300, 5);
    s().stopSearch("check");
    expect(s().searches.check).toEqual({ status: "stopped", for: text, states: 300 });
    s().startSearch("check", text);
    s().searchFailed("check", text, "out of memory");
    expect(s().searches.check).toEqual({ status: "failed", for: text, message: "out of memory" });
    s().clearSearch("check");
    expect(s().searches.check).toEqual({ status: "idle" });
  });

  it("ignores reports about something the job is no longer for", () => {
    const store = fresh();
    const s = () => store.getState();
    const before = { Al: "x++;" };
    const after = { Al: "atomic_add(x, 1);" };
    s().startSearch("fix", before);
    s().startSearch("fix", after);
    s().searchProgress("fix", before, 50, 2);
    s().searchDone("fix", before, fixed);
    s().searchFailed("fix", before, "stale");
    expect(s().searches.fix).toEqual({ status: "running", for: after, states: 0, depth: 0 });
  });

  it("a move, undo or another level sets the hint back to idle; the fix check and the editor's Check are not the game's", () => {
    const store = fresh();
    const s = () => store.getState();
    s().openLevel(lostUpdate);
    const code = { Al: "x++;" };
    s().startSearch("fix", code);
    s().startSearch("hint", s().game!);
    s().play({ kind: "step", thread: 0 });
    expect(s().searches.hint).toEqual({ status: "idle" });
    s().startSearch("hint", s().game!);
    s().undo();
    expect(s().searches.hint).toEqual({ status: "idle" });
    s().startSearch("proof", lostUpdate);
    s().closeLevel();
    expect(s().searches.proof).toEqual({ status: "idle" });
    expect(s().searches.fix).toEqual({ status: "running", for: code, states: 0, depth: 0 });
  });
});

describe("running a job's worker", () => {
  it("hands the worker's progress and result to the store, and does not cancel a worker that is over", () => {
    const store = fresh();
    const code = { Al: "x++;" };
    const { worker, launch } = fakeWorker<FixVerdict>();
    runSearch(store, "fix", code, launch);
    worker.handlers!.progress(10, 1);
    expect(store.getState().searches.fix).toEqual({ status: "running", for: code, states: 10, depth: 1 });
    worker.handlers!.result(fixed);
    expect(store.getState().searches.fix).toEqual({ status: "done", for: code, result: fixed });
    dropSearch(store, "fix");
    expect(worker.cancelled).toBe(0);
  });

  it("ends the worker when the user stops the job, when its screen drops it, or when the job runs again", () => {
    const store = fresh();
    const code = { Al: "x++;" };
    const first = fakeWorker<FixVerdict>();
    runSearch(store, "fix", code, first.launch);
    stopSearch(store, "fix");
    expect(first.worker.cancelled).toBe(1);
    expect(store.getState().searches.fix).toEqual({ status: "stopped", for: code, states: 0 });

    const second = fakeWorker<FixVerdict>();
    runSearch(store, "fix", code, second.launch);
    const third = fakeWorker<FixVerdict>();
    const changed = { Al: "atomic_add(x, 1);" };
    runSearch(store, "fix", changed, third.launch);
    expect(second.worker.cancelled).toBe(1);
    // The replaced worker's late answer does not reach the new job.
    second.worker.handlers!.result(fixed);
    expect(store.getState().searches.fix).toEqual({ status: "running", for: changed, states: 0, depth: 0 });

    dropSearch(store, "fix");
    expect(third.worker.cancelled).toBe(1);
    expect(store.getState().searches.fix).toEqual({ status: "idle" });
  });

  it("ends the hint's worker when the player moves on from the state it was asked in", () => {
    const store = fresh();
    store.getState().openLevel(lostUpdate);
    const { worker, launch } = fakeWorker<HintAnswer>();
    runSearch(store, "hint", store.getState().game!, launch);
    expect(worker.cancelled).toBe(0);
    store.getState().play({ kind: "step", thread: 1 });
    expect(worker.cancelled).toBe(1);
    expect(store.getState().searches.hint).toEqual({ status: "idle" });
  });
});

describe("the hint's answer", () => {
  it("is the first move of a shortest win, or no win from here, or a search that gave up", () => {
    const step = { kind: "step", thread: 1 } as const;
    expect(hintAnswer({ type: "result", verdict: "breakable", outcome: "assertion", schedule: [step, step], states: 9 })).toEqual({
      kind: "next-move", move: step, outcome: "assertion", length: 2,
    });
    expect(hintAnswer({ type: "result", verdict: "safe", states: 9 })).toEqual({ kind: "no-win" });
    expect(hintAnswer({ type: "result", verdict: "unknown", states: 2_000_001 })).toEqual({ kind: "gave-up" });
  });
});

describe("the schedule job", () => {
  it("belongs to one row: a new row's search ends the old one's worker, whose late answer is ignored", () => {
    const store = fresh();
    const first = fakeWorker<ScheduleShown>();
    const second = fakeWorker<ScheduleShown>();
    const assertRow = { level: lostUpdate, row: "assertion" };
    const finishedRow = { level: lostUpdate, row: "finished" };
    runSearch(store, "schedule", assertRow, first.launch);
    runSearch(store, "schedule", finishedRow, second.launch);
    expect(first.worker.cancelled).toBe(1);
    const none: ScheduleShown = { answer: { status: "none", tried: ["sc", "tso"] }, loaded: false, onTwin: false };
    first.worker.handlers!.result(none);
    expect(store.getState().searches.schedule).toEqual({ status: "running", for: finishedRow, states: 0, depth: 0 });
    const found: ScheduleShown = { answer: { status: "found", model: "sc", schedule: [{ kind: "step", thread: 0 }] }, loaded: true, onTwin: false };
    second.worker.handlers!.result(found);
    expect(store.getState().searches.schedule).toEqual({ status: "done", for: finishedRow, result: found });
  });
});
