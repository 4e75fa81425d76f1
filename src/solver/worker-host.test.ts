// The solver workers' message loop, in a stand-in worker scope: a hostile level text, or a search
// that fails, gets an error reply, and the worker goes on answering the requests after it.

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Level } from "../engine/index";
import { serveLevelRequests } from "./worker-host";

type Request = { levelText: string };
type Reply = { type: string; message?: string; threads?: string[] };

/** The file from issue 11: the checker threw on toString(), and the worker died without a reply. */
const HOSTILE = `{"format":1,"id":"c","title":"T","summary":"S","win":["assertion"],"threads":[{"name":"A","code":"toString();"}]}`;
const GOOD = JSON.stringify({ format: 1, id: "good", title: "Good", summary: "S", threads: [{ name: "Ann", code: "" }, { name: "Bo", code: "" }] });

let listener: ((event: { data: Request }) => void) | null = null;
let replies: Reply[] = [];

beforeEach(() => {
  listener = null;
  replies = [];
  vi.stubGlobal("addEventListener", (_type: string, l: typeof listener) => (listener = l));
  vi.stubGlobal("postMessage", (reply: Reply) => replies.push(reply));
});
afterEach(() => vi.unstubAllGlobals());

const send = (levelText: string) => listener!({ data: { levelText } });

describe("serveLevelRequests", () => {
  it("answers a hostile level with its errors, then serves the next request", () => {
    serveLevelRequests<Request, Reply>((level: Level, _request, reply) => reply({ type: "result", threads: level.program.threads.map((t) => t.name) }));
    send(HOSTILE);
    send(`{"format":1,"id":"c","title":"T","summary":"S","threads":[{"name":"A","code":"bool b = ${"(".repeat(2000)}true${")".repeat(2000)};"}]}`);
    send(GOOD);
    expect(replies).toEqual([
      { type: "error", message: 'unknown function "toString"; declare it in "noops" if it is a call that does nothing' },
      { type: "error", message: 'the code nests more than 64 levels deep here (each block, parenthesis, bracket, "!", "-", "else if" and operator adds a level)' },
      { type: "result", threads: ["Ann", "Bo"] },
    ]);
  });

  it("answers a search that throws with an error reply, not silence", () => {
    let calls = 0;
    serveLevelRequests<Request, Reply>((_level, _request, reply) => {
      if (calls++ === 0) throw new RangeError("Maximum call stack size exceeded");
      reply({ type: "result" });
    });
    send(GOOD);
    send(GOOD);
    expect(replies).toEqual([{ type: "error", message: "the search failed: Maximum call stack size exceeded" }, { type: "result" }]);
  });
});
