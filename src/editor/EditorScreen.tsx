// The level editor's route: the start page (`#/editor`), a draft (`#/editor/<draft>`), or the
// making of a new draft from a template, a campaign level or a link, which then replaces its own
// address with the draft's, so Back and reloads do not make it twice.

import { useEffect, useRef, useState } from "react";
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
      <ProblemScreen title="No such level">
        <p>None of your levels in this browser has the id “{id}”. It may have been deleted, or made in another browser.</p>
        <p>
          <a href={editorHref()}>Start a new level</a>
        </p>
      </ProblemScreen>
    );
  }
  return <DraftEditor id={id} initialText={initialText} />;
}

async function sourceText(from: DraftSource): Promise<{ text: string; origin: DraftOrigin }> {
  if ("template" in from) {
    const template = templateNamed(from.template);
    if (!template) throw new Error(`there is no template named “${from.template}”`);
    return { text: template.text, origin: { kind: "template", name: template.name } };
  }
  if ("copy" in from) {
    const text = await levelText(from.copy);
    if (text === undefined) throw new Error(`there is no campaign level “${from.copy}”`);
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
      (e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [from]);
  if (problem) {
    return (
      <ProblemScreen title="This level cannot be opened in the editor">
        <p>{problem[0].toUpperCase() + problem.slice(1)}.</p>
        <p>
          <a href={editorHref()}>Start a new level</a>
        </p>
      </ProblemScreen>
    );
  }
  return <p className="loading">Making a new level…</p>;
}
