import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { loadBundle, switchLocale } from "../i18n/index";
import { richWords } from "./rich-words";

describe("richWords with elements as parts", () => {
  afterEach(() => switchLocale("en"));

  it("puts the element parts where the message puts them, and text values as text", () => {
    const html = renderToStaticMarkup(<p>{richWords("grade.pack.ready", { levels: 4, file: "pack.json" }, { title: <bdi>Course &lt;1&gt;</bdi> })}</p>);
    expect(html).toBe("<p><bdi>Course &lt;1&gt;</bdi> (4 levels, from pack.json)</p>");
  });

  it("follows the translation's word order", async () => {
    await switchLocale("de");
    await loadBundle("editor");
    const html = renderToStaticMarkup(<p>{richWords("editor.preview.failed", {}, { error: <code>boom</code> })}</p>);
    expect(html).toBe("<p>Die Vorschau ist mit einem Fehler abgebrochen: <code>boom</code>. Sie startet neu, sobald sich das Level ändert.</p>");
  });
});
