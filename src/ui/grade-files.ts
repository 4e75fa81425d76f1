// The files an instructor drops on the grading page: plain files, or folders walked breadth-first
// (never recursively, and never past MAX_RECORDS files), and which of them is the pack.

export const MAX_RECORDS = 2000;
/** A record is a name, some ids and the winning moves: far below a pack's limit. */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/** A pack file says so in its "format"; anything else dropped is taken for a record. */
export function isPackText(text: string): boolean {
  return /"format"\s*:\s*"interleave-pack"/.test(text);
}

/** The files of a drop, with the files inside dropped folders (their `.json` files only). */
export async function filesOfDrop(data: DataTransfer): Promise<File[]> {
  const entries = Array.from(data.items ?? [])
    .map((item) => (typeof item.webkitGetAsEntry === "function" ? item.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return Array.from(data.files ?? []);
  const files: File[] = [];
  const queue: FileSystemEntry[] = [...entries];
  while (queue.length > 0 && files.length < MAX_RECORDS) {
    const entry = queue.shift()!;
    if (entry.isFile) {
      const top = entries.includes(entry);
      if (top || entry.name.endsWith(".json")) files.push(await fileOf(entry as FileSystemFileEntry));
    } else if (entry.isDirectory) {
      queue.push(...(await childrenOf(entry as FileSystemDirectoryEntry)));
    }
  }
  return files;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file((f) => resolve(relative(f, entry.fullPath)), reject));
}

/** The file, named by its path in the dropped folder (so two folders' "ada.json" stay apart). */
function relative(file: File, path: string): File {
  const name = path.replace(/^\//, "");
  return name === file.name ? file : new File([file], name, { type: file.type, lastModified: file.lastModified });
}

async function childrenOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries gives a batch at a time, and an empty batch at the end.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0 || all.length >= MAX_RECORDS) return all;
    all.push(...batch);
  }
}
