import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { loadBundle, switchLocale } from "./index";
import { tRich } from "./rich";

describe("tRich", () => {
  afterEach(() => switchLocale("en"));

  it("puts the element parts where the message puts them, and text values as text", () => {
    const html = renderToStaticMarkup(<p>{tRich("grade.pack.ready", { title: <bdi>Course &lt;1&gt;</bdi> }, { levels: 4, file: "pack.json" })}</p>);
    expect(html).toBe("<p><bdi>Course &lt;1&gt;</bdi> (4 levels, from pack.json)</p>");
  });

  it("follows the translation's word order", async () => {
    await switchLocale("de");
    await loadBundle("editor");
    const html = renderToStaticMarkup(<p>{tRich("editor.preview.failed", { error: <code>boom</code> })}</p>);
    expect(html).toBe("<p>Die Vorschau ist mit einem Fehler abgebrochen: <code>boom</code>. Sie startet neu, sobald sich das Level ändert.</p>");
  });
});
