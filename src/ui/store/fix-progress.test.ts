// On a fix-it level, breaking the broken code is exploration: it reaches the outcome, but the
// level is not recorded as solved (it is won by a fix that holds), and "Next level" stays shut.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel, parseMove, type Move } from "../../engine/index";
import { gameCommands } from "../commands";
import { memoryStorage } from "./progress";
import { createAppStore } from "./store";
import type { LoadedLevel } from "./game-slice";

function load(id: string): LoadedLevel {
  const text = readFileSync(new URL(`../../../levels/${id}.json`, import.meta.url), "utf8");
  const parsed = parseLevel(text);
  if (!parsed.ok) throw new Error(`${id}.json does not parse`);
  return { id, text, level: parsed.value, source: "campaign" };
}

function playSolution(loaded: LoadedLevel) {
  const store = createAppStore({ storage: memoryStorage({}) });
  store.getState().openLevel(loaded);
  for (const m of loaded.level.spec.solution!) store.getState().play(parseMove(loaded.level.program, m) as Move);
  return store;
}

const nextLevel = gameCommands.find((c) => c.name === "next-level")!;

describe("a fix-it level's broken code", () => {
  it("reaches its outcome without solving the level, while the same schedule solves the break-it level", () => {
    const fixIt = playSolution(load("fix-lost-update"));
    expect(fixIt.getState().game!.outcome).toMatchObject({ kind: "assertion" });
    expect(fixIt.getState().solved).toEqual({});
    expect(nextLevel.enabled(fixIt.getState())).toBe(false);

    const breakIt = playSolution(load("lost-update"));
    expect(Object.keys(breakIt.getState().solved)).toEqual(["lost-update"]);
    expect(nextLevel.enabled(breakIt.getState())).toBe(true);
  });
});
