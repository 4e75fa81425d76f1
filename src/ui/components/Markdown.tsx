// Level Markdown as React elements (see ../markdown.ts): text is always text.

import { Fragment, memo, useMemo, type ReactNode } from "react";
import { parseMarkdown, type Block, type Inline } from "../markdown";
import { shown } from "../words";

function renderInlines(items: Inline[]): ReactNode[] {
  return items.map((x, i) => {
    // Bidi controls in level text are shown, never obeyed (engine/visible-text.ts).
    if (typeof x === "string") return <Fragment key={i}>{shown(x)}</Fragment>;
    switch (x.t) {
      case "code":
        return <code key={i}>{shown(x.text)}</code>;
      case "em":
        return <em key={i}>{renderInlines(x.children)}</em>;
      case "strong":
        return <strong key={i}>{renderInlines(x.children)}</strong>;
      case "br":
        return <br key={i} />;
      case "link":
        return x.href.startsWith("#") ? (
          <a key={i} href={x.href}>
            {renderInlines(x.children)}
          </a>
        ) : (
          <a key={i} href={x.href} target="_blank" rel="noopener noreferrer">
            {renderInlines(x.children)}
          </a>
        );
    }
  });
}

function renderBlocks(blocks: Block[]): ReactNode[] {
  return blocks.map((b, i) => {
    switch (b.t) {
      case "p":
        return <p key={i}>{renderInlines(b.children)}</p>;
      case "h":
        // Headings inside level text would break the page's outline: shown as a strong line.
        return (
          <p key={i} className="md-heading">
            <strong>{renderInlines(b.children)}</strong>
          </p>
        );
      case "ul":
        return <ul key={i}>{b.items.map((item, k) => <li key={k}>{renderItem(item)}</li>)}</ul>;
      case "ol":
        return (
          <ol key={i} start={b.start === 1 ? undefined : b.start}>
            {b.items.map((item, k) => <li key={k}>{renderItem(item)}</li>)}
          </ol>
        );
      case "quote":
        return <blockquote key={i}>{renderBlocks(b.blocks)}</blockquote>;
      case "pre":
        return (
          <pre key={i}>
            <code>{b.text}</code>
          </pre>
        );
    }
  });
}

/** A list item of one paragraph shows without the paragraph's margins. */
function renderItem(item: Block[]): ReactNode {
  return item.length === 1 && item[0].t === "p" ? renderInlines(item[0].children) : renderBlocks(item);
}

export const Markdown = memo(function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <div className={className ? `markdown ${className}` : "markdown"}>{renderBlocks(blocks)}</div>;
});
