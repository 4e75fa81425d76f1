// `#/grade`: the instructor's grading page. The pack and the students' records are dropped on the
// page (files or a folder) or picked; they are read here and graded in a worker by the course's
// gradeRecords (schedules replayed, fixes re-judged), and the table shows student by level, with
// a reason for each rejection. Nothing leaves the browser.

import { useEffect, useRef, useState, type DragEvent } from "react";
import type { LevelError } from "../../engine/play";
import type { GradeStatus, GradeTable } from "../../course/grade";
import { gradeTableCsv, gradeTableText } from "../../course/grade";
import { t } from "../../i18n/index";
import { richWords } from "../rich-words";
import { downloadBlob } from "../download";
import type { GradeReply, GradeRequest } from "../grade.worker";
import { loadPackOnce, type OpenedPack } from "../pack-open";
import { readPackFile } from "../pack-source";
import { campaignHref } from "../router";
import { shown } from "../words";
import { ErrorList, TopBar } from "./Chrome";
import { filesOfDrop, isPackText, MAX_RECORDS, MAX_RECORD_BYTES } from "../grade-files";

type PackInput = { state: "none" } | { state: "checking"; file: string } | { state: "broken"; file: string; errors: LevelError[] } | { state: "ready"; opened: OpenedPack; file: string };
type Grading = { state: "idle" } | { state: "running"; count: number } | { state: "done"; table: GradeTable } | { state: "failed"; message: string };

interface RecordInput {
  file: string;
  text: string;
}

