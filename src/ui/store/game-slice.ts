// The game being played: the level, the current engine state, and the states before it (undo)
// and after it (redo). A thin shell: every rule is the engine's `step`; states are immutable
// values, so undo keeps earlier GameState objects and shares them freely.

import type { StateCreator } from "zustand/vanilla";
import { formatMove, initialState, replay, step, stepStatement, type GameState, type Level, type Move, type MoveError, type Result } from "../../engine/index";
import type { AppMutators, AppState } from "./store";
import { IDLE_SEARCH } from "./hint-slice";

export interface LoadedLevel {
  id: string;
  /** The level file's text: the hint worker parses its own copy. */
  text: string;
  level: Level;
  /** Progress is recorded for campaign levels only; a link's level or the player's own may reuse any id. */
  source: "campaign" | "link" | "draft";
}

export interface GameSlice {
  loaded: LoadedLevel | null;
  game: GameState | null;
  past: GameState[];
  future: GameState[];
  /** Opens a level; opening the one already open keeps its game. */
  openLevel(loaded: LoadedLevel): void;
  /** Forgets the open level and its game: after a screen failed, opening it again starts afresh. */
  closeLevel(): void;
  /** One move; returns why it was refused, or null. */
  play(move: Move): MoveError | null;
  playStatement(thread: number): MoveError | null;
  undo(): boolean;
  redo(): boolean;
  /** Back to the level's start; undoable. */
  reset(): boolean;
  /** Back to just after move `moves` of the current schedule, like pressing Undo until there:
   *  the later states go on the redo stack. */
  rewindTo(moves: number): boolean;
}

const NO_GAME: MoveError = { code: "game-over", message: "No level is open." };

export const createGameSlice: StateCreator<AppState, AppMutators, [], GameSlice> = (set, get) => {
  /** Moves to `next` as a new move: the current state goes on the undo stack, redo is cleared. */
  const advance = (next: GameState) => {
    const { game, past, loaded } = get();
    set({ game: next, past: game ? [...past, game] : past, future: [], hintSearch: IDLE_SEARCH });
    // On a fix-it level, breaking the code is exploration: the level is won by fixing it.
    if (next.outcome?.win && loaded?.source === "campaign" && !loaded.level.spec.fix) {
      get().recordSolved(loaded.id, next.schedule.map((m) => formatMove(next.program, m)));
    }
  };
  const apply = (result: Result<GameState, MoveError>): MoveError | null => {
    if (!result.ok) return result.error;
    advance(result.value);
    return null;
  };
  return {
    loaded: null,
    game: null,
    past: [],
    future: [],
    openLevel: (loaded) => {
      const open = get().loaded;
      if (open && open.id === loaded.id && open.text === loaded.text && open.source === loaded.source) return;
      set({ loaded, game: initialState(loaded.level.program), past: [], future: [], hintShown: false, hintSearch: IDLE_SEARCH });
    },
    closeLevel: () => set({ loaded: null, game: null, past: [], future: [], hintShown: false, hintSearch: IDLE_SEARCH }),
    play: (move) => {
      const { game } = get();
      return game ? apply(step(game, move)) : NO_GAME;
    },
    playStatement: (thread) => {
      const { game } = get();
      return game ? apply(stepStatement(game, thread)) : NO_GAME;
    },
    undo: () => {
      const { game, past, future } = get();
      if (!game || past.length === 0) return false;
      set({ game: past[past.length - 1], past: past.slice(0, -1), future: [...future, game], hintSearch: IDLE_SEARCH });
      return true;
    },
    redo: () => {
      const { game, past, future } = get();
      if (!game || future.length === 0) return false;
      set({ game: future[future.length - 1], future: future.slice(0, -1), past: [...past, game], hintSearch: IDLE_SEARCH });
      return true;
    },
    rewindTo: (moves) => {
      const { game } = get();
      if (!game || !Number.isInteger(moves) || moves < 0 || moves >= game.schedule.length) return false;
      let { past, future } = get();
      let current = game;
      // The states since the last reset are prefixes of the current schedule, shortest first.
      while (past.length > 0 && past[past.length - 1].schedule.length >= moves && current.schedule.length > moves) {
        future = [...future, current];
        current = past[past.length - 1];
        past = past.slice(0, -1);
      }
      if (current.schedule.length !== moves) {
        // A "step statement" made several moves at once: the state in between was never on the stack.
        future = [...future, current];
        current = replay(game.program, game.schedule.slice(0, moves)).state;
      }
      set({ game: current, past, future, hintSearch: IDLE_SEARCH });
      return true;
    },
    reset: () => {
      const { game } = get();
      if (!game || game.schedule.length === 0) return false;
      advance(initialState(game.program));
      return true;
    },
  };
};
