// The student's name in each pack, asked once per pack and remembered in this browser: a pack's
// parameterised levels are played in the variant that the pack's id and this name choose
// (course/variant.ts), and "Download my record" puts the same name on the record.

import { createStore } from "zustand/vanilla";
import { t } from "../i18n/index";
import { useStore } from "zustand";
import { MAX_STUDENT_CHARS, savedStudentName, saveStudentName } from "./pack-record";

export const packStudentKey = (packId: string) => `interleave-pack-student.${packId}`;

interface StudentState {
  /** The names read or given so far, by pack id ("" when none is known). */
  names: ReadonlyMap<string, string>;
}

const store = createStore<StudentState>()(() => ({ names: new Map() }));

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(packId: string): string {
  try {
    const name = storage()?.getItem(packStudentKey(packId));
    return typeof name === "string" && name.trim().length > 0 && name.length <= MAX_STUDENT_CHARS ? name : "";
  } catch {
    return "";
  }
}

/** The student's name in the pack, or "" when they have not given it. */
export function packStudent(packId: string): string {
  const known = store.getState().names.get(packId);
  if (known !== undefined) return known;
  const name = read(packId);
  store.setState({ names: new Map(store.getState().names).set(packId, name) });
  return name;
}

/** Remembers the student's name for the pack (and as the name to suggest in the next pack). */
export function setPackStudent(packId: string, name: string): void {
  try {
    storage()?.setItem(packStudentKey(packId), name);
  } catch {
    // Full or forbidden storage: the name holds for this visit, and is asked again next time.
  }
  saveStudentName(name);
  store.setState({ names: new Map(store.getState().names).set(packId, name) });
}

/** A problem with a typed name, or null when it will do. */
export function nameProblem(name: string): string | null {
  if (name.trim().length === 0) return t("packs.student.nameMissing");
  if (name.trim().length > MAX_STUDENT_CHARS) return t("packs.student.nameTooLong", { max: MAX_STUDENT_CHARS });
  return null;
}

export function usePackStudent(packId: string): string {
  const name = useStore(store, (s) => s.names.get(packId));
  // Read from storage until the first setPackStudent (a render never sets state).
  return name ?? read(packId);
}

export { savedStudentName };
