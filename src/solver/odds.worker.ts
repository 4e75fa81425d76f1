// Hardware mode's random-scheduler odds, off the main thread: odds.ts on the level's text, with
// progress now and then (a big level's graph takes seconds; the page must not wait on it).

import { levelOdds, type LevelOdds } from "./odds";
import { serveLevelRequests, type ErrorReply, type ProgressReply } from "./worker-host";

export interface OddsRequest {
  levelText: string;
  maxStates: number;
}

export type OddsReply = ProgressReply | ({ type: "result" } & LevelOdds) | ErrorReply;

serveLevelRequests<OddsRequest, OddsReply>((level, data, reply) => {
  const answer = levelOdds(level, {
    maxStates: data.maxStates,
    onProgress: (states, depth) => reply({ type: "progress", states, depth }),
  });
  reply({ type: "result", ...answer });
});
