// The searches a player or an instructor starts: the next-move hint, the proof of a claim, "Check
// my fix", the editor's Check and hardware mode's "Show a schedule for this". Each is a job with one status union: idle, running (with the
// states seen and the depth reached), done (with its result), stopped by the user, or failed.
// A job belongs to what it was started for (a game state, a level, some code, a text): reports
// about anything else come too late and are ignored. The workers themselves are ../search-jobs.ts.

import type { StateCreator } from "zustand/vanilla";
import type { CheckReport, FixCode, FixVerdict, GameState, Level, Move, OutcomeKind, OutcomeScheduleAnswer, SearchFindings } from "../../engine/index";
import type { LoadedLevel } from "./game-slice";
import type { AppMutators, AppState } from "./store";

export type SearchStatus<R> =
  | { status: "idle" }
  | { status: "running"; states: number; depth: number }
  | { status: "done"; result: R }
  | { status: "stopped"; states: number }
  | { status: "failed"; message: string };

/** A search job: idle, or started for `for` and standing somewhere. */
export type SearchJob<For, R> = { status: "idle" } | (Exclude<SearchStatus<R>, { status: "idle" }> & { for: For });

/** The hint's answer from a game state: the next move of a shortest win, none (no schedule wins from there), or none found within the budget. */
export type HintAnswer = { kind: "next-move"; move: Move; outcome: OutcomeKind; length: number } | { kind: "no-win" } | { kind: "gave-up" };

/** Which hardware row a schedule was asked for: the open level (as written) and the row's key. */
export interface ScheduleQuestion {
  level: LoadedLevel;
  row: string;
}

/** The schedule's answer, and whether the board loaded it (on the level's TSO twin when it has flushes the level as written cannot play). */
export interface ScheduleShown {
  answer: OutcomeScheduleAnswer;
  loaded: boolean;
  /** The board plays the level's TSO twin for it. */
  onTwin: boolean;
}

export interface SearchJobs {
  /** The next move of a shortest win, from the game state it was asked in. */
  hint: SearchJob<GameState, HintAnswer>;
  /** Every reachable state of the open level, searched when the player claims it cannot break. */
  proof: SearchJob<LoadedLevel, Omit<SearchFindings, "ms">>;
  /** The judge on the student's code for the open fix-it level. */
  fix: SearchJob<FixCode, FixVerdict>;
  /** The editor's Check of a level's text. */
  check: SearchJob<{ text: string; level: Level }, CheckReport>;
  /** Hardware mode's "Show a schedule for this", for one outcome row. */
  schedule: SearchJob<ScheduleQuestion, ScheduleShown>;
}

export type SearchName = keyof SearchJobs;
export type SearchFor<N extends SearchName> = Extract<SearchJobs[N], { for: unknown }>["for"];
export type SearchResultOf<N extends SearchName> = Extract<SearchJobs[N], { status: "done" }>["result"];

export const IDLE_SEARCH = { status: "idle" } as const;

export const NO_SEARCHES: SearchJobs = { hint: IDLE_SEARCH, proof: IDLE_SEARCH, fix: IDLE_SEARCH, check: IDLE_SEARCH, schedule: IDLE_SEARCH };

export interface SearchSlice {
  searches: SearchJobs;
  /** Job `name` is now running for `what` (whatever it was doing before is over). */
  startSearch<N extends SearchName>(name: N, what: SearchFor<N>): void;
  /** Progress of job `name`: ignored unless it is running for `what`. */
  searchProgress<N extends SearchName>(name: N, what: SearchFor<N>, states: number, depth: number): void;
  /** The result of job `name`: ignored unless it is running for `what`. */
  searchDone<N extends SearchName>(name: N, what: SearchFor<N>, result: SearchResultOf<N>): void;
  /** Job `name` failed: ignored unless it is running for `what`. */
  searchFailed<N extends SearchName>(name: N, what: SearchFor<N>, message: string): void;
  /** The user stopped job `name`: a running job is "stopped" with the states it had seen; any other is left as it is. */
  stopSearch(name: SearchName): void;
  /** Job `name` is forgotten: idle. */
  clearSearch(name: SearchName): void;
}

type AnyJob = SearchJob<unknown, unknown>;

export const createSearchSlice: StateCreator<AppState, AppMutators, [], SearchSlice> = (set, get) => {
  const put = (name: SearchName, job: AnyJob) => set({ searches: { ...get().searches, [name]: job } });
  /** Job `name`, when it is running for `what`. */
  const runningFor = (name: SearchName, what: unknown) => {
    const job: AnyJob = get().searches[name];
    return job.status === "running" && job.for === what ? job : null;
  };
  return {
    searches: NO_SEARCHES,
    startSearch: (name, what) => put(name, { status: "running", for: what, states: 0, depth: 0 }),
    searchProgress: (name, what, states, depth) => {
      if (runningFor(name, what)) put(name, { status: "running", for: what, states, depth });
    },
    searchDone: (name, what, result) => {
      if (runningFor(name, what)) put(name, { status: "done", for: what, result });
    },
    searchFailed: (name, what, message) => {
      if (runningFor(name, what)) put(name, { status: "failed", for: what, message });
    },
    stopSearch: (name) => {
      const job: AnyJob = get().searches[name];
      if (job.status === "running") put(name, { status: "stopped", for: job.for, states: job.states });
    },
    clearSearch: (name) => {
      if (get().searches[name].status !== "idle") put(name, IDLE_SEARCH);
    },
  };
};
