// "Download my record": the student's completion record for a pack, built by the course's
// makeRecord from the pack's progress in this browser, and the name the student typed, kept for
// next time (a name only: nothing else about the student is stored).

import { makeRecord, MAX_STUDENT_CHARS, recordText, type SolvedLevel } from "../course/record";
import type { OpenedPack } from "./pack-open";
import { fileNamePart } from "./pack-source";
import type { PackSolved } from "./store/pack-saves";

export { MAX_STUDENT_CHARS };

export const STUDENT_KEY = "interleave-student-name";

/** The name typed last time, if it can be read. */
export function savedStudentName(storage: Pick<Storage, "getItem"> | null = safeLocalStorage()): string {
  try {
    const name = storage?.getItem(STUDENT_KEY);
    return typeof name === "string" && name.length <= MAX_STUDENT_CHARS ? name : "";
  } catch {
    return "";
  }
}

export function saveStudentName(name: string, storage: Pick<Storage, "setItem"> | null = safeLocalStorage()): void {
  try {
    storage?.setItem(STUDENT_KEY, name);
  } catch {
    // Full or forbidden storage: the name is asked again next time.
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The record's text and its file name, `<pack id>-<name>.record.json`. */
export function recordFile(student: string, opened: OpenedPack, progress: ReadonlyMap<string, PackSolved>, now: Date): { text: string; fileName: string } {
  const solved: SolvedLevel[] = [...progress].map(([id, entry]) => ({ id, ...entry }));
  const record = makeRecord(student, opened.pack, solved, now.toISOString());
  return { text: recordText(record), fileName: `${opened.pack.id}-${fileNamePart(student)}.record.json` };
}
