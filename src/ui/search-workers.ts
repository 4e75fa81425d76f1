// The solver and the fix-it judge, each in a Web Worker of its own: the page never waits on a
// search. Every caller (the hint, "Ask for the proof", the editor's Check, "Check my fix", hardware
// mode's "Show a schedule for this" and its odds) gets the same protocol: progress now and then, then one
// result or one failure; the returned function cancels by ending the worker, after which no handler is called.

import { t } from "../i18n/index";
import type { HintReply, HintRequest } from "../solver/hint.worker";
import type { Verdict } from "../solver/judge";
import type { JudgeReply, JudgeRequest } from "../solver/judge.worker";
import type { OddsReply, OddsRequest } from "../solver/odds.worker";
import type { OutcomeScheduleReply, OutcomeScheduleRequest } from "../solver/outcome-schedule.worker";

export interface SearchHandlers<R> {
  progress(states: number, depth: number): void;
  result(result: R): void;
  failed(message: string): void;
}

/** What the solver's search found: the hint worker's result. */
export type SearchResult = Extract<HintReply, { type: "result" }>;

/** The random scheduler's odds, from the odds worker. */
export type OddsResult = Extract<OddsReply, { type: "result" }>;

/** What the outcome-schedule worker found. */
export type OutcomeScheduleResult = Extract<OutcomeScheduleReply, { type: "result" }>;

type Reply<R> = { type: "progress"; states: number; depth: number } | { type: "error"; message: string } | R;

function run<R extends { type: "result" }>(worker: Worker, request: unknown, handlers: SearchHandlers<R>): () => void {
  let over = false;
  const finish = () => {
    over = true;
    worker.terminate();
  };
  worker.onmessage = ({ data }: MessageEvent<Reply<R>>) => {
    if (over) return;
    if (data.type === "progress") return handlers.progress(data.states, data.depth);
    finish();
    if (data.type === "error") handlers.failed(data.message);
    else handlers.result(data);
  };
  worker.onerror = (e) => {
    if (over) return;
    finish();
    handlers.failed(e.message || t("hardware.search.stopped"));
  };
  worker.postMessage(request);
  return finish;
}

/** The breadth-first solver from `request.packed`: a shortest win, a proof that there is none, or "unknown". */
export function searchInWorker(request: HintRequest, handlers: SearchHandlers<SearchResult>): () => void {
  const worker = new Worker(new URL("../solver/hint.worker.ts", import.meta.url), { type: "module" });
  return run<SearchResult>(worker, request, handlers);
}

/** The fix-it judge on the student's code. */
export function judgeInWorker(request: JudgeRequest, handlers: SearchHandlers<Verdict>): () => void {
  const worker = new Worker(new URL("../solver/judge.worker.ts", import.meta.url), { type: "module" });
  return run<Extract<JudgeReply, { type: "result" }>>(worker, request, { ...handlers, result: (r) => handlers.result(r.verdict) });
}

/** Hardware mode's "Show a schedule for this": a shortest schedule to a trial's outcome, SC then TSO. */
export function outcomeScheduleInWorker(request: OutcomeScheduleRequest, handlers: SearchHandlers<OutcomeScheduleResult>): () => void {
  const worker = new Worker(new URL("../solver/outcome-schedule.worker.ts", import.meta.url), { type: "module" });
  return run<OutcomeScheduleResult>(worker, request, handlers);
}

/** Hardware mode's odds: every outcome's chance under a random scheduler, and what SC allows. */
export function oddsInWorker(request: OddsRequest, handlers: SearchHandlers<OddsResult>): () => void {
  const worker = new Worker(new URL("../solver/odds.worker.ts", import.meta.url), { type: "module" });
  return run<OddsResult>(worker, request, handlers);
}
