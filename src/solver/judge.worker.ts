// The fix-it judge, off the main thread: judges the student's code and reports its progress now
// and then.

import type { FixCode } from "../engine/index";
import { judge, type Verdict } from "./judge";
import { serveLevelRequests, type ErrorReply, type ProgressReply } from "./worker-host";

export interface JudgeRequest {
  levelText: string;
  code: FixCode;
  maxStates: number;
  /** Partial-order reduction (REDUCTION.md) for the proof. */
  reduce?: boolean;
}

export type JudgeReply = ProgressReply | { type: "result"; verdict: Verdict } | ErrorReply;

serveLevelRequests<JudgeRequest, JudgeReply>(({ spec }, data, reply) => {
  if (!spec.fix) return reply({ type: "error", message: "this level is not a fix-it level" });
  const verdict = judge(spec, data.code, {
    maxStates: data.maxStates,
    reduce: data.reduce,
    onProgress: (states, depth) => reply({ type: "progress", states, depth }),
  });
  reply({ type: "result", verdict });
});