export function GradeScreen() {
  const [pack, setPack] = useState<PackInput>({ state: "none" });
  const [records, setRecords] = useState<RecordInput[]>([]);
  const [skipped, setSkipped] = useState<string[]>([]);
  const [grading, setGrading] = useState<Grading>({ state: "idle" });
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    document.title = t("grade.pageTitle");
  }, []);

  const takePack = async (file: string, text: string) => {
    setPack({ state: "checking", file });
    const load = await loadPackOnce(text, file);
    setPack(load.ok ? { state: "ready", opened: load.value, file } : { state: "broken", file, errors: load.error });
  };

  /** Sorts the files: a pack file is the pack, anything else is a student's record. */
  const take = async (files: readonly File[]) => {
    const added: RecordInput[] = [];
    const refused: string[] = [];
    for (const f of files) {
      const name = f.webkitRelativePath || f.name;
      let text: string;
      try {
        text = await readPackFile(f, MAX_RECORD_BYTES);
      } catch (e) {
        // The grade table reports it as a malformed file, with why.
        added.push({ file: name, text: "" });
        refused.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      if (isPackText(text)) await takePack(name, text);
      else added.push({ file: name, text });
    }
    setSkipped((s) => [...s, ...refused]);
    setRecords((r) => {
      const byName = new Map(r.map((x) => [x.file, x]));
      for (const x of added) byName.set(x.file, x);
      return [...byName.values()].slice(0, MAX_RECORDS);
    });
  };

  // Grading runs whenever the pack or the records change, in a worker of its own.
  const worker = useRef<Worker | null>(null);
  useEffect(() => {
    if (pack.state !== "ready" || records.length === 0) {
      setGrading({ state: "idle" });
      return;
    }
    setGrading({ state: "running", count: records.length });
    const w = new Worker(new URL("../grade.worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    w.onmessage = ({ data }: MessageEvent<GradeReply>) => {
      setGrading(data.type === "result" ? { state: "done", table: data.table } : { state: "failed", message: data.message });
      w.terminate();
    };
    w.onerror = (e) => {
      setGrading({ state: "failed", message: e.message || t("grade.stoppedUnexpectedly") });
      w.terminate();
    };
    const request: GradeRequest = { pack: { file: pack.file, text: pack.opened.text }, records };
    w.postMessage(request);
    return () => w.terminate();
  }, [pack, records]);

  const dropTarget = {
    onDragOver: (e: DragEvent) => {
      if (!Array.from(e.dataTransfer.types).includes("Files")) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
      setDragging(true);
    },
    onDragLeave: (e: DragEvent) => {
      if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      void filesOfDrop(e.dataTransfer).then(take);
    },
  };

  const table = grading.state === "done" ? grading.table : null;
  return (
    <>
      <TopBar>
        <span className="topbar-links">
          <a className="topbar-link" href={campaignHref}>
            {t("grade.campaign")}
          </a>
        </span>
      </TopBar>
      <main className="campaign grade" {...dropTarget}>
        <h1>{t("grade.heading")}</h1>
        <p>{t("grade.intro")}</p>
        <div className="grade-inputs">
          <section className={`drop-zone${dragging ? " dragging" : ""}`} aria-labelledby="grade-pack-heading">
            <h2 id="grade-pack-heading">{t("grade.pack.heading")}</h2>
            <div className="file-row">
              <FilePicker label={t("grade.pack.choose")} onFiles={(f) => void take(f.slice(0, 1))} />
            </div>
            <PackStatus pack={pack} />
          </section>
          <section className={`drop-zone${dragging ? " dragging" : ""}`} aria-labelledby="grade-records-heading">
            <h2 id="grade-records-heading">{t("grade.records.heading")}</h2>
            <div className="file-row">
              <FilePicker label={t("grade.records.choose")} multiple onFiles={(f) => void take(f)} />
              <FilePicker label={t("grade.records.chooseFolder")} folder onFiles={(f) => void take(f.filter((x) => x.name.endsWith(".json")))} />
              {records.length > 0 && (
                <button type="button" className="quiet" onClick={() => (setRecords([]), setSkipped([]))}>
                  {t("grade.records.clear")}
                </button>
              )}
            </div>
            <p>{records.length === 0 ? t("grade.records.none") : t("grade.records.count", { count: records.length })}</p>
            {skipped.length > 0 && (
              <ul aria-label={t("grade.records.unreadable")}>
                {skipped.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <p className="grade-status" role="status">
          {grading.state === "running" && t("grade.running", { count: grading.count })}
          {grading.state === "failed" && t("grade.failed", { message: grading.message })}
          {table && summary(table)}
        </p>
        {table && pack.state === "ready" && <GradeResults table={table} packId={pack.opened.pack.id} />}
      </main>
    </>
  );
}

function summary(table: GradeTable): string {
  const verified = table.students.filter((s) => s.rows.every((r) => r.status === "solved")).length;
  return t("grade.summary", { count: table.students.length, verified });
}

function PackStatus({ pack }: { pack: PackInput }) {
  if (pack.state === "none") return <p>{t("grade.pack.none")}</p>;
  if (pack.state === "checking") return <p>{t("grade.pack.checking", { file: pack.file })}</p>;
  if (pack.state === "broken") {
    return (
      <div role="alert">
        <p>{t("grade.pack.broken", { file: pack.file })}</p>
        <ErrorList errors={pack.errors} file={pack.file} />
      </div>
    );
  }
  return (
    <p>{richWords("grade.pack.ready", { levels: pack.opened.order.length, file: pack.file }, { title: <bdi>{shown(pack.opened.pack.title)}</bdi> })}</p>
  );
}

function FilePicker({ label, multiple, folder, onFiles }: { label: string; multiple?: boolean; folder?: boolean; onFiles(files: File[]): void }) {
  const folderProps = folder ? { webkitdirectory: "", directory: "" } : {};
  return (
    <label className="file-button">
      {label}
      <input
        type="file"
        accept={folder ? undefined : ".json,application/json"}
        multiple={multiple || folder}
        className="sr-only"
        {...folderProps}
        onChange={(e) => {
          onFiles(Array.from(e.currentTarget.files ?? []));
          e.currentTarget.value = "";
        }}
      />
    </label>
  );
}

function GradeResults({ table, packId }: { table: GradeTable; packId: string }) {
  return (
    <>
      <div className="grade-actions">
        <button type="button" onClick={() => downloadBlob(new Blob([gradeTableCsv(table)], { type: "text/csv" }), `${packId}-grades.csv`)}>
          {t("grade.downloadCsv")}
        </button>
        <button type="button" onClick={() => downloadBlob(new Blob([gradeTableText(table)], { type: "text/plain" }), `${packId}-grades.txt`)}>
          {t("grade.downloadText")}
        </button>
      </div>
      <div className="grade-table-box" role="region" aria-labelledby="grade-caption" tabIndex={0}>
        <table className="grade-table">
          <caption id="grade-caption">{t("grade.table.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("grade.table.student")}</th>
              {table.levels.map((id) => (
                <th key={id} scope="col">
                  {id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.students.map((s, i) => (
              <tr key={`${s.file}#${i}`}>
                <th scope="row">
                  <bdi>{s.student ? shown(s.student) : t("grade.table.unreadable")}</bdi>
                  <div className="muted">{s.file}</div>
                </th>
                {table.levels.map((id) => {
                  const row = s.rows.find((r) => r.levelId === id);
                  const status = row?.status ?? "missing";
                  return (
                    <td key={id} className={status}>
                      <GradeCell status={status} reason={row?.reason} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * A cell's words. The status is the course's structured verdict, worded here; a rejection's reason
 * is the course's own text, shared with `levels grade` (and its CSV), so it stays as the course
 * words it. A level not attempted carries no other reason than that.
 */
function GradeCell({ status, reason }: { status: GradeStatus; reason: string | undefined }) {
  if (status === "solved") return t("grade.cell.solved");
  if (status === "rejected") return t("grade.cell.rejected", { reason: reason ?? "" });
  return t("grade.cell.notAttempted");
}
