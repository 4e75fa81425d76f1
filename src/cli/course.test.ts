// `levels pack` and `levels grade` as an instructor runs them: a pack built from a folder (own
// levels and campaign levels), a broken folder refused at its places, and records graded with
// the reason for every rejection and an exit status that says whether all verified.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPack, type Pack } from "../course/pack";
import { makeRecord, recordText, type SolvedLevel } from "../course/record";

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/levels.ts", ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const F = "src/cli/__fixtures__";
const T = "2026-12-07T18:00:00.000Z";
const tmp = mkdtempSync(join(tmpdir(), "interleave-course-"));
const json = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
const counterSolution = json(`${F}/course/my-counter.json`).solution as string[];
const solved: SolvedLevel[] = [
  { id: "my-counter", solvedAt: T, schedule: counterSolution },
  { id: "lost-update", solvedAt: T, schedule: json("levels/lost-update.json").solution as string[] },
  { id: "fix-lost-update", solvedAt: T, fix: (json("levels/fix-lost-update.json").fix as { reference: Record<string, string> }).reference },
];

let packFile: string;
let pack: Pack;
let built: ReturnType<typeof run>;

beforeAll(async () => {
  packFile = join(tmp, "os-week3.json");
  built = run("pack", `${F}/course`, "-o", packFile);
  const loaded = await loadPack(readFileSync(packFile, "utf8"), packFile);
  if (!loaded.ok) throw new Error("the built pack loads");
  pack = loaded.value;
});

function writeRecord(name: string, levels: SolvedLevel[], student = name): string {
  const file = join(tmp, `${name}.json`);
  writeFileSync(file, recordText(makeRecord(student, pack, levels)));
  return file;
}

