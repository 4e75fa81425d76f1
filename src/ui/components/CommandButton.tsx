// A button that runs a registered command. When the command cannot run it stays focusable
// (aria-disabled, not disabled) and says why in a tooltip shown on hover and focus, which is also
// its accessible description. The accessible name is the command's label: the visible text plus
// the rest of the label for screen readers ("Step" + " Clerk Ada").

import { useId } from "react";
import type { Command, CommandContext } from "../commands";
import { useApp } from "../use-app";

interface Props {
  command: Command;
  ctx: CommandContext;
  /** Visible text; must be where the label starts. Default: the whole label. */
  text?: string;
  className?: string;
  shortcut?: string;
}

export function CommandButton({ command, ctx, text = command.label, className, shortcut }: Props) {
  const problem = useApp((s) => command.problem(s));
  const tipId = useId();
  const rest = command.label.startsWith(text) ? command.label.slice(text.length) : "";
  return (
    <span className="cmd">
      <button
        type="button"
        className={className}
        aria-disabled={problem ? true : undefined}
        aria-describedby={problem ? tipId : undefined}
        aria-keyshortcuts={shortcut}
        onClick={() => command.perform(ctx)}
      >
        {text}
        {rest && <span className="sr-only">{rest}</span>}
      </button>
      {problem && (
        <span role="tooltip" id={tipId} className="tooltip">
          {problem}
        </span>
      )}
    </span>
  );
}
