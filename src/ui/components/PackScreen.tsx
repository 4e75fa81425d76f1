// `#/packs/<id>`: a level pack's own campaign. Its title, intro, chapters and levels, each marked
// solved from the pack's own progress (never the main campaign's), and "Download my record",
// which asks the student's name and saves the completion record their instructor grades.

import { useEffect, useId, useRef, useState } from "react";
import { t } from "../../i18n/index";
import { downloadBlob } from "../download";
import type { OpenedPack } from "../pack-open";
import { isParameterised } from "../../course/variant";
import { MAX_STUDENT_CHARS, recordFile, savedStudentName } from "../pack-record";
import { nameProblem, setPackStudent, usePackStudent } from "../pack-student";
import { campaignHref, packLevelHref } from "../router";
import type { PackSolved } from "../store/pack-saves";
import { useOpenedPack, usePackProgress } from "../use-pack";
import { richWords } from "../rich-words";
import { shown } from "../words";
import { localizedText } from "../../engine/translations";
import { currentLocale } from "../../i18n/index";
import { ErrorList, Notices, ProblemScreen, TopBar } from "./Chrome";
import { Markdown } from "./Markdown";
import { ModalDialog } from "./ModalDialog";
import { StudentNameForm } from "./StudentName";

export function PackScreen({ id }: { id: string }) {
  const state = useOpenedPack(id);
  if (state.status === "missing") return <NoSuchPack id={id} />;
  if (state.status === "checking") return <p className="loading" role="status">{t("packs.checking")}</p>;
  if (state.status === "broken") {
    return (
      <ProblemScreen title={t("packs.broken.title")}>
        <p>{t("packs.broken.text")}</p>
        <ErrorList errors={state.errors} file={state.file} />
      </ProblemScreen>
    );
  }
  return <PackCampaign opened={state.opened} />;
}

export function NoSuchPack({ id }: { id: string }) {
  return (
    <ProblemScreen title={t("packs.missing.title")}>
      <p>{t("packs.missing.text", { id })}</p>
    </ProblemScreen>
  );
}

function PackCampaign({ opened }: { opened: OpenedPack }) {
  const { pack } = opened;
  const solved = usePackProgress(opened);
  const [asking, setAsking] = useState(false);
  const student = usePackStudent(pack.id);
  const hasVariants = pack.levels.some(isParameterised);
  useEffect(() => {
    document.title = `${shown(pack.title)} · Interleave`;
  }, [pack.title]);
  const next = opened.order.find((levelId) => !solved.has(levelId));
  const solvedCount = opened.order.filter((levelId) => solved.has(levelId)).length;
  let number = 0;
  return (
    <>
      <TopBar>
        <span className="topbar-links">
          <a className="topbar-link" href={campaignHref}>
            {t("packs.campaign.link")}
          </a>
        </span>
      </TopBar>
      <main className="campaign pack">
        <Notices />
        <div className="hero">
          <p className="pack-kicker">{t("packs.campaign.kicker")}</p>
          <h1>
            <bdi>{shown(pack.title)}</bdi>
          </h1>
          {pack.intro && <Markdown className="pack-intro" text={pack.intro} />}
          <p className="muted">{t("packs.campaign.progress", { solved: solvedCount, total: opened.order.length })}</p>
          {hasVariants && student !== "" && <p className="pack-student">{richWords("packs.campaign.playingAs", {}, { name: <bdi>{shown(student)}</bdi> })}</p>}
          {hasVariants && student === "" && <StudentNameForm packId={pack.id} />}
          <p className="pack-actions">
            <button type="button" className="primary" onClick={() => setAsking(true)}>
              {t("packs.record.download")}
            </button>
          </p>
        </div>
        {pack.chapters.map((chapter, c) => (
          <section key={c} className="chapter" aria-labelledby={`pack-chapter-${c}`}>
            <h2 id={`pack-chapter-${c}`}>
              <span className="chapter-number">{t("packs.campaign.chapter", { number: c + 1 })}</span> <bdi>{shown(chapter.title)}</bdi>
            </h2>
            {chapter.intro && <Markdown className="chapter-intro" text={chapter.intro} />}
            <ol className="level-list">
              {chapter.levels.map((levelId) => {
                const level = opened.levels.get(levelId);
                const text = level && localizedText(level.parsed.spec, currentLocale());
                const title = shown(text?.title ?? levelId);
                const isSolved = solved.has(levelId);
                const isNext = levelId === next;
                number++;
                return (
                  <li key={levelId} className={`level-card${isSolved ? " solved" : ""}${isNext ? " next" : ""}`}>
                    <a href={packLevelHref(pack.id, levelId)} aria-label={isSolved ? t("packs.level.solvedLabel", { title }) : isNext ? t("packs.level.nextLabel", { title }) : title}>
                      <span className="level-number" aria-hidden="true">
                        {number}
                      </span>
                      <span className="level-name">
                        <bdi>{title}</bdi>
                      </span>
                      {isSolved && (
                        <span className="badge badge-solved">
                          <span aria-hidden="true">✓ </span>
                          {t("packs.level.solved")}
                        </span>
                      )}
                      {isNext && <span className="badge badge-next">{t("packs.level.next")}</span>}
                    </a>
                    <p className="level-summary">{shown(text?.summary ?? "")}</p>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
        <footer className="campaign-footer muted">
          <p>{richWords("packs.campaign.version", {}, { id: <code>{pack.id}</code>, version: <code title={pack.hash}>{pack.hash.slice(0, 19)}…</code> })}</p>
        </footer>
        {asking && <RecordDialog opened={opened} solved={solved} fixedName={hasVariants ? student : ""} onClose={() => setAsking(false)} />}
      </main>
    </>
  );
}

/**
 * Asks the student's name (remembered for the pack), then downloads the record. In a pack with
 * variants, once the name is known it is the record's: it chose the numbers the student played.
 */
function RecordDialog({ opened, solved, fixedName, onClose }: { opened: OpenedPack; solved: ReadonlyMap<string, PackSolved>; fixedName: string; onClose(): void }) {
  const titleId = useId();
  const textId = useId();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(() => fixedName || savedStudentName());
  const [problem, setProblem] = useState<string | null>(null);
  const download = () => {
    const student = name.trim();
    const wrong = nameProblem(student);
    if (wrong) return setProblem(wrong);
    setPackStudent(opened.pack.id, student);
    try {
      const { text, fileName } = recordFile(student, opened, solved, new Date());
      downloadBlob(new Blob([text], { type: "application/json" }), fileName);
      onClose();
    } catch (e) {
      setProblem(t("packs.record.failed", { error: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <ModalDialog labelledBy={titleId} describedBy={textId} onCancel={onClose} initialFocus={input} className="record-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          download();
        }}
      >
        <h2 id={titleId}>{t("packs.record.download")}</h2>
        <p id={textId}>{t("packs.record.text", { count: solved.size })}</p>
        <label htmlFor={inputId}>{t("packs.student.name")}</label>
        <input
          ref={input}
          id={inputId}
          type="text"
          autoComplete="name"
          value={name}
          maxLength={MAX_STUDENT_CHARS}
          readOnly={fixedName !== ""}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${inputId}-problem` : undefined}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setProblem(null);
          }}
        />
        {problem && (
          <p id={`${inputId}-problem`} className="field-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary">
            {t("packs.record.submit")}
          </button>
          <button type="button" onClick={onClose}>
            {t("packs.record.cancel")}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
