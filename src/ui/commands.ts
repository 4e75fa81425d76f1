// Every UI command as a registered object { name, perform, keyTest, enabled }: a button, a
// keyboard shortcut and a test all drive the same code. Whether a move is possible, and why not,
// is the engine's answer (moveProblem); nothing here knows a rule of the game.

import { describeBlock, levelKind, moveProblem, type GameState, type Move, type Program } from "../engine/play";
import { t } from "../i18n/index";
import type { AppState, AppStore } from "./store/store";
import { shown } from "./words";

/** The parts of a KeyboardEvent a shortcut looks at. */
export type KeyPress = Pick<KeyboardEvent, "key" | "code" | "shiftKey" | "ctrlKey" | "metaKey" | "altKey">;

export interface CommandContext {
  store: AppStore;
  navigate(href: string): void;
  requestHint(): void;
  /** Where "Next level" goes: the next campaign level, or the campaign. */
  nextHref: string;
  /** What "Next level" does instead of going to nextHref (the editor's preview plays again). */
  onNext?(): void;
}

export interface Command {
  name: string;
  /** The button's accessible name: "Step Clerk Ada", "Undo". */
  label: string;
  /** The shortcut as the shortcuts dialog shows it. */
  keys?: string;
  keyTest?(key: KeyPress): boolean;
  /** Why the command cannot run now, or null when it can. */
  problem(state: AppState): string | null;
  enabled(state: AppState): boolean;
  perform(ctx: CommandContext): void;
}

/** A command's words are asked for when shown, in the language of the moment. */
type CommandSpec = Omit<Command, "enabled" | "perform" | "label" | "keys"> & { label(): string; keys?(): string; run(ctx: CommandContext): void };

/** Runs only when enabled, so a stale button or a repeated key cannot sneak past the check. */
function command(spec: CommandSpec): Command {
  const { run, label, keys, ...rest } = spec;
  return {
    ...rest,
    get label() {
      return label();
    },
    get keys() {
      return keys?.();
    },
    enabled: (s) => spec.problem(s) === null,
    perform: (ctx) => {
      if (spec.problem(ctx.store.getState()) === null) run(ctx);
    },
  };
}

const plain = (k: KeyPress) => !k.ctrlKey && !k.metaKey && !k.altKey;
const ctrl = (k: KeyPress) => (k.ctrlKey || k.metaKey) && !k.altKey;
const digit = (k: KeyPress) => /^(Digit|Numpad)([1-9])$/.exec(k.code)?.[2] ?? (/^[1-9]$/.test(k.key) ? k.key : null);

function gameProblem(s: AppState): string | null {
  return s.game ? null : t("play.cmd.noLevel");
}

/** Why `move` cannot be made, in the player's language: the engine's answer (moveProblem),
 *  worded here from its code; why a thread is blocked stays the engine's English. */
export function moveProblemText(game: GameState, move: Move): string | null {
  const problem = moveProblem(game, move);
  if (!problem) return null;
  const p = game.program;
  const thread = p.threads[move.thread]?.name ?? "";
  switch (problem.code) {
    case "game-over":
      return t("play.move.gameOver");
    case "unknown-move":
      return t("play.move.unknown");
    case "not-waiting":
      return p.spuriousWakeups ? shown(t("play.move.notWaiting", { thread })) : t("play.move.noSpuriousWakeups");
    case "empty-buffer":
      return p.tso ? shown(t("play.move.emptyBuffer", { thread })) : t("play.move.noBuffers");
    case "finished":
      return shown(t("play.move.finished", { thread }));
    case "blocked": {
      const reason = describeBlock(p, game.packed, move.thread);
      return reason === null ? shown(problem.message) : shown(t("play.move.blocked", { thread, reason }));
    }
  }
}

function moveCommand(name: string, label: () => string, move: Move): CommandSpec {
  return {
    name,
    label,
    problem: (s) => gameProblem(s) ?? moveProblemText(s.game!, move),
    run: ({ store }) => void store.getState().play(move),
  };
}

