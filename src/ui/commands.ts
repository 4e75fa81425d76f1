// Every UI command as a registered object { name, perform, keyTest, enabled }: a button, a
// keyboard shortcut and a test all drive the same code. Whether a move is possible, and why not,
// is the engine's answer (moveProblem); nothing here knows a rule of the game.

import { levelKind, moveProblem, type Move, type Program } from "../engine/play";
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

type CommandSpec = Omit<Command, "enabled" | "perform"> & { run(ctx: CommandContext): void };

/** Runs only when enabled, so a stale button or a repeated key cannot sneak past the check. */
function command(spec: CommandSpec): Command {
  const { run, ...rest } = spec;
  return {
    ...rest,
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
  return s.game ? null : "No level is open.";
}

function moveCommand(name: string, label: string, move: Move): CommandSpec {
  return {
    name,
    label,
    problem: (s) => {
      const problem = gameProblem(s) ?? moveProblem(s.game!, move)?.message ?? null;
      return problem && shown(problem);
    },
    run: ({ store }) => void store.getState().play(move),
  };
}

/** Step, Step statement, Wake (spurious wakeups only) and Flush (TSO only) for each thread. */
export function threadCommands(program: Program): Command[] {
  return program.threads.flatMap((th, t) => {
    const thread = { name: shown(th.name) };
    const n = t + 1;
    const key = n <= 9 ? String(n) : undefined;
    const list: Command[] = [
      command({
        ...moveCommand(`step:${t}`, `Step ${thread.name}`, { kind: "step", thread: t }),
        keys: key,
        keyTest: key ? (k) => plain(k) && !k.shiftKey && digit(k) === key : undefined,
      }),
      command({
        ...moveCommand(`step-statement:${t}`, `Step statement ${thread.name}`, { kind: "step", thread: t }),
        keys: key && `Shift+${key}`,
        keyTest: key ? (k) => plain(k) && k.shiftKey && digit(k) === key : undefined,
        run: ({ store }) => void store.getState().playStatement(t),
      }),
    ];
    if (program.spuriousWakeups) list.push(command(moveCommand(`wake:${t}`, `Wake ${thread.name}`, { kind: "wake", thread: t })));
    if (program.tso) list.push(command(moveCommand(`flush:${t}`, `Flush ${thread.name}`, { kind: "flush", thread: t })));
    return list;
  });
}

export const gameCommands: Command[] = [
  command({
    name: "undo",
    label: "Undo",
    keys: "U or Ctrl+Z",
    keyTest: (k) => (plain(k) && !k.shiftKey && k.key.toLowerCase() === "u") || (ctrl(k) && !k.shiftKey && k.key.toLowerCase() === "z"),
    problem: (s) => gameProblem(s) ?? (s.past.length === 0 ? "Nothing to undo yet." : null),
    run: ({ store }) => void store.getState().undo(),
  }),
  command({
    name: "redo",
    label: "Redo",
    keys: "Shift+U or Ctrl+Y",
    keyTest: (k) =>
      (plain(k) && k.shiftKey && k.key.toLowerCase() === "u") ||
      (ctrl(k) && k.key.toLowerCase() === "y") ||
      (ctrl(k) && k.shiftKey && k.key.toLowerCase() === "z"),
    problem: (s) => gameProblem(s) ?? (s.future.length === 0 ? "Nothing to redo." : null),
    run: ({ store }) => void store.getState().redo(),
  }),
  command({
    name: "reset",
    label: "Reset",
    keys: "R",
    keyTest: (k) => plain(k) && !k.shiftKey && k.key.toLowerCase() === "r",
    problem: (s) => gameProblem(s) ?? (s.game!.schedule.length === 0 ? "Already at the start." : null),
    run: ({ store }) => void store.getState().reset(),
  }),
  command({
    name: "hint",
    label: "Hint",
    keys: "H",
    keyTest: (k) => plain(k) && !k.shiftKey && k.key.toLowerCase() === "h",
    problem: (s) => {
      const p = gameProblem(s);
      if (p) return p;
      if (!s.hintShown && s.loaded?.level.spec.hint) return null;
      if (s.game!.outcome) return "The game is over: undo or reset to ask for the next move.";
      const search = s.searches.hint;
      if (search.status !== "idle" && search.status !== "failed" && search.for === s.game) return "The hint for this position is shown.";
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
    label: "Next level",
    keys: "Enter (after a win)",
    keyTest: (k) => plain(k) && !k.shiftKey && k.key === "Enter",
    // A fix-it level is won by its fix, not by breaking its code.
    problem: (s) => (s.game?.outcome?.win && s.loaded && levelKind(s.loaded.level.spec) !== "fix" ? null : "Win the level first."),
    run: ({ navigate, nextHref, onNext }) => (onNext ? onNext() : navigate(nextHref)),
  }),
  command({
    name: "shortcuts",
    label: "Keyboard shortcuts",
    keys: "?",
    keyTest: (k) => !k.ctrlKey && !k.metaKey && k.key === "?",
    problem: () => null,
    run: ({ store }) => store.getState().openDialog("shortcuts"),
  }),
];

/** The command a key press triggers, if any: the first whose keyTest matches. */
export function commandForKey(commands: readonly Command[], key: KeyPress): Command | undefined {
  return commands.find((c) => c.keyTest?.(key));
}
