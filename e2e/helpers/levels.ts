// The campaign as the specs see it: read from levels/ with fs, parsed and replayed by the engine
// in Node, so a spec knows what the UI should show without asking the UI.

import { readFileSync } from "node:fs";
import { parseLevel, parseMove, replay, type Level, type Move, type Outcome } from "../../src/engine/index";

const LEVELS = new URL("../../levels/", import.meta.url);

export interface CampaignLevel {
  id: string;
  text: string;
  level: Level;
  solution: (string | number)[];
}

/** The campaign's chapters, each a title and its levels' ids, in campaign order. */
export function campaignChapters(): { title: string; levels: string[] }[] {
  return (JSON.parse(readFileSync(new URL("campaign.json", LEVELS), "utf8")) as { chapters: { title: string; levels: string[] }[] }).chapters;
}

export function campaignIds(): string[] {
  return campaignChapters().flatMap((c) => c.levels);
}

export function campaignLevel(id: string): CampaignLevel {
  const text = readFileSync(new URL(`${id}.json`, LEVELS), "utf8");
  const parsed = parseLevel(text);
  if (!parsed.ok) throw new Error(`levels/${id}.json: ${parsed.error.map((e) => e.message).join("; ")}`);
  return { id, text, level: parsed.value, solution: parsed.value.spec.solution ?? [] };
}

/** A `solution` move as the UI's button names it: "Step NAME", "Wake NAME", "Flush NAME". */
export function moveButton(level: Level, move: string | number): string {
  const m = parseMove(level.program, move);
  if (!m) throw new Error(`not a move of ${level.spec.id}: ${JSON.stringify(move)}`);
  return buttonFor(level, m);
}

export function buttonFor(level: Level, m: Move): string {
  const name = level.program.threads[m.thread].name;
  return `${m.kind === "step" ? "Step" : m.kind === "wake" ? "Wake" : "Flush"} ${name}`;
}

/** Where the moves lead, by the engine's own rules. */
export function outcomeOf(level: Level, moves: (string | number)[]): Outcome | null {
  const { state, failedAt } = replay(level.program, moves.map((m) => parseMove(level.program, m)!));
  if (failedAt !== undefined) throw new Error(`move ${failedAt} of ${level.spec.id} is illegal`);
  return state.outcome;
}
