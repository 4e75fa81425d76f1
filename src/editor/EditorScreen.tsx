// The level editor's route: the start page (`#/editor`), a draft (`#/editor/<draft>`), or the
// making of a new draft from a template, a campaign level or a link, which then replaces its own
// address with the draft's, so Back and reloads do not make it twice.

import { useEffect, useRef, useState } from "react";
import { t } from "../i18n/index";
import { ProblemScreen } from "../ui/components/Chrome";
import { SetAsideScreen, useSetAside } from "../ui/components/MyLevels";
import { levelText } from "../ui/content";
import { editorHref, navigate, type DraftSource } from "../ui/router";
import { decodeLevelLink } from "../ui/share";
import { draftNamed } from "../ui/store/draft-store";
import type { DraftOrigin } from "../ui/store/drafts";
import { draftStore } from "../ui/use-drafts";
import { DraftEditor } from "./DraftEditor";
import { StartPage } from "./StartPage";
import { templateNamed } from "./templates";
import "./editor.css";

export function EditorScreen({ draft, from }: { draft: string | null; from: DraftSource | null }) {
  if (from) return <NewDraft from={from} />;
  if (!draft) return <StartPage />;
  return <OpenDraft key={draft} id={draft} />;
}

function OpenDraft({ id }: { id: string }) {
  // The text as it was when the editor opened; from then on the editor holds it. The id comes
  // from the address bar: looked up as the draft's own, never the prototype's.
  const [initialText, setInitialText] = useState(() => {
    const { drafts, leftOut } = draftStore.getState();
    return Object.hasOwn(leftOut, id) ? undefined : draftNamed(drafts, id)?.text;
  });
  const aside = useSetAside(id);
  if (initialText === undefined && aside) {
    // Opening it here is the player's choice: the editor reads it guarded, and shows what fails as a problem.
    const edit = () => {
      const back = draftStore.getState().putBack(id);
      if (back === id) setInitialText(draftNamed(draftStore.getState().drafts, id)?.text);
      else if (back) navigate(editorHref(back), { replace: true });
    };
    return <SetAsideScreen title={aside.title} why={aside.why} onEdit={edit} />;
  }
  if (initialText === undefined) {
    return (
      <ProblemScreen title={t("editor.noSuchLevel.title")}>
        <p>{t("editor.noSuchLevel.body", { id })}</p>
        <p>
          <a href={editorHref()}>{t("editor.startNew")}</a>
        </p>
      </ProblemScreen>
    );
  }
  return <DraftEditor id={id} initialText={initialText} />;
}

/** The draft's source does not exist; its message is a sentence in the player's language. */
class NoSuchSource extends Error {}

/** Why the source cannot be opened, as a sentence: others' reasons (a link's, the network's) are English clauses. */
function whyNot(e: unknown): string {
  if (e instanceof NoSuchSource) return e.message;
  const why = e instanceof Error ? e.message : String(e);
  return `${why.charAt(0).toUpperCase()}${why.slice(1)}.`;
}

async function sourceText(from: DraftSource): Promise<{ text: string; origin: DraftOrigin }> {
  if ("template" in from) {
    const template = templateNamed(from.template);
    if (!template) throw new NoSuchSource(t("editor.cannotOpen.noTemplate", { name: from.template }));
    return { text: template.text, origin: { kind: "template", name: template.name } };
  }
  if ("copy" in from) {
    const text = await levelText(from.copy);
    if (text === undefined) throw new NoSuchSource(t("editor.cannotOpen.noCampaignLevel", { id: from.copy }));
    return { text, origin: { kind: "campaign", id: from.copy } };
  }
  return { text: await decodeLevelLink(from.link), origin: { kind: "link" } };
}

function NewDraft({ from }: { from: DraftSource }) {
  const [problem, setProblem] = useState<string | null>(null);
  const made = useRef(false);
  useEffect(() => {
    let live = true;
    sourceText(from).then(
      ({ text, origin }) => {
        if (!live || made.current) return;
        made.current = true;
        navigate(editorHref(draftStore.getState().createDraft(text, origin)), { replace: true });
      },
      (e: unknown) => live && setProblem(whyNot(e)),
    );
    return () => {
      live = false;
    };
  }, [from]);
  if (problem) {
    return (
      <ProblemScreen title={t("editor.cannotOpen.title")}>
        <p>{problem}</p>
        <p>
          <a href={editorHref()}>{t("editor.startNew")}</a>
        </p>
      </ProblemScreen>
    );
  }
  return <p className="loading">{t("editor.making")}</p>;
}
