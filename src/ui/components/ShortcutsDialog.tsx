// "?": the keyboard shortcuts, read off the registered commands.

import { useId, useRef } from "react";
import { t } from "../../i18n/index";
import type { Command } from "../commands";
import { appStore } from "../use-app";
import { ModalDialog } from "./ModalDialog";

export function ShortcutsDialog({ commands }: { commands: readonly Command[] }) {
  const titleId = useId();
  const close = useRef<HTMLButtonElement>(null);
  const done = () => appStore.getState().closeDialog();
  const threadCount = commands.filter((c) => c.name.startsWith("step:")).length;
  const rows: [string, string][] = [
    [threadCount > 1 ? `1–${Math.min(9, threadCount)}` : "1", t("common.shortcuts.step")],
    [threadCount > 1 ? `Shift+1–${Math.min(9, threadCount)}` : "Shift+1", t("common.shortcuts.stepStatement")],
    ...commands.filter((c) => c.keys && !c.name.includes(":")).map((c): [string, string] => [c.keys!, c.label]),
    ["Escape", t("common.shortcuts.escape")],
  ];
  return (
    <ModalDialog labelledBy={titleId} onCancel={done} initialFocus={close} className="shortcuts">
      <h2 id={titleId}>{t("common.shortcuts.title")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("common.shortcuts.keys")}</th>
            <th scope="col">{t("common.shortcuts.what")}</th>
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
          {t("common.close")}
        </button>
      </div>
    </ModalDialog>
  );
}
