// `levels scorm PACK.json -o pack.zip`: a SCORM 1.2 package of a pack for an LMS (Moodle, Canvas,
// Blackboard ...): the game built with relative links (vite build into a temporary folder), the
// pack as pack.json, a launch page that opens the game on it, and imsmanifest.xml. In the LMS the
// game reports to the LMS's SCORM API (src/ui/scorm.ts). The service worker (offline play and
// isolation) is left out: the LMS serves the package and tracks the attempt, a page framed by an
// LMS cannot be cross-origin isolated anyway, and the worker's one-time reload would end the
// SCORM session the page had just begun.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { SCORM_LAUNCH, SCORM_PACK_FILE, scormLaunchPage, scormManifest } from "../course/scorm-manifest";
import { readPackArg } from "./pack-file";
import { USAGE } from "./usage";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export async function scormCommand(args: string[]): Promise<number> {
  let packFile: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-o" || args[i] === "--output") out = args[++i];
    else if (args[i].startsWith("-")) return usage(`unknown option "${args[i]}"`);
    else if (packFile === undefined) packFile = args[i];
    else return usage(`one pack at a time: "${packFile}" and "${args[i]}"`);
  }
  if (!packFile) return usage("no pack given");
  if (!out) return usage("no output file given: -o pack.zip");
  const read = await readPackArg(packFile);
  if (!read) return 1;
  const { pack, text: packText } = read;

  const dir = mkdtempSync(join(tmpdir(), "interleave-scorm-"));
  try {
    const { build } = await import("vite");
    // Loaded here, not at the top: it brings the PWA plugin, which no other command needs.
    const { SW_FILE, REGISTER_FILE } = await import("../offline/vite-plugin-offline");
    await build({ root: ROOT, base: "./", logLevel: "error", build: { outDir: dir, emptyOutDir: true } });
    const files = new Map<string, Uint8Array>();
    for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      const path = join(dir, name);
      if (!statSync(path).isFile()) continue;
      const rel = relative(dir, path).split(sep).join("/");
      if (rel === SW_FILE || rel === REGISTER_FILE) continue;
      files.set(rel, readFileSync(path));
    }
    const register = `<script src="./${REGISTER_FILE}"></script>`;
    const built = Buffer.from(files.get("index.html")!).toString("utf8");
    if (!built.includes(register)) throw new Error(`the built index.html no longer loads ${REGISTER_FILE} as expected: update levels scorm`);
    const index = built.replace(register, "");
    files.set("index.html", Buffer.from(index, "utf8"));
    files.set(SCORM_PACK_FILE, Buffer.from(packText, "utf8"));
    files.set(SCORM_LAUNCH, Buffer.from(scormLaunchPage(pack.title), "utf8"));
    files.set("imsmanifest.xml", Buffer.from(scormManifest(pack, [...files.keys()]), "utf8"));
    const zip = zipSync(Object.fromEntries(files), { level: 9 });
    writeFileSync(out, zip);
    console.log(`wrote ${out}: a SCORM 1.2 package of "${pack.title}" (${pack.levels.length} levels, ${files.size} files, ${Math.round(zip.length / 1024).toLocaleString("en")} kB); import it into your LMS as a SCORM package`);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function usage(problem: string): number {
  console.error(`${problem}\n\n${USAGE}`);
  return 2;
}
