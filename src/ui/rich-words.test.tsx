// Messages with page elements in them: the element lands where the language's sentence puts it.

import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { switchLocale } from "../i18n/index";
import { richWords } from "./rich-words";

afterEach(async () => {
  await switchLocale("en");
});

describe("richWords", () => {
  it("puts an element in a placeholder's place, in each language's order", async () => {
    const html = () => renderToStaticMarkup(<p>{richWords("packs.campaign.playingAs", {}, { name: <bdi>Ada &lt;3</bdi> })}</p>);
    expect(html()).toBe("<p>Playing as <bdi>Ada &lt;3</bdi>: your numbers in this pack come from this name.</p>");
    await switchLocale("de");
    expect(html()).toBe("<p>Du spielst als <bdi>Ada &lt;3</bdi>: Deine Zahlen in diesem Paket ergeben sich aus diesem Namen.</p>");
  });

  it("wraps a tag's text with the element given for it", async () => {
    await switchLocale("es");
    const html = renderToStaticMarkup(<p>{richWords("hardware.intro", {}, {}, { em: (text) => <em>{text}</em> })}</p>);
    expect(html).toContain("lo que <em>puede</em> pasar; esto muestra con qué frecuencia pasa <em>de verdad</em>.");
  });

  it("leaves a value's own angle brackets as text", () => {
    const html = renderToStaticMarkup(<p>{richWords("packs.list.cannotOpen", { message: "<em>x</em>" })}</p>);
    expect(html).toBe("<p>This pack cannot be opened: &lt;em&gt;x&lt;/em&gt;.</p>");
  });
});
