// A small Markdown reader for level text (story, hint, outro, chapter intros): paragraphs, line
// breaks, `#` headings, lists, block quotes, fenced code, code spans, emphasis, strong, links and
// autolinks. It builds a tree that components/Markdown.tsx turns into React elements, so nothing
// is ever parsed as HTML: a level is untrusted input, and raw HTML in it stays text. Links keep
// only http(s), mailto and in-page addresses; images are not made.
// (A library renderer such as micromark would do this fully, but costs 15 kB gzip and puts a
// screen over the 150 kB budget that bench/ui.ts measures.)

export type Inline =
  | string
  | { t: "code"; text: string }
  | { t: "em" | "strong"; children: Inline[] }
  | { t: "link"; href: string; children: Inline[] }
  | { t: "br" };

export type Block =
  | { t: "p" | "h"; children: Inline[] }
  | { t: "ul" | "ol"; start: number; items: Block[][] }
  | { t: "quote"; blocks: Block[] }
  | { t: "pre"; text: string };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$/;
const BULLET = /^ {0,3}([-*+])\s+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;
const BLANK = /^\s*$/;

export function parseMarkdown(text: string): Block[] {
  return blocks(text.replace(/\r\n?/g, "\n").split("\n"));
}

function blocks(lines: string[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  const startsBlock = (line: string) => FENCE.test(line) || HEADING.test(line) || BULLET.test(line) || ORDERED.test(line) || QUOTE.test(line);
  while (i < lines.length) {
    const line = lines[i];
    if (BLANK.test(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].trimStart().startsWith(fence[1]); i++) body.push(lines[i]);
      i++;
      out.push({ t: "pre", text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      out.push({ t: "h", children: inlines(heading[1]) });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i]); i++) body.push(QUOTE.exec(lines[i])![1]);
      out.push({ t: "quote", blocks: blocks(body) });
      continue;
    }
    const bullet = BULLET.test(line);
    if (bullet || ORDERED.test(line)) {
      const marker = bullet ? BULLET : ORDERED;
      const items: string[][] = [];
      const start = bullet ? 1 : Number(ORDERED.exec(line)![1]);
      while (i < lines.length) {
        const item = marker.exec(lines[i]);
        if (item) {
          items.push([item[2]]);
        } else if (!BLANK.test(lines[i]) && (/^\s/.test(lines[i]) || !startsBlock(lines[i])) && !BLANK.test(lines[i - 1])) {
          items[items.length - 1].push(lines[i].trim()); // a continuation of the item
        } else if (BLANK.test(lines[i]) && i + 1 < lines.length && marker.test(lines[i + 1])) {
          // a blank line between items
        } else {
          break;
        }
        i++;
      }
      out.push({ t: bullet ? "ul" : "ol", start, items: items.map((item) => blocks(item)) });
      continue;
    }
    const para: string[] = [];
    for (; i < lines.length && !BLANK.test(lines[i]) && (para.length === 0 || !startsBlock(lines[i])); i++) para.push(lines[i]);
    out.push({ t: "p", children: inlines(para.join("\n")) });
  }
  return out;
}

/** Only addresses that cannot run code or leave the page in surprising ways. */
export function safeHref(href: string): string | null {
  const url = href.trim();
  if (/^(https?:\/\/|mailto:)/i.test(url)) return url;
  if (/^#/.test(url)) return url;
  return null;
}

const SPECIAL = /[\\`*_[<\n]/;

export function inlines(text: string): Inline[] {
  const out: Inline[] = [];
  const push = (x: Inline) => {
    if (typeof x === "string" && typeof out[out.length - 1] === "string") out[out.length - 1] += x;
    else if (x !== "") out.push(x);
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const at = rest.search(SPECIAL);
    if (at < 0) {
      push(rest);
      break;
    }
    if (at > 0) {
      push(rest.slice(0, at));
      i += at;
      continue;
    }
    const ch = text[i];
    if (ch === "\\" && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1])) {
      push(text[i + 1]);
      i += 2;
      continue;
    }
    if (ch === "\n") {
      const hard = /( {2,}|\\)$/.test(text.slice(0, i));
      if (hard) {
        const last = out[out.length - 1];
        if (typeof last === "string") out[out.length - 1] = last.replace(/( {2,}|\\)$/, "");
        push({ t: "br" });
      } else push(" ");
      i++;
      continue;
    }
    if (ch === "`") {
      const run = /^`+/.exec(rest)![0];
      const close = text.indexOf(run, i + run.length);
      if (close > 0) {
        const code = text.slice(i + run.length, close).replace(/\n/g, " ");
        push({ t: "code", text: /^ .* $/.test(code) && code.trim() ? code.slice(1, -1) : code });
        i = close + run.length;
      } else {
        push(run);
        i += run.length;
      }
      continue;
    }
    if (ch === "*" || ch === "_") {
      const strong = text.startsWith(ch + ch, i);
      const delim = strong ? ch + ch : ch;
      const inner = i + delim.length;
      const close = findClose(text, delim, inner);
      const wordInside = ch === "_" && i > 0 && /\w/.test(text[i - 1]);
      if (close > inner && !/\s/.test(text[inner]) && !wordInside) {
        push({ t: strong ? "strong" : "em", children: inlines(text.slice(inner, close)) });
        i = close + delim.length;
      } else {
        push(delim);
        i += delim.length;
      }
      continue;
    }
    if (ch === "[") {
      const link = /^\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^\s)>]*)>?(?:\s+"[^"]*")?\s*\)/.exec(rest);
      if (link) {
        const href = safeHref(link[2]);
        const children = inlines(link[1]);
        if (href) push({ t: "link", href, children });
        else children.forEach(push);
        i += link[0].length;
        continue;
      }
    }
    if (ch === "<") {
      const auto = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i.exec(rest);
      if (auto) {
        push({ t: "link", href: auto[1], children: [auto[1]] });
        i += auto[0].length;
        continue;
      }
    }
    push(ch);
    i++;
  }
  return out;
}

/** Where `delim` closes emphasis begun before `from`: not after white space, not doubled. */
function findClose(text: string, delim: string, from: number): number {
  for (let k = text.indexOf(delim, from); k >= 0; k = text.indexOf(delim, k + 1)) {
    if (k > from && !/\s/.test(text[k - 1]) && (delim.length === 2 || text[k + 1] !== delim)) {
      if (delim.length === 1 && text[k - 1] === delim) continue;
      // An underscore closes only at the end of a word: snake_case and __names__ inside words stay text.
      if (delim[0] === "_" && /\w/.test(text[k + delim.length] ?? "")) continue;
      return k;
    }
  }
  return -1;
}
