// Every campaign level, played at random: the timeline has one entry per move, in the mover's
// lane, with arrows only between moves that exist (never back in time), and the wait-for graph
// gives every stuck thread of a deadlock a sentence saying what it waits for.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { initialState, legalMoves, parseLevel, step, type GameState, type Level } from "./index";
import { buildTimeline } from "./timeline";
import { waitForGraph } from "./wait-for";

const dir = new URL("../../levels/", import.meta.url);
const levels: [string, Level][] = readdirSync(dir)
  .filter((f) => f.endsWith(".json") && f !== "campaign.json" && !f.endsWith(".schema.json"))
  .map((f) => {
    const parsed = parseLevel(readFileSync(new URL(f, dir), "utf8"));
    if (!parsed.ok) throw new Error(`${f} does not parse`);
    return [f.replace(/\.json$/, ""), parsed.value];
  });

/** A small deterministic generator, so a failure replays the same way. */
function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

function randomGame(level: Level, seed: number, length: number): GameState {
  const pick = random(seed);
  let state = initialState(level.program);
  for (let k = 0; k < length; k++) {
    const moves = legalMoves(state);
    if (moves.length === 0) break;
    const next = step(state, moves[pick(moves.length)]);
    if (!next.ok) throw new Error(next.error.message);
    state = next.value;
  }
  return state;
}

describe.each(levels)("%s, played at random", (_id, level) => {
  it("draws one timeline entry per move and a wait-for graph that holds together", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const game = randomGame(level, seed, 80);
      const t = buildTimeline(initialState(level.program), game.schedule);
      expect(t.steps.map((s) => [s.move, s.thread, s.kind])).toEqual(game.schedule.map((m, k) => [k + 1, m.thread, m.kind]));
      for (const s of t.steps) expect(s.did).toMatch(/^[a-z]/);
      for (const a of t.arrows) {
        expect(a.from.move).toBeLessThanOrEqual(a.to.move);
        expect(a.to.move).toBeLessThanOrEqual(t.steps.length);
        expect(a.from.thread).not.toBe(a.to.thread);
      }

      const g = waitForGraph(game);
      const ids = new Set(g.nodes.map((n) => n.id));
      for (const e of g.edges) expect([ids.has(e.from), ids.has(e.to)]).toEqual([true, true]);
      if (game.outcome?.kind === "deadlock") {
        const explained = new Set(g.waits.map((w) => w.thread));
        for (const t of game.outcome.threads) expect(explained.has(t)).toBe(true);
        // Every deadlock gets a kind with a name, and the words start with it (or the cycle).
        expect(g.deadlock).not.toBeNull();
        expect(g.deadlock!.kind).not.toBe("stuck");
        const name = g.deadlock!.name.charAt(0).toUpperCase() + g.deadlock!.name.slice(1);
        expect(g.summary.startsWith(g.cycle ? "Cycle: " : `${name}. `)).toBe(true);
      }
    }
  });
});
