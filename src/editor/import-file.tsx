// Opening a level file as a new draft, from the file picker or dropped anywhere on an editor
// screen. A dropped file is caught before Monaco sees it, and never replaces what is open: it
// becomes a new level in "My levels".

import { useState, type DragEvent } from "react";
import { t } from "../i18n/index";
import { editorHref, navigate } from "../ui/router";
import { draftStore } from "../ui/use-drafts";
import { firstFile, readLevelFile } from "./files";

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes("Files");

export function useLevelImport() {
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const importFile = (file: File | null) => {
    if (!file) return;
    readLevelFile(file).then(
      (text) => {
        setError(null);
        const id = draftStore.getState().createDraft(text, { kind: "file", name: file.name });
        navigate(editorHref(id));
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  const dropTarget = {
    onDragOverCapture: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
      setDragging(true);
    },
    onDragLeaveCapture: (e: DragEvent) => {
      if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setDragging(false);
    },
    onDropCapture: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      setDragging(false);
      importFile(firstFile(e.dataTransfer.files));
    },
  };
  return { importFile, error, dragging, dropTarget };
}

/** The "Import…" control: a real file input, shown as a button. */
export function ImportButton({ onFile }: { onFile(file: File | null): void }) {
  return (
    <label className="file-button">
      {t("editor.import")}
      <input
        type="file"
        accept=".json,application/json"
        className="sr-only"
        onChange={(e) => {
          onFile(firstFile(e.currentTarget.files));
          e.currentTarget.value = ""; // the same file again is a new import
        }}
      />
    </label>
  );
}

export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>{t("editor.drop")}</p>
    </div>
  );
}
