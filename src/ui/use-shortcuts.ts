// Keyboard shortcuts: a key press runs the first registered command whose keyTest matches. Keys
// typed into a field (or into an element marked data-shortcuts="off", such as the level editor,
// whose text input is neither a textarea nor contenteditable), and keys while one of our own
// dialogs is open, are left alone; so is Enter or Space on a button or link, which activates that
// control as usual.

import { useLayoutEffect } from "react";
import { commandForKey, type Command, type CommandContext } from "./commands";

export function useShortcuts(commands: readonly Command[], ctx: CommandContext): void {
  // A layout effect: the keys work from the moment the controls can be seen.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('input, textarea, select, [contenteditable], [data-shortcuts="off"]')) return;
      if (ctx.store.getState().dialog) return;
      if ((e.key === "Enter" || e.key === " ") && target?.closest("button, a, summary")) return;
      const command = commandForKey(commands, e);
      if (!command) return;
      e.preventDefault();
      command.perform(ctx);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [commands, ctx]);
}
