// `#/packs/<id>`: a level pack's own campaign. Its title, intro, chapters and levels, each marked
// solved from the pack's own progress (never the main campaign's), and "Download my record",
// which asks the student's name and saves the completion record their instructor grades.

import { useEffect, useId, useRef, useState } from "react";
import { downloadBlob } from "../download";
import type { OpenedPack } from "../pack-open";
import { isParameterised } from "../../course/variant";
import { MAX_STUDENT_CHARS, recordFile, savedStudentName } from "../pack-record";
import { setPackStudent, usePackStudent } from "../pack-student";
import { campaignHref, packLevelHref } from "../router";
import type { PackSolved } from "../store/pack-saves";
import { useOpenedPack, usePackProgress } from "../use-pack";
import { shown } from "../words";
import { localizedText } from "../../engine/index";
import { currentLocale } from "../../i18n/index";
import { ErrorList, Notices, ProblemScreen, TopBar } from "./Chrome";
import { Markdown } from "./Markdown";
import { ModalDialog } from "./ModalDialog";
import { StudentNameForm } from "./StudentName";

export function PackScreen({ id }: { id: string }) {
  const state = useOpenedPack(id);
  if (state.status === "missing") return <NoSuchPack id={id} />;
  if (state.status === "checking") return <p className="loading" role="status">Checking the pack…</p>;
  if (state.status === "broken") {
    return (
      <ProblemScreen title="This pack has errors">
        <p>Nothing in it is run. Ask your instructor for a working copy.</p>
        <ErrorList errors={state.errors} file={state.file} />
      </ProblemScreen>
    );
  }
  return <PackCampaign opened={state.opened} />;
}

export function NoSuchPack({ id }: { id: string }) {
  return (
    <ProblemScreen title="No such pack">
      <p>No pack with the id “{id}” was opened in this browser. Open it again from the link or file your instructor gave you.</p>
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
            Campaign
          </a>
        </span>
      </TopBar>
      <main className="campaign pack">
        <Notices />
        <div className="hero">
          <p className="pack-kicker">Level pack</p>
          <h1>
            <bdi>{shown(pack.title)}</bdi>
          </h1>
          {pack.intro && <Markdown className="pack-intro" text={pack.intro} />}
          <p className="muted">
            {solvedCount} of {opened.order.length} levels solved. Your progress in this pack is kept in this browser, apart from the campaign.
          </p>
          {hasVariants && student !== "" && (
            <p className="pack-student">
              Playing as <bdi>{shown(student)}</bdi>: your numbers in this pack come from this name.
            </p>
          )}
          {hasVariants && student === "" && <StudentNameForm packId={pack.id} />}
          <p className="pack-actions">
            <button type="button" className="primary" onClick={() => setAsking(true)}>
              Download my record
            </button>
          </p>
        </div>
        {pack.chapters.map((chapter, c) => (
          <section key={c} className="chapter" aria-labelledby={`pack-chapter-${c}`}>
            <h2 id={`pack-chapter-${c}`}>
              <span className="chapter-number">Chapter {c + 1}</span> <bdi>{shown(chapter.title)}</bdi>
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
                    <a href={packLevelHref(pack.id, levelId)} aria-label={`${title}${isSolved ? ", solved" : ""}${isNext ? ", up next" : ""}`}>
                      <span className="level-number" aria-hidden="true">
                        {number}
                      </span>
                      <span className="level-name">
                        <bdi>{title}</bdi>
                      </span>
                      {isSolved && (
                        <span className="badge badge-solved">
                          <span aria-hidden="true">✓ </span>solved
                        </span>
                      )}
                      {isNext && <span className="badge badge-next">up next</span>}
                    </a>
                    <p className="level-summary">{shown(text?.summary ?? "")}</p>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
        <footer className="campaign-footer muted">
          <p>
            Pack <code>{pack.id}</code>, version <code title={pack.hash}>{pack.hash.slice(0, 19)}…</code>
          </p>
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
    if (student.length === 0) return setProblem("Type your name as your instructor knows it.");
    if (student.length > MAX_STUDENT_CHARS) return setProblem(`A name is at most ${MAX_STUDENT_CHARS} characters.`);
    setPackStudent(opened.pack.id, student);
    try {
      const { text, fileName } = recordFile(student, opened, solved, new Date());
      downloadBlob(new Blob([text], { type: "application/json" }), fileName);
      onClose();
    } catch (e) {
      setProblem(`The record could not be made: ${e instanceof Error ? e.message : String(e)}`);
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
        <h2 id={titleId}>Download my record</h2>
        <p id={textId}>
          The record lists the {solved.size} level{solved.size === 1 ? "" : "s"} you solved in this pack, with your winning moves, for your
          instructor to check. It holds the name you type here and nothing else about you.
        </p>
        <label htmlFor={inputId}>Your name</label>
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
            Download
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
