// `#/editor`: where a new level starts. A template for each kind of level, a file to open, and
// the levels this browser already keeps.

import { useEffect } from "react";
import { Notices, TopBar } from "../ui/components/Chrome";
import { MyLevels } from "../ui/components/MyLevels";
import { campaignHref, newDraftHref } from "../ui/router";
import { DropOverlay, ImportButton, useLevelImport } from "./import-file";
import { TEMPLATES } from "./templates";

export function StartPage() {
  const { importFile, error, dragging, dropTarget } = useLevelImport();
  useEffect(() => {
    document.title = "Level editor · Interleave";
  }, []);
  return (
    <>
      <TopBar>
        <a className="topbar-link" href={campaignHref}>
          Campaign
        </a>
      </TopBar>
      <main className="editor-start" {...dropTarget}>
        <Notices />
        <h1>Level editor</h1>
        <p>
          Write a level as a JSON file, with completion and documentation for every field, the engine's problems as you
          type, a playable preview and the solver's check. Your levels are kept in this browser; export them as files, or
          share them as links. The authoring guide, <code>levels/README.md</code> in the project, explains the format.
        </p>
        <section aria-labelledby="templates-heading">
          <h2 id="templates-heading">Start from a template</h2>
          <ul className="template-list">
            {TEMPLATES.map((t) => (
              <li key={t.name}>
                <a href={newDraftHref({ template: t.name })}>
                  <span className="template-title">{t.title}</span>
                  <span className="template-about">{t.about}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="open-heading">
          <h2 id="open-heading">Open a file</h2>
          <div className="editor-toolbar">
            <ImportButton onFile={importFile} />
            <span className="muted">or drop a level file (.json) on this page.</span>
          </div>
          {error && (
            <p className="editor-alert" role="alert">
              {error}
            </p>
          )}
          <p className="muted">
            To change a campaign level, open it and choose <em>Edit a copy</em>.
          </p>
        </section>
        <MyLevels offerNew={false} />
        {dragging && <DropOverlay />}
      </main>
    </>
  );
}
