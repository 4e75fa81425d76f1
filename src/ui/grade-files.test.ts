import { describe, expect, it } from "vitest";
import { filesOfDrop, isPackText } from "./grade-files";

// The browser's FileSystemEntry, as much of it as a drop uses.
function fileEntry(fullPath: string, text = "{}"): FileSystemFileEntry {
  const name = fullPath.slice(fullPath.lastIndexOf("/") + 1);
  return { isFile: true, isDirectory: false, name, fullPath, file: (ok: (f: File) => void) => ok(new File([text], name)) } as unknown as FileSystemFileEntry;
}

function dirEntry(fullPath: string, children: FileSystemEntry[]): FileSystemDirectoryEntry {
  const name = fullPath.slice(fullPath.lastIndexOf("/") + 1);
  return {
    isFile: false,
    isDirectory: true,
    name,
    fullPath,
    createReader: () => {
      // Two batches, then an empty one, as Chromium gives at most 100 at a time.
      const batches = [children.slice(0, 1), children.slice(1), []];
      return { readEntries: (ok: (e: FileSystemEntry[]) => void) => ok(batches.shift() ?? []) };
    },
  } as unknown as FileSystemDirectoryEntry;
}

function drop(entries: FileSystemEntry[]): DataTransfer {
  return { items: entries.map((e) => ({ webkitGetAsEntry: () => e })), files: [] } as unknown as DataTransfer;
}

describe("a drop on the grading page", () => {
  it("takes dropped files, and the .json files of dropped folders, named by their path", async () => {
    const week3 = dirEntry("/week3", [
      fileEntry("/week3/ada.record.json"),
      fileEntry("/week3/notes.txt"),
      dirEntry("/week3/late", [fileEntry("/week3/late/bo.record.json")]),
    ]);
    const files = await filesOfDrop(drop([fileEntry("/os-week3.json"), week3, fileEntry("/README")]));
    expect(files.map((f) => f.name)).toEqual(["os-week3.json", "README", "week3/ada.record.json", "week3/late/bo.record.json"]);
  });

  it("falls back to the plain file list without entries", async () => {
    const file = new File(["{}"], "ada.record.json");
    expect(await filesOfDrop({ items: [], files: [file] } as unknown as DataTransfer)).toEqual([file]);
  });
});

describe("telling the pack from the records", () => {
  it.each([
    ['{\n  "format": "interleave-pack",\n  "version": 1', true],
    ['{"format":"interleave-record"}', false],
    ['{"title": "format interleave-pack"}', false],
  ])("%s", (text, pack) => {
    expect(isPackText(text)).toBe(pack);
  });
});
