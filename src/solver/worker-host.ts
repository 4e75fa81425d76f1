// What the solver's workers share: answering messages in the worker scope (the solver compiles
// without the DOM library, so the scope is described here) and the level parsed from the
// request's text, kept while the text stays the same. Cancelling is ending the worker.

import { parseLevel, type Level } from "../engine/index";

export type ProgressReply = { type: "progress"; states: number; depth: number };
export type ErrorReply = { type: "error"; message: string };

interface WorkerScope<Request, Reply> {
  addEventListener(type: "message", listener: (event: { data: Request }) => void): void;
  postMessage(reply: Reply | ErrorReply): void;
}

/** Calls `handle` with the level of each request (a level that does not parse is an error reply). */
export function serveLevelRequests<Request extends { levelText: string }, Reply>(
  handle: (level: Level, request: Request, reply: (reply: Reply | ErrorReply) => void) => void,
): void {
  const scope = globalThis as unknown as WorkerScope<Request, Reply>;
  let cached: { text: string; level: Level } | null = null;
  scope.addEventListener("message", ({ data }) => {
    // The level text may come from a stranger: whatever goes wrong, the page gets a reply
    // instead of a worker that died without one.
    try {
      if (cached?.text !== data.levelText) {
        const parsed = parseLevel(data.levelText);
        if (!parsed.ok) return scope.postMessage({ type: "error", message: parsed.error.map((e) => e.message).join("; ") });
        cached = { text: data.levelText, level: parsed.value };
      }
      handle(cached.level, data, (reply) => scope.postMessage(reply));
    } catch (e) {
      scope.postMessage({ type: "error", message: `the search failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
}
