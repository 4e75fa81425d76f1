// A message with parts that are elements (a <code>, a <bdi>) rather than text: the translator
// still writes the whole sentence, with `{name}` where each part goes, and the parts are put in
// where the language's word order puts them.

import { Fragment, type ReactNode } from "react";
import { t, type MessageId, type Values } from "./index";

// Marks no message contains: each part's place in the formatted text.
const mark = (i: number) => `\u2063${i}\u2063`;
const MARKS = /\u2063(\d+)\u2063/;

/** The message `id` with `values` as text and `parts` as elements, in the message's own order. */
export function tRich(id: MessageId, parts: Record<string, ReactNode>, values: Values = {}): ReactNode {
  const names = Object.keys(parts);
  const text = t(id, { ...values, ...Object.fromEntries(names.map((n, i) => [n, mark(i)])) });
  const pieces = text.split(MARKS);
  // split() with a capture group: text, index, text, index, …, text.
  return pieces.map((piece, i) => <Fragment key={i}>{i % 2 === 0 ? piece : parts[names[Number(piece)]]}</Fragment>);
}
