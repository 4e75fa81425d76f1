// `#/editor`: where a new level starts. A template for each kind of level, a file to open, and
// the levels this browser already keeps.

import { useEffect } from "react";
import { t } from "../i18n/index";
import { richWords } from "../ui/rich-words";
import { Notices, TopBar } from "../ui/components/Chrome";
import { MyLevels } from "../ui/components/MyLevels";
import { campaignHref, newDraftHref } from "../ui/router";
import { DropOverlay, ImportButton, useLevelImport } from "./import-file";
import { TEMPLATES } from "./templates";

export function StartPage() {
  const { importFile, error, dragging, dropTarget } = useLevelImport();
  useEffect(() => {
    document.title = t("editor.start.pageTitle");
  }, []);
  return (
    <>
      <TopBar>
        <a className="topbar-link" href={campaignHref}>
          {t("editor.campaign")}
        </a>
      </TopBar>
      <main className="editor-start" {...dropTarget}>
        <Notices />
        <h1>{t("editor.heading")}</h1>
        <p>{richWords("editor.start.intro", {}, { guide: <code>levels/README.md</code> })}</p>
        <section aria-labelledby="templates-heading">
          <h2 id="templates-heading">{t("editor.start.templates")}</h2>
          <ul className="template-list">
            {TEMPLATES.map((template) => (
              <li key={template.name}>
                <a href={newDraftHref({ template: template.name })}>
                  <span className="template-title">{t(template.title)}</span>
                  <span className="template-about">{t(template.about)}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="open-heading">
          <h2 id="open-heading">{t("editor.start.openFile")}</h2>
          <div className="editor-toolbar">
            <ImportButton onFile={importFile} />
            <span className="muted">{t("editor.start.orDrop")}</span>
          </div>
          {error && (
            <p className="editor-alert" role="alert">
              {error}
            </p>
          )}
          <p className="muted">{richWords("editor.start.editCopy", {}, { editCopy: <em>{t("editor.start.editCopyName")}</em> })}</p>
        </section>
        <MyLevels offerNew={false} />
        {dragging && <DropOverlay />}
      </main>
    </>
  );
}
