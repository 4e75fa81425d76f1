// Hardware mode's "Show a schedule for this", off the main thread: outcome-schedule.ts on the
// level's text, with progress now and then.

import type { MemoryModel, OutcomeScheduleAnswer, OutcomeTarget } from "./outcome-schedule";
import { outcomeSchedule } from "./outcome-schedule";
import { serveLevelRequests, type ErrorReply, type ProgressReply } from "./worker-host";

export interface OutcomeScheduleRequest {
  levelText: string;
  target: OutcomeTarget;
  maxStates: number;
}

export type OutcomeScheduleReply = ProgressReply | ({ type: "result" } & OutcomeScheduleAnswer) | ErrorReply;
export type { MemoryModel };

serveLevelRequests<OutcomeScheduleRequest, OutcomeScheduleReply>((level, data, reply) => {
  const answer = outcomeSchedule(level, data.target, {
    maxStates: data.maxStates,
    onProgress: (states, depth) => reply({ type: "progress", states, depth }),
  });
  reply({ type: "result", ...answer });
});
