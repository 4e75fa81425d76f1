// The game being played: the level, the current engine state, and the states before it (undo)
// and after it (redo). A thin shell: every rule is the engine's `step`; states are immutable
// values, so undo keeps earlier GameState objects and shares them freely. It also keeps whether
// the player closed the outcome dialog (the final state stays on the board) and the player's
// claim that the code cannot break. Which of them solve the level is the engine's rule (isSolved);
// a change of game or level ends the searches that were about the old one (search-slice.ts).

import type { StateCreator } from "zustand/vanilla";
import {
  formatMove, initialState, isSolved, levelKind, moveProblem, replay, step, stepStatement,
  type GameState, type Level, type Move, type MoveError, type OutcomeKind, type Result,
} from "../../engine/play";
import type { AppMutators, AppState } from "./store";
import { IDLE_SEARCH } from "./search-slice";
import type { PackRef } from "./pack-saves";

export interface LoadedLevel {
  id: string;
  /** The level file's text: the hint worker parses its own copy. */
  text: string;
  level: Level;
  /** Progress is recorded for campaign levels, and for a pack's levels in that pack's own
   *  progress; a link's level or the player's own may reuse any id. */
  source: "campaign" | "link" | "draft" | "pack";
  /** The pack a `source: "pack"` level belongs to. */
  pack?: PackRef;
  /** Set while the board plays the level's TSO twin (`level`: the same level under TSO), so that
   *  a schedule hardware mode found only under TSO replays, flushes and all: the level as written. */
  twinOf?: Level;
}

/** The solver's answer to "it cannot break": right (with the states it checked), or wrong, with
 *  a shortest schedule that breaks the code. */
export type ClaimVerdict = { right: true; states: number } | { right: false; outcome: OutcomeKind; schedule: Move[] };

export interface GameSlice {
  loaded: LoadedLevel | null;
  game: GameState | null;
  past: GameState[];
  future: GameState[];
  /** The ended game whose outcome dialog the player closed: it stays on the board, with a line
   *  saying how it ended, until a move, Undo or Reset changes the game. */
  closedOutcome: GameState | null;
  closeOutcome(): void;
  reopenOutcome(): void;
  /** The player has tried the level since opening it: in one game every thread has moved (or
   *  could not), or a game has ended. Only then may they claim that it cannot break. */
  tried: boolean;
  /** The answer to the player's claim that this level's code cannot break; null before one. */
  claim: ClaimVerdict | null;
  /** Records the solver's answer to the claim: a right one solves the level, a wrong one costs
   *  the win (breaking the code afterwards no longer counts). */
  settleClaim(verdict: ClaimVerdict): void;
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
  /** Back to the level's start with `moves` ahead on the redo stack, so Redo steps through them
   *  (hardware mode's schedule for an outcome). Nothing changes if a move is refused: its error.
   *  With `twin` (the level recompiled under TSO) the board plays that instead, until leaveTwin;
   *  without, the level as written. Changing the level played starts a fresh undo history. */
  loadSchedule(moves: readonly Move[], twin?: Level): MoveError | null;
  /** Back from the TSO twin to the level as written, at its start. */
  leaveTwin(): void;
}

export const samePack = (a: PackRef | undefined, b: PackRef | undefined) => a?.id === b?.id && a?.hash === b?.hash;

const NO_GAME: MoveError = { code: "game-over", message: "No level is open." };

/** Every thread has moved in this game, or cannot move now (blocked, finished), or it has ended. */
function hasTried(game: GameState): boolean {
  if (game.outcome) return true;
  const moved = new Set(game.schedule.map((m) => m.thread));
  return game.program.threads.every((_, t) => moved.has(t) || moveProblem(game, { kind: "step", thread: t }) !== null);
}

