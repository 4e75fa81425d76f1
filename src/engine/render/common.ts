// What several dialects spell alike: a shared place's text, and everything C, C# and Java share
// (operators, booleans, control flow, noop calls). Each of those dialects spreads C_FAMILY and
// adds only what is its own.

import type { Dialect, PlaceRef } from "./core";

/** `x`, or `a[i]` for an array element. */
export const placeText = (p: PlaceRef): string => (p.index === null ? p.name : `${p.name}[${p.index}]`);

export const C_FAMILY = {
  indented: false,
  lineComment: "//",
  ops: { "+": "+", "-": "-", "*": "*", "/": "/", "%": "%", "==": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">=", "&&": "&&", "||": "||" },
  not: "!",
  bool: (b: boolean) => (b ? "true" : "false"),
  noop: (name: string) => `${name}()`,
  ifHeader: (cond: string) => `if (${cond})`,
  elseIfHeader: (cond: string) => `if (${cond})`,
  elseHeader: "else",
  whileHeader: (cond: string) => `while (${cond})`,
  breakStmt: "break",
  continueStmt: "continue",
} satisfies Partial<Dialect>;
