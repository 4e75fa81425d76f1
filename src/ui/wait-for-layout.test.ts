// Where the wait-for graph's nodes go round the ring: the cycle together, chains of waits along
// the ring (so their arrows do not cross the middle).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel, parseMove, replay, waitForGraph, type Move } from "../engine/index";
import { layoutGraph, ringOrder } from "./components/WaitForGraph";

function graphOf(id: string) {
  const parsed = parseLevel(readFileSync(new URL(`../../levels/${id}.json`, import.meta.url), "utf8"));
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  const p = parsed.value.program;
  return waitForGraph(replay(p, parsed.value.spec.solution!.map((m) => parseMove(p, m) as Move)).state);
}

const DEADLOCKS = ["after-you", "card-declined", "crossed-transfers", "five-philosophers", "level-crossing", "locked-out", "lost-wakeup", "once-round-the-hotel", "one-bell", "payday", "richest-first", "short-pulse", "table-lock"];

describe("layoutGraph", () => {
  it.each(DEADLOCKS)("%s: no two nodes overlap, and the picture holds them all", (id) => {
    const { placed, width, height } = layoutGraph(graphOf(id));
    for (const p of placed) {
      expect(p.x - p.w / 2).toBeGreaterThanOrEqual(0);
      expect(p.x + p.w / 2).toBeLessThanOrEqual(width);
      expect(p.y - 20).toBeGreaterThanOrEqual(0);
      expect(p.y + 20).toBeLessThanOrEqual(height);
    }
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const [a, b] = [placed[i], placed[j]];
        const apart = Math.abs(a.x - b.x) >= (a.w + b.w) / 2 + 8 || Math.abs(a.y - b.y) >= 40 + 8;
        expect(apart, `${a.node.id} and ${b.node.id}`).toBe(true);
      }
    }
  });

  it("gives table-lock's cycle the inner ring and puts the others outside it", () => {
    const { placed } = layoutGraph(graphOf("table-lock"));
    const at = (id: string) => placed.find((q) => q.node.id === id)!;
    const cycle = ["t0", "o:table", "t1", "o:forks[1]"].map(at);
    // The cycle's nodes are evenly spaced on their ring: its centre is their mean.
    const cx = cycle.reduce((n, p) => n + p.x, 0) / 4;
    const cy = cycle.reduce((n, p) => n + p.y, 0) / 4;
    const distance = (id: string) => Math.hypot(at(id).x - cx, at(id).y - cy);
    const inner = ["t0", "o:table", "t1", "o:forks[1]"].map(distance);
    const outer = ["t2", "t3", "t4", "o:forks[0]"].map(distance);
    expect(Math.max(...inner)).toBeLessThan(Math.min(...outer));
  });
});

describe("ringOrder", () => {
  it("puts a chain of waits in a row: payday's treasurer, company lock, auditor, staff lock, paymaster, funds", () => {
    expect(ringOrder(graphOf("payday")).map((n) => n.label)).toEqual(["Treasurer", "companyLock", "Auditor", "staffLock", "Paymaster", "funds"]);
  });

  it("keeps the cycle together and in order, the others after it", () => {
    expect(ringOrder(graphOf("table-lock")).map((n) => n.id)).toEqual(["t0", "o:table", "t1", "o:forks[1]", "t2", "t3", "t4", "o:forks[0]"]);
  });
});
