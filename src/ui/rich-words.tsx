// A message with page elements inside it ("Playing as <bdi>Ada</bdi>: …", "what it <em>can</em>
// do"): translators get the whole sentence, and the element lands where their language puts it.
// `nodes` fill placeholders of the same name; a tag such as `<em>can</em>` in the message wraps
// its text with `tags.em`. Tags do not nest.

import { Fragment, type ReactNode } from "react";
import { t, type MessageId, type Values } from "../i18n/index";

// Private-use characters around a node's number, and in place of a value's own "<" (so a value
// is never read as a tag): no message or value has them.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const LT = "\uE002";
const PIECE = new RegExp(`${OPEN}(\\d+)${CLOSE}|<([a-z]+)>([^<]*)</\\2>`, "g");
const unmask = (text: string) => text.replaceAll(LT, "<");

export function richWords(
  id: MessageId,
  values: Values = {},
  nodes: Readonly<Record<string, ReactNode>> = {},
  tags: Readonly<Record<string, (text: string) => ReactNode>> = {},
): ReactNode {
  const slots = Object.entries(nodes);
  const masked: Values = {};
  for (const [name, value] of Object.entries(values)) masked[name] = typeof value === "string" ? value.replaceAll("<", LT) : value;
  slots.forEach(([name], k) => (masked[name] = `${OPEN}${k}${CLOSE}`));
  const text = t(id, masked);
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(PIECE)) {
    if (m.index > at) out.push(unmask(text.slice(at, m.index)));
    if (m[1] !== undefined) out.push(<Fragment key={out.length}>{slots[Number(m[1])]?.[1]}</Fragment>);
    else {
      const wrap = Object.hasOwn(tags, m[2]) ? tags[m[2]] : null;
      out.push(<Fragment key={out.length}>{wrap ? wrap(unmask(m[3])) : unmask(m[3])}</Fragment>);
    }
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(unmask(text.slice(at)));
  return out;
}
