// Export progress and Import progress, beside Clear progress at the foot of the campaign: the
// player's saves in this browser as one file, and back. An imported file is read in full first
// (ui/backup.ts); a broken one is refused with the reason, and a good one replaces nothing
// until the player confirms. Then the page reloads, so every store reads the restored saves.
// The backup code (it reads packs and records) loads when a button is pressed, not with the campaign.

import { useRef, useState } from "react";
import { formatDate, t } from "../../i18n/index";
import { downloadBlob } from "../download";
import type { Backup } from "../backup";
import { ConfirmDialog } from "./ConfirmDialog";

const backupCode = () => import("../backup");

/** The most an imported backup may be: larger is not one of ours (and would not fit in storage). */
const MAX_FILE_BYTES = 16 << 20;

/** "a, b and c", in the current language. */
function listed(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return t("campaign.backup.listed", { rest: items.slice(0, -1).join(", "), last: items[items.length - 1] });
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function BackupControls() {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<{ file: string; backup: Backup } | null>(null);

  const exportNow = async () => {
    const { exportBackup } = await backupCode();
    const now = new Date();
    downloadBlob(new Blob([exportBackup(localStorage, now)], { type: "application/json" }), `interleave-progress-${now.toISOString().slice(0, 10)}.json`);
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    if (file.size > MAX_FILE_BYTES) return setProblem(t("campaign.backup.fileTooLarge", { file: file.name }));
    const [{ readBackup }, text] = await Promise.all([backupCode(), file.text()]);
    const read = readBackup(text, file.name);
    if (!read.ok) return setProblem(read.message);
    setPending({ file: file.name, backup: read.backup });
  };

  const restore = async (backup: Backup) => {
    const { restoreBackup } = await backupCode();
    setPending(null);
    if (!restoreBackup(localStorage, backup)) return setProblem(t("campaign.backup.restoreRefused"));
    window.location.reload();
  };

  const made = (iso: string) => formatDate(new Date(iso), { dateStyle: "long", timeStyle: "short" });
  return (
    <>
      <button type="button" className="quiet" onClick={() => void exportNow().catch((e: unknown) => setProblem(t("campaign.backup.exportFailed", { error: reason(e) })))}>
        {t("campaign.backup.export")}
      </button>
      <button type="button" className="quiet" onClick={() => input.current?.click()}>
        {t("campaign.backup.import")}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={t("campaign.backup.fileLabel")}
        onChange={(e) => {
          void choose(e.currentTarget.files?.[0]).catch((err: unknown) => setProblem(t("campaign.backup.readFailed", { error: reason(err) })));
          e.currentTarget.value = "";
        }}
      />
      {problem && (
        <div className="notice backup-problem" role="alert">
          <p>{problem}</p>
          <button type="button" className="quiet" onClick={() => setProblem(null)}>
            {t("common.dismiss")}
          </button>
        </div>
      )}
      {pending && (
        <ConfirmDialog
          title={t("campaign.backup.confirm.title")}
          text={t("campaign.backup.confirm.text", {
            file: pending.file,
            date: made(pending.backup.exportedAt),
            holds: pending.backup.holds.length > 0 ? listed(pending.backup.holds) : t("campaign.backup.noSaves"),
          })}
          confirm={t("campaign.backup.confirm.replace")}
          onConfirm={() => void restore(pending.backup).catch((e: unknown) => setProblem(t("campaign.backup.restoreFailed", { error: reason(e) })))}
          onCancel={() => setPending(null)}
        />
      )}
    </>
  );
}
