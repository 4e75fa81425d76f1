import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./Markdown";

const html = (text: string) => renderToStaticMarkup(<Markdown text={text} />).replace(/^<div class="markdown">|<\/div>$/g, "");

describe("level Markdown", () => {
  it("renders emphasis, strong and code spans", () => {
    expect(html("A **step**, *one* at a time: `counter++`.")).toBe("<p>A <strong>step</strong>, <em>one</em> at a time: <code>counter++</code>.</p>");
    expect(html("__both__ and _one_ but snake_case_name stays")).toBe("<p><strong>both</strong> and <em>one</em> but snake_case_name stays</p>");
    expect(html("`a * b` and 2 * 3 * 4")).toBe("<p><code>a * b</code> and 2 * 3 * 4</p>");
  });

  it("splits paragraphs on blank lines and joins soft breaks", () => {
    expect(html("one\ntwo\n\nthree")).toBe("<p>one two</p><p>three</p>");
    expect(html("hard  \nbreak")).toBe("<p>hard<br/>break</p>");
  });

  it("renders lists, quotes, headings and fenced code", () => {
    expect(html("- a\n- `b`\n\n1. x\n2. y")).toBe("<ul><li>a</li><li><code>b</code></li></ul><ol><li>x</li><li>y</li></ol>");
    expect(html("3. three\n4. four")).toBe('<ol start="3"><li>three</li><li>four</li></ol>');
    expect(html("> careful\n> now")).toBe("<blockquote><p>careful now</p></blockquote>");
    expect(html("## Part two\ntext")).toBe('<p class="md-heading"><strong>Part two</strong></p><p>text</p>');
    expect(html("```\nx = <b>1</b>;\n```")).toBe("<pre><code>x = &lt;b&gt;1&lt;/b&gt;;</code></pre>");
  });

  it("shows raw HTML as text", () => {
    expect(html("Hi <img src=x onerror=alert(1)>")).toBe("<p>Hi &lt;img src=x onerror=alert(1)&gt;</p>");
    expect(html("<script>alert(1)</script>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(html('<div onclick="x()">\n\nhi\n\n</div>')).toBe("<p>&lt;div onclick=&quot;x()&quot;&gt;</p><p>hi</p><p>&lt;/div&gt;</p>");
  });

  it("keeps safe links, opens outside ones in a new tab, and drops dangerous ones and images", () => {
    expect(html("[docs](https://example.com/a?b=1)")).toBe('<p><a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer">docs</a></p>');
    expect(html("[next](#/level/lost-update) <https://x.org>")).toBe(
      '<p><a href="#/level/lost-update">next</a> <a href="https://x.org" target="_blank" rel="noopener noreferrer">https://x.org</a></p>',
    );
    expect(html("[click](javascript:alert(1))")).toBe("<p>click)</p>");
    expect(html("[x](data:text/html,hi) [y](vbscript:z)")).toBe("<p>x y</p>");
    expect(html("![cat](https://example.com/cat.png)")).not.toMatch(/<img/);
  });

  it("backslash escapes and unclosed markers stay literal", () => {
    expect(html("\\*not em\\* and a lone * star and `tick")).toBe("<p>*not em* and a lone * star and `tick</p>");
  });

  it("renders every campaign text without losing words", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const dir = new URL("../../../levels/", import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".json") && !n.endsWith(".schema.json") && n !== "campaign.json")) {
      const level = JSON.parse(readFileSync(new URL(f, dir), "utf8"));
      for (const text of [level.story, level.hint, level.outro].filter(Boolean) as string[]) {
        const out = html(text).replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/[*`_]/g, "");
        const words = text.replace(/[*`_]/g, "").split(/\s+/).filter(Boolean);
        for (const w of words) expect(out, `${f}: ${w}`).toContain(w);
      }
    }
  });
});

describe("underscores", () => {
  it("inside words are text, as in CommonMark", () => {
    expect(html("window.__pwned = 1; x.__y = 2")).toBe("<p>window.__pwned = 1; x.__y = 2</p>");
    expect(html("a __strong__ word")).toBe("<p>a <strong>strong</strong> word</p>");
  });
});
