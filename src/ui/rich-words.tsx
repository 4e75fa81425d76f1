// A message with page elements inside it ("Playing as <bdi>Ada</bdi>: …", "what it <em>can</em>
// do"): translators get the whole sentence, and the element lands where their language puts it.
// `nodes` fill placeholders of the same name; a tag such as `<em>can</em>` in the message wraps
// its text with `tags.em`. Tags do not nest.

import { Fragment, type ReactNode } from "react";
import { t, type MessageId, type Values } from "../i18n/index";

// Private-use characters around a node's number: no message or value has them.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const PIECE = new RegExp(`${OPEN}(\\d+)${CLOSE}|<([a-z]+)>([^<]*)</\\2>`, "g");

export function richWords(
  id: MessageId,
  values: Values = {},
  nodes: Readonly<Record<string, ReactNode>> = {},
  tags: Readonly<Record<string, (text: string) => ReactNode>> = {},
): ReactNode {
  const slots = Object.entries(nodes);
  const markers: Values = {};
  slots.forEach(([name], k) => (markers[name] = `${OPEN}${k}${CLOSE}`));
  const text = t(id, { ...values, ...markers });
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(PIECE)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    if (m[1] !== undefined) out.push(<Fragment key={out.length}>{slots[Number(m[1])]?.[1]}</Fragment>);
    else {
      const wrap = Object.hasOwn(tags, m[2]) ? tags[m[2]] : null;
      out.push(<Fragment key={out.length}>{wrap ? wrap(m[3]) : m[3]}</Fragment>);
    }
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
