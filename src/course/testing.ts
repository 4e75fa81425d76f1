// Packs and records for the course's tests, built from campaign levels: a break-it level, a
// fix-it level and a prove-it level, so every kind of record entry has a level to answer.

import { readFileSync } from "node:fs";
import { buildPack } from "./pack";

export const LEVELS_DIR = new URL("../../levels/", import.meta.url);

/** A campaign level file's JSON value. */
export function campaignLevel(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${id}.json`, LEVELS_DIR), "utf8")) as Record<string, unknown>;
}

/** The text of a small built pack: lost-update (break), fix-lost-update (fix), peterson (prove). */
export async function samplePackText(edit: (levels: Record<string, unknown>[]) => void = () => {}): Promise<string> {
  const levels = ["lost-update", "fix-lost-update", "peterson"].map(campaignLevel);
  edit(levels);
  const pack = await buildPack({
    id: "os-week3", title: "OS week 3: locks", intro: "Races and locks.",
    chapters: [
      { title: "Races", intro: "Find the order that breaks it.", levels: ["lost-update", "fix-lost-update"] },
      { title: "Proofs", levels: ["peterson"] },
    ],
    levels,
  });
  return `${JSON.stringify(pack, null, 2)}\n`;
}
