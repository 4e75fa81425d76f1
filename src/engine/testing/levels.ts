// Test helpers: build small levels from code and play them. Levels are compiled straight from
// a LevelSpec (defaults filled in here), so engine tests do not depend on the JSON layer.

import { compileLevel } from "../compile";
import { initialState, step, parseMove, type GameState, type Move } from "../engine";
import type { LevelSpec } from "../level";
import type { Program } from "../program";

export interface Level {
  spec: LevelSpec;
  program: Program;
}

export interface MiniLevel {
  shared?: Record<string, unknown>;
  threads: (string | { name: string; code: string; count?: number })[];
  win?: string[];
  noops?: string[];
  options?: { spuriousWakeups?: boolean; memoryModel?: "sc" | "tso"; storeBufferSize?: number };
  breakable?: boolean;
}

/** Fills in what the level format's defaults would. */
function withDefaults(shared: Record<string, unknown>): LevelSpec["shared"] {
  const out: Record<string, unknown> = {};
  for (const [name, decl] of Object.entries(shared)) {
    if (decl && typeof decl === "object" && !Array.isArray(decl)) {
      const d = decl as Record<string, unknown>;
      if (d.type === "semaphore") out[name] = { value: 0, ...d };
      else if (d.type === "event") out[name] = { set: false, ...d };
      else if (d.type === "queue") out[name] = { items: [], capacity: 8, ...d };
      else out[name] = d;
    } else out[name] = decl;
  }
  return out as LevelSpec["shared"];
}

/** A level with threads named A, B, C... unless given names. Throws on errors (tests only). */
export function mini(def: MiniLevel): Level {
  const threads = def.threads.map((t, i) => (typeof t === "string" ? { name: String.fromCharCode(65 + i), code: t } : t));
  const spec = {
    format: 1, id: "test-level", title: "Test", summary: "A level built by a test.",
    shared: withDefaults(def.shared ?? {}), noops: def.noops ?? [], threads,
    win: def.win ?? ["mutual-exclusion", "assertion", "deadlock", "exception"],
    breakable: def.breakable ?? true,
    options: { spuriousWakeups: false, memoryModel: "sc", storeBufferSize: 4, ...def.options },
  } as LevelSpec;
  const compiled = compileLevel(spec);
  if (!compiled.ok) throw new Error(compiled.error.map((e) => `${e.path} ${e.line}:${e.column} ${e.message}`).join("\n"));
  return { spec, program: compiled.value };
}

/** Plays moves written as in `solution` ("A", "B:wake", "A:flush"); throws on an illegal move. */
export function play(level: Level, moves: string[], from?: GameState): GameState {
  let state = from ?? initialState(level.program);
  for (const text of moves) {
    const move = parseMove(level.program, text);
    if (!move) throw new Error(`no such move ${text}`);
    const next = step(state, move);
    if (!next.ok) throw new Error(`move ${text} refused: ${next.error.message}`);
    state = next.value;
  }
  return state;
}

export function tryMove(level: Level, state: GameState, text: string) {
  return step(state, parseMove(level.program, text) as Move);
}

/** Shared variable's value by name (element `i` for arrays). */
export function valueOf(state: GameState, name: string, i = 0): number {
  const d = state.program.descriptors.find((x) => x.name === name)!;
  return state.packed[d.base + i * d.size];
}
