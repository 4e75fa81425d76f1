// Where the wait-for graph's nodes go round the ring: the cycle together, chains of waits along
// the ring (so their arrows do not cross the middle).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel, parseMove, replay, type Move } from "../engine/index";
import { waitForGraph } from "../engine/wait-for";
import { ringOrder } from "./components/WaitForGraph";

function graphOf(id: string) {
  const parsed = parseLevel(readFileSync(new URL(`../../levels/${id}.json`, import.meta.url), "utf8"));
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  const p = parsed.value.program;
  return waitForGraph(replay(p, parsed.value.spec.solution!.map((m) => parseMove(p, m) as Move)).state);
}

describe("ringOrder", () => {
  it("puts a chain of waits in a row: payday's treasurer, company lock, auditor, staff lock, paymaster, funds", () => {
    expect(ringOrder(graphOf("payday")).map((n) => n.label)).toEqual(["Treasurer", "companyLock", "Auditor", "staffLock", "Paymaster", "funds"]);
  });

  it("keeps the cycle together and in order, the others after it", () => {
    expect(ringOrder(graphOf("table-lock")).map((n) => n.id)).toEqual(["t0", "o:table", "t1", "o:forks[1]", "t2", "t3", "t4", "o:forks[0]"]);
  });
});