/** Step, Step statement, Wake (spurious wakeups only) and Flush (TSO only) for each thread. */
export function threadCommands(program: Program): Command[] {
  return program.threads.flatMap((th, k) => {
    const thread = shown(th.name);
    const n = k + 1;
    const key = n <= 9 ? String(n) : undefined;
    const list: Command[] = [
      command({
        ...moveCommand(`step:${k}`, () => t("play.cmd.step", { thread }), { kind: "step", thread: k }),
        keys: key ? () => key : undefined,
        keyTest: key ? (press) => plain(press) && !press.shiftKey && digit(press) === key : undefined,
      }),
      command({
        ...moveCommand(`step-statement:${k}`, () => t("play.cmd.stepStatement", { thread }), { kind: "step", thread: k }),
        keys: key ? () => `Shift+${key}` : undefined,
        keyTest: key ? (press) => plain(press) && press.shiftKey && digit(press) === key : undefined,
        run: ({ store }) => void store.getState().playStatement(k),
      }),
    ];
    if (program.spuriousWakeups) list.push(command(moveCommand(`wake:${k}`, () => t("play.cmd.wake", { thread }), { kind: "wake", thread: k })));
    if (program.tso) list.push(command(moveCommand(`flush:${k}`, () => t("play.cmd.flush", { thread }), { kind: "flush", thread: k })));
    return list;
  });
}

export const gameCommands: Command[] = [
  command({
    name: "undo",
    label: () => t("play.cmd.undo"),
    keys: () => t("play.cmd.undo.keys"),
    keyTest: (k) => (plain(k) && !k.shiftKey && k.key.toLowerCase() === "u") || (ctrl(k) && !k.shiftKey && k.key.toLowerCase() === "z"),
    problem: (s) => gameProblem(s) ?? (s.past.length === 0 ? t("play.cmd.undo.nothing") : null),
    run: ({ store }) => void store.getState().undo(),
  }),
  command({
    name: "redo",
    label: () => t("play.cmd.redo"),
    keys: () => t("play.cmd.redo.keys"),
    keyTest: (k) =>
      (plain(k) && k.shiftKey && k.key.toLowerCase() === "u") ||
      (ctrl(k) && k.key.toLowerCase() === "y") ||
      (ctrl(k) && k.shiftKey && k.key.toLowerCase() === "z"),
    problem: (s) => gameProblem(s) ?? (s.future.length === 0 ? t("play.cmd.redo.nothing") : null),
    run: ({ store }) => void store.getState().redo(),
  }),
  command({
    name: "reset",
    label: () => t("play.cmd.reset"),
    keys: () => "R",
    keyTest: (k) => plain(k) && !k.shiftKey && k.key.toLowerCase() === "r",
    problem: (s) => gameProblem(s) ?? (s.game!.schedule.length === 0 ? t("play.cmd.reset.atStart") : null),
    run: ({ store }) => void store.getState().reset(),
  }),
  command({
    name: "hint",
    label: () => t("play.cmd.hint"),
    keys: () => "H",
    keyTest: (k) => plain(k) && !k.shiftKey && k.key.toLowerCase() === "h",
    problem: (s) => {
      const p = gameProblem(s);
      if (p) return p;
      if (!s.hintShown && s.loaded?.level.spec.hint) return null;
      if (s.game!.outcome) return t("play.cmd.hint.over");
      const search = s.searches.hint;
      if (search.status !== "idle" && search.status !== "failed" && search.for === s.game) return t("play.cmd.hint.shown");
      return null;
    },
    run: ({ store, requestHint }) => {
      const s = store.getState();
      if (!s.hintShown && s.loaded?.level.spec.hint) s.showWrittenHint();
      else requestHint();
    },
  }),
  command({
    name: "next-level",
    label: () => t("play.cmd.next"),
    keys: () => t("play.cmd.next.keys"),
    keyTest: (k) => plain(k) && !k.shiftKey && k.key === "Enter",
    // A fix-it level is won by its fix, not by breaking its code.
    problem: (s) => (s.game?.outcome?.win && s.loaded && levelKind(s.loaded.level.spec) !== "fix" ? null : t("play.cmd.next.notWon")),
    run: ({ navigate, nextHref, onNext }) => (onNext ? onNext() : navigate(nextHref)),
  }),
  command({
    name: "shortcuts",
    label: () => t("play.cmd.shortcuts"),
    keys: () => "?",
    keyTest: (k) => !k.ctrlKey && !k.metaKey && k.key === "?",
    problem: () => null,
    run: ({ store }) => store.getState().openDialog("shortcuts"),
  }),
];

/** The command a key press triggers, if any: the first whose keyTest matches. */
export function commandForKey(commands: readonly Command[], key: KeyPress): Command | undefined {
  return commands.find((c) => c.keyTest?.(key));
}
