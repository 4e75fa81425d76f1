// "?": the keyboard shortcuts, read off the registered commands.

import { useId, useRef } from "react";
import type { Command } from "../commands";
import { appStore } from "../use-app";
import { ModalDialog } from "./ModalDialog";

export function ShortcutsDialog({ commands }: { commands: readonly Command[] }) {
  const titleId = useId();
  const close = useRef<HTMLButtonElement>(null);
  const done = () => appStore.getState().closeDialog();
  const threadCount = commands.filter((c) => c.name.startsWith("step:")).length;
  const rows: [string, string][] = [
    [threadCount > 1 ? `1–${Math.min(9, threadCount)}` : "1", "Step thread 1, 2, … (one atomic step)"],
    [threadCount > 1 ? `Shift+1–${Math.min(9, threadCount)}` : "Shift+1", "Step statement: run the thread's current statement to its end"],
    ...commands.filter((c) => c.keys && !c.name.includes(":")).map((c): [string, string] => [c.keys!, c.label]),
    ["Escape", "Close a dialog (the board keeps the final state)"],
  ];
  return (
    <ModalDialog labelledBy={titleId} onCancel={done} initialFocus={close} className="shortcuts">
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button ref={close} type="button" className="primary" onClick={done}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
