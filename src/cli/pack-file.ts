// A built pack named on the command line, read and checked as `levels grade` and `levels scorm`
// both need it, with its text as read; its problems are printed (file:line:column), and it is
// null then.

import { readFileSync } from "node:fs";
import { formatError } from "../course/errors";
import { loadPack, type Pack } from "../course/pack";

export async function readPackArg(packFile: string): Promise<{ pack: Pack; text: string } | null> {
  let text: string;
  try {
    text = readFileSync(packFile, "utf8");
  } catch {
    console.error(`${packFile}: cannot read the file`);
    return null;
  }
  const pack = await loadPack(text, packFile);
  if (pack.ok) return { pack: pack.value, text };
  for (const e of pack.error) console.error(formatError(e));
  return null;
}