export const createGameSlice: StateCreator<AppState, AppMutators, [], GameSlice> = (set, get) => {
  /** The hint was for the state being left. */
  const noHint = () => ({ searches: { ...get().searches, hint: IDLE_SEARCH } });
  /** The hint and the proof were for the level being left. */
  const noLevelSearches = () => ({ searches: { ...get().searches, hint: IDLE_SEARCH, proof: IDLE_SEARCH } });
  /** Moves to `next` as a new move: the current state goes on the undo stack, redo is cleared. */
  const advance = (next: GameState) => {
    const { game, past, loaded, tried, claim } = get();
    set({ game: next, past: game ? [...past, game] : past, future: [], ...noHint(), tried: tried || hasTried(next) });
    // On a fix-it level, breaking the code is exploration; after a wrong claim, it no longer counts.
    // The TSO twin is not the level: a win there solves nothing.
    if (next.outcome?.win && loaded && !loaded.twinOf && isSolved(loaded.level.spec, { won: true, claim })) {
      get().recordWin(loaded, { schedule: next.schedule.map((m) => formatMove(next.program, m)) });
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
    closedOutcome: null,
    tried: false,
    claim: null,
    openLevel: (loaded) => {
      const open = get().loaded;
      if (open && open.id === loaded.id && open.text === loaded.text && open.source === loaded.source && samePack(open.pack, loaded.pack)) return;
      set({
        loaded, game: initialState(loaded.level.program), past: [], future: [], hintShown: false, ...noLevelSearches(),
        closedOutcome: null, tried: false, claim: null,
      });
    },
    closeOutcome: () => {
      const { game } = get();
      if (game?.outcome) set({ closedOutcome: game });
    },
    reopenOutcome: () => set({ closedOutcome: null }),
    settleClaim: (verdict) => {
      const { loaded, claim } = get();
      if (!loaded || levelKind(loaded.level.spec) === "fix" || claim) return;
      set({ claim: verdict });
      if (isSolved(loaded.level.spec, { claim: verdict })) get().recordWin(loaded, { proof: true });
    },
    closeLevel: () => set({ loaded: null, game: null, past: [], future: [], hintShown: false, ...noLevelSearches() }),
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
      set({ game: past[past.length - 1], past: past.slice(0, -1), future: [...future, game], ...noHint() });
      return true;
    },
    redo: () => {
      const { game, past, future } = get();
      if (!game || future.length === 0) return false;
      set({ game: future[future.length - 1], future: future.slice(0, -1), past: [...past, game], ...noHint() });
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
      set({ game: current, past, future, ...noHint() });
      return true;
    },
    loadSchedule: (moves, twin) => {
      const { game, loaded } = get();
      if (!game || !loaded) return NO_GAME;
      const written = loaded.twinOf ?? loaded.level;
      const level = twin ?? written;
      const states = [initialState(level.program)];
      for (const move of moves) {
        const next = step(states[states.length - 1], move);
        if (!next.ok) return next.error;
        states.push(next.value);
      }
      // Redo takes from the end of `future`: the first move's state goes last. Redo records no
      // win: the solver's schedule does not solve the level for the player.
      const future = states.slice(1).reverse();
      if (level === loaded.level) {
        set({ game: states[0], past: game.schedule.length > 0 ? [...get().past, game] : get().past, future, closedOutcome: null, ...noHint() });
      } else {
        // Another program: the old states cannot be undone into (the board shows one program).
        const { twinOf: _, ...asWritten } = loaded;
        set({ loaded: twin ? { ...asWritten, level: twin, twinOf: written } : { ...asWritten, level: written }, game: states[0], past: [], future, closedOutcome: null, ...noLevelSearches() });
      }
      return null;
    },
    leaveTwin: () => {
      const { loaded } = get();
      if (!loaded?.twinOf) return;
      const { twinOf, ...asWritten } = loaded;
      set({ loaded: { ...asWritten, level: twinOf }, game: initialState(twinOf.program), past: [], future: [], closedOutcome: null, ...noLevelSearches() });
    },
    reset: () => {
      const { game } = get();
      if (!game || game.schedule.length === 0) return false;
      advance(initialState(game.program));
      return true;
    },
  };
};
