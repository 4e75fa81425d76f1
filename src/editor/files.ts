// Level files in and out of the browser: reading a dropped or picked file (refusing what cannot
// be a level file), and downloading a level as `<id>.json`.

import { t } from "../i18n/index";
import { downloadBlob } from "../ui/download";
import { MAX_DRAFT_CHARS } from "../ui/store/drafts";

export class LevelFileError extends Error {
  override name = "LevelFileError";
}

/** The text of a level file; throws LevelFileError with a reason to show when it cannot be one. */
export async function readLevelFile(file: File): Promise<string> {
  if (file.size > MAX_DRAFT_CHARS) throw new LevelFileError(t("editor.file.tooLarge", { name: file.name }));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new LevelFileError(t("editor.file.notUtf8", { name: file.name }));
  }
  if (text.includes("\u0000")) throw new LevelFileError(t("editor.file.notText", { name: file.name }));
  return text.replace(/^\uFEFF/, ""); // a byte-order mark is not part of the JSON
}

/** The first file of a drop or a file picker, if any. */
export function firstFile(files: FileList | null | undefined): File | null {
  return files && files.length > 0 ? files[0] : null;
}

export function downloadText(text: string, fileName: string): void {
  downloadBlob(new Blob([text], { type: "application/json" }), fileName);
}

/** `<id>.json` for a level with a valid id, else `level.json`. */
export function levelFileName(levelId: string | null): string {
  return `${levelId ?? "level"}.json`;
}