describe("levels pack", () => {
  it("checks every level as levels check does and writes one self-contained pack", () => {
    expect(built.status).toBe(0);
    const lines = built.stdout.trim().split("\n");
    expect(lines.filter((l) => !l.startsWith(" "))).toEqual([
      expect.stringMatching(/^ok {3}src\/cli\/__fixtures__\/course\/my-counter\.json: breakable: assertion in 7 steps \(20 states, \d+ ms\)$/),
      expect.stringMatching(/^ok {3}levels\/lost-update\.json: breakable: assertion in 7 steps/),
      expect.stringMatching(/^ok {3}levels\/fix-lost-update\.json: fix-it: broken code fails \(assertion in 7 steps\); reference fix holds/),
      `wrote ${packFile}: "OS week 3: races", 3 levels in 2 chapters, hash ${pack.hash}`,
    ]);
    expect(pack.chapters.map((c) => [c.title, c.levels])).toEqual([["Races", ["my-counter", "lost-update"]], ["Fixes", ["fix-lost-update"]]]);
    expect(pack.levels.map((l) => l.id)).toEqual(["my-counter", "lost-update", "fix-lost-update"]);
    // Campaign levels are copied in whole: a later game cannot change what is graded.
    expect(pack.levels[1].level).toEqual(json("levels/lost-update.json"));
    expect(pack.levels[0].level).toEqual(json(`${F}/course/my-counter.json`));
  });

  it("refuses a folder with a broken level or an unknown id, at file, line and column, and writes nothing", () => {
    const out = join(tmp, "broken.json");
    const r = run("pack", `${F}/course-broken`, "-o", out);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split("\n").filter((l) => !l.startsWith(" ") && !l.startsWith("ok "));
    expect(lines).toEqual([
      `${F}/course-broken/my-counter.json:10:53: undeclared name "tru" (in threads[0].code, line 2, col 9)`,
      `${F}/course-broken/pack.json:5:108: there is no level "no-such-level": no ${F}/course-broken/no-such-level.json, and the game's campaign has no level with that id (at chapters[0].levels[2])`,
      "no pack written: fix the levels above first",
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it("prints with --link the #/pack?data= link that carries the same pack, as the game decodes it", async () => {
    const out = join(tmp, "linked.json");
    const r = run("pack", `${F}/course`, "-o", out, "--link");
    expect(r.status).toBe(0);
    const line = r.stdout.trim().split("\n").pop()!;
    const data = /^link \(after the game's address\): #\/pack\?data=([A-Za-z0-9_-]+)$/.exec(line)?.[1];
    expect(data).toBeDefined();
    // The game reads link data with the browser's DecompressionStream("deflate-raw").
    const stream = new Blob([Buffer.from(data!, "base64url")]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    expect(await new Response(stream).text()).toBe(readFileSync(out, "utf8"));
  });

  it("places an error in pack.json itself", () => {
    const dir = join(tmp, "bad-index");
    cpSync(`${F}/course`, dir, { recursive: true });
    writeFileSync(join(dir, "pack.json"), '{\n  "id": "os-week3",\n  "title": "T",\n  "chapters": [{ "title": "C", "levels": ["My Counter"] }]\n}\n');
    const r = run("pack", dir, "-o", join(tmp, "x.json"));
    expect(r.status).toBe(1);
    expect(r.stdout.trim()).toBe(`${dir}/pack.json:4:43: a level id is lower-case kebab-case, like "lost-update" (at chapters[0].levels[0])`);
  });
});

describe("levels grade", () => {
  it("reports a record whose schedules win and whose fix holds as solved, with exit status 0", () => {
    const r = run("grade", packFile, writeRecord("ada", solved, "Ada Lovelace"));
    expect(r.stderr).toBe("");
    const ada = join(tmp, "ada.json");
    expect(r.stdout).toBe(
      [
        `student       ${"file".padEnd(ada.length)}  my-counter  lost-update  fix-lost-update  score`,
        `Ada Lovelace  ${ada}  solved      solved       solved           3/3`,
        "",
      ].join("\n"),
    );
    expect(r.status).toBe(0);
  });

  it("rejects a schedule with one move changed, a record for another pack and a malformed file, with exit status 1", () => {
    const edited = [...counterSolution];
    edited[1] = "Clerk A";
    const bob = writeRecord("bob", [{ ...solved[0], schedule: edited }, solved[1]]);
    const carol = join(tmp, "carol.json");
    writeFileSync(carol, readFileSync(writeRecord("carol", solved), "utf8").replace('"id": "os-week3"', '"id": "os-week2"'));
    const r = run("grade", packFile, bob, carol, `${F}/course-records/malformed.json`, "--csv");
    expect(r.status).toBe(1);
    const another = 'rejected: record for another pack: ""os-week2"", not ""os-week3""';
    const malformed = `rejected: malformed file: ${F}/course-records/malformed.json:6:3: expected a comma or a closing brace`;
    expect(r.stdout.split("\r\n")).toEqual([
      "student,file,my-counter,lost-update,fix-lost-update,score",
      `bob,${bob},rejected: schedule does not win: move 4 (Clerk A) is not legal: Clerk A has finished.,solved,not attempted,1/3`,
      `carol,${carol},"${another}","${another}","${another}",0/3`,
      `,${F}/course-records/malformed.json,${malformed},${malformed},${malformed},0/3`,
      "",
    ]);
  });

  it("rejects a level whose code changed in the pack since the record was made", async () => {
    const dir = join(tmp, "changed");
    cpSync(`${F}/course`, dir, { recursive: true });
    const level = join(dir, "my-counter.json");
    writeFileSync(level, readFileSync(level, "utf8").replace("assert(count == 2);", "assert(count >= 2);"));
    const changedPack = join(tmp, "changed-pack.json");
    expect(run("pack", dir, "-o", changedPack).status).toBe(0);
    const changed = await loadPack(readFileSync(changedPack, "utf8"), changedPack);
    if (!changed.ok) throw new Error("the changed pack loads");
    const r = run("grade", changedPack, writeRecord("ada", solved, "Ada Lovelace"));
    expect(r.status).toBe(1);
    const before = `record for another pack: "os-week3" as it was before it was rebuilt (hash ${pack.hash})`;
    expect(changed.value.hash).not.toBe(pack.hash);
    expect(r.stdout.split("\n").slice(1, 2)).toEqual([expect.stringMatching(/^Ada Lovelace +\S+ada\.json +REJECTED +REJECTED +REJECTED +0\/3$/)]);
    expect(r.stdout).toContain(`  ${join(tmp, "ada.json")} (Ada Lovelace), my-counter: ${before}; level changed since it was solved\n`);
    expect(r.stdout).toContain(`  ${join(tmp, "ada.json")} (Ada Lovelace), lost-update: ${before}\n`);
  });

  it("refuses a pack whose level was edited after it was built, at the level's hash", () => {
    const edited = join(tmp, "edited-pack.json");
    writeFileSync(edited, readFileSync(packFile, "utf8").replace("count++;\\naDone = true;", "count += 2;\\naDone = true;"));
    const r = run("grade", edited, join(tmp, "ada.json"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${edited}:\\d+:\\d+: level "my-counter" has changed since the pack was built: its hash is sha256-\\w+, not ${pack.levels[0].hash} \\(at levels\\[0\\]\\.hash\\)\\n`));
  });

  it("explains its usage on a bad command line", () => {
    const r = run("grade", packFile);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("no completion records given");
    expect(r.stderr).toContain("npm run -s levels -- grade PACK.json RECORD.json... [--csv]");
  });
});
