// Recursive-descent parser from tokens to the syntax tree. It recovers at statement boundaries,
// so one run reports every syntax error it can, each at the token where it was noticed. Code too
// long or nested too deep (limits.ts) is an error like any other, so no stage after it can run
// out of stack.

import type { BinaryOp, CallExpr, Expr, MethodExpr, Place, Pos, Span, Stmt } from "./ast";
import { lex, type Token } from "./lexer";
import { MAX_CODE_LENGTH, MAX_NESTING } from "./limits";

export interface CodeError {
  code: string;
  message: string;
  line: number;
  column: number;
  /** Length in characters of what is wrong (for editor squiggles); at least 1. */
  length: number;
}

class ParseFailure extends Error {}

// Binary operators by precedence, loosest first.
const LEVELS: BinaryOp[][] = [["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"]];
const PRECEDENCE: ReadonlyMap<string, number> = new Map(LEVELS.flatMap((ops, level) => ops.map((op) => [op, level] as const)));

export function parseThreadCode(source: string): { body: Stmt[]; errors: CodeError[] } {
  if (source.length > MAX_CODE_LENGTH) return { body: [], errors: [tooLong(source)] };
  const tokens = lex(source);
  const errors: CodeError[] = [];
  let i = 0;
  // How many levels enclose the token being read, and the deepest level reached since the
  // innermost expression began (an operator chain pushes its left side one level deeper).
  let depth = 0;
  let deepest = 0;

  const peek = (k = 0): Token => tokens[Math.min(i + k, tokens.length - 1)];
  const span = (start: Pos, end: Pos): Span => ({ start, end });
  const describe = (t: Token) => (t.kind === "eof" ? "the end of the code" : `"${t.text}"`);

  const fail = (t: Token, message: string, code = "syntax"): never => {
    errors.push({
      code: t.kind === "error" ? "bad-token" : code,
      message: t.kind === "error" ? (t.problem ?? message) : message,
      line: t.start.line,
      column: t.start.column,
      length: Math.max(1, t.end.offset - t.start.offset),
    });
    throw new ParseFailure();
  };
  const is = (text: string) => {
    const t = peek();
    return (t.kind === "punct" || t.kind === "keyword") && t.text === text;
  };
  const prevEnd = () => tokens[Math.max(0, i - 1)].end;
  const tooDeep = (t: Token): never =>
    fail(t, `the code nests more than ${MAX_NESTING} levels deep here (each block, parenthesis, bracket, "!", "-", "else if" and operator adds a level)`, "too-deep");
  /** Reads what `parse` reads one level deeper than `open`, the token that opens the level. */
  const inside = <T>(open: Token, parse: () => T): T => {
    if (++depth > MAX_NESTING) tooDeep(open);
    deepest = Math.max(deepest, depth);
    const result = parse();
    depth--;
    return result;
  };
  const expect = (text: string, what = `"${text}"`): Token => {
    if (is(text)) return tokens[i++];
    if (text === ";" && i > 0 && peek().kind !== "error") {
      // A missing ";" is best shown right after the token it should follow, as compilers do.
      const prev = tokens[i - 1];
      const end = prev.end;
      errors.push({ code: "syntax", message: `expected ";" after "${prev.text}"`, line: end.line, column: end.column, length: 1 });
      throw new ParseFailure();
    }
    return fail(peek(), `expected ${what}, found ${describe(peek())}`);
  };

  // After an error: skip to just past the next ";", or past the block that follows a broken
  // header (`if (x {...}`), or up to a "}" that closes an enclosing block; then parse on.
  const recover = () => {
    while (peek().kind !== "eof") {
      if (is(";")) {
        i++;
        return;
      }
      if (is("}")) return;
      if (is("{")) {
        let depth = 0;
        do {
          if (is("{")) depth++;
          else if (is("}")) depth--;
          i++;
        } while (depth > 0 && peek().kind !== "eof");
        return;
      }
      i++;
    }
  };

  function block(): Stmt[] {
    if (!is("{")) fail(peek(), `expected "{", found ${describe(peek())} (blocks need braces)`);
    return inside(tokens[i++], () => {
      const body: Stmt[] = [];
      while (!is("}")) {
        if (peek().kind === "eof") fail(peek(), `expected "}" to close the block`);
        statementInto(body);
      }
      i++;
      return body;
    });
  }

  /** `( e )` after `if` or `while`: the condition. */
  function condition(keyword: string): Expr {
    const open = peek();
    expect("(", `"(" after "${keyword}"`);
    return inside(open, () => {
      const cond = expression();
      expect(")");
      return cond;
    });
  }

  function statementInto(body: Stmt[]) {
    const before = i;
    const depthBefore = depth;
    try {
      body.push(statement());
    } catch (e) {
      if (!(e instanceof ParseFailure)) throw e;
      depth = depthBefore;
      recover();
      if (i === before && !is("}")) i++;
    }
  }

  function statement(): Stmt {
    const t = peek();
    const start = t.start;
    if (t.kind === "keyword") {
      switch (t.text) {
        case "int":
        case "bool": {
          i++;
          const nameTok = peek();
          if (nameTok.kind !== "ident") fail(nameTok, `expected a variable name after "${t.text}", found ${describe(nameTok)}`);
          i++;
          let init: Expr | null = null;
          if (is("=")) {
            i++;
            init = expression();
          }
          expect(";");
          return {
            kind: "decl",
            type: t.text,
            name: nameTok.text,
            nameSpan: span(nameTok.start, nameTok.end),
            init,
            span: span(start, prevEnd()),
          };
        }
        case "if": {
          i++;
          const cond = condition("if");
          const header = span(start, prevEnd());
          const then = block();
          let otherwise: Stmt[] | null = null;
          if (is("else")) {
            i++;
            // `else if` is an `if` nested in the else: a level, as a block would be.
            otherwise = is("if") ? [inside(peek(), statement)] : block();
          }
          return { kind: "if", cond, then, else: otherwise, span: span(start, prevEnd()), header };
        }
        case "while": {
          i++;
          const cond = condition("while");
          const header = span(start, prevEnd());
          const body = block();
          return { kind: "while", cond, body, span: span(start, prevEnd()), header };
        }
        case "break":
        case "continue": {
          i++;
          expect(";");
          return { kind: t.text, span: span(start, prevEnd()) };
        }
        case "else":
          return fail(t, `"else" without an "if" before it`);
        default:
          return fail(t, `a statement cannot start with ${describe(t)}`);
      }
    }
    if (t.kind !== "ident") return fail(t, `expected a statement, found ${describe(t)}`);

    const target = postfix();
    if (target.kind === "call" || target.kind === "method") {
      expect(";", `";" after the call`);
      return { kind: "call", call: target, span: span(start, prevEnd()) };
    }
    if (target.kind !== "name" && target.kind !== "index") {
      return fail(t, "expected a statement");
    }
    const op = peek();
    if (is("=") || is("+=") || is("-=")) {
      i++;
      const value = expression();
      expect(";");
      return { kind: "assign", target, op: op.text as "=" | "+=" | "-=", value, span: span(start, prevEnd()) };
    }
    if (is("++") || is("--")) {
      i++;
      expect(";");
      return { kind: "incdec", target, op: op.text as "++" | "--", span: span(start, prevEnd()) };
    }
    return fail(op, `expected "=", "+=", "-=", "++", "--" or a call after "${source.slice(start.offset, prevEnd().offset)}", found ${describe(op)}`);
  }

  /** Operators of precedence `loosest` or tighter, left-associative (precedence climbing: one
   *  call a parenthesis, not one a precedence level, to spare the stack). */
  function expression(loosest = 0): Expr {
    const outer = deepest;
    deepest = depth;
    let left = unary();
    let chain = deepest; // the deepest level inside `left`
    for (;;) {
      const level = peek().kind === "punct" ? PRECEDENCE.get(peek().text) : undefined;
      if (level === undefined || level < loosest) break;
      const opToken = tokens[i++];
      deepest = depth;
      const right = inside(opToken, () => expression(level + 1));
      // The tree leans left, `(a + b) + c`: all of `left` goes one level deeper.
      chain = Math.max(chain + 1, deepest);
      if (chain > MAX_NESTING) tooDeep(opToken);
      left = { kind: "binary", op: opToken.text as BinaryOp, left, right, span: span(left.span.start, right.span.end) };
    }
    deepest = Math.max(outer, chain);
    return left;
  }

  function unary(): Expr {
    const t = peek();
    if (is("!") || is("-")) {
      i++;
      const operand = inside(t, unary);
      if (t.text === "-" && operand.kind === "int") {
        return { kind: "int", value: -operand.value | 0, span: span(t.start, operand.span.end) };
      }
      return { kind: "unary", op: t.text as "!" | "-", operand, span: span(t.start, operand.span.end) };
    }
    return postfix();
  }

  function args(): Expr[] {
    const open = peek();
    expect("(");
    return inside(open, () => {
      const list: Expr[] = [];
      if (!is(")")) {
        list.push(expression());
        while (is(",")) {
          i++;
          list.push(expression());
        }
      }
      expect(")", `")" to close the call`);
      return list;
    });
  }

  function postfix(): Expr {
    const t = peek();
    if (t.kind !== "ident") return primary();
    i++;
    const nameSpan = span(t.start, t.end);
    if (is("(")) {
      const call: CallExpr = { kind: "call", callee: t.text, calleeSpan: nameSpan, args: args(), span: nameSpan };
      call.span = span(t.start, prevEnd());
      return call;
    }
    let place: Place = { kind: "name", name: t.text, span: nameSpan };
    if (is("[")) {
      const index = inside(tokens[i++], () => {
        const inner = expression();
        expect("]");
        return inner;
      });
      place = { kind: "index", target: place, index, span: span(t.start, prevEnd()) };
    }
    if (is(".")) {
      i++;
      const m = peek();
      if (m.kind !== "ident") fail(m, `expected a method name after ".", found ${describe(m)}`);
      i++;
      if (!is("(")) fail(peek(), `expected "(" after ".${m.text}": methods are called, like ${t.text}.${m.text}()`);
      const method: MethodExpr = {
        kind: "method",
        object: place,
        method: m.text,
        methodSpan: span(m.start, m.end),
        args: args(),
        span: nameSpan,
      };
      method.span = span(t.start, prevEnd());
      return method;
    }
    return place;
  }

  function primary(): Expr {
    const t = peek();
    if (t.kind === "int") {
      i++;
      return { kind: "int", value: Number(t.text) | 0, span: span(t.start, t.end) };
    }
    if (t.kind === "keyword" && (t.text === "true" || t.text === "false")) {
      i++;
      return { kind: "bool", value: t.text === "true", span: span(t.start, t.end) };
    }
    if (is("(")) {
      return inside(tokens[i++], () => {
        const inner = expression();
        expect(")");
        return inner;
      });
    }
    return fail(t, `expected a value, found ${describe(t)}`);
  }

  const body: Stmt[] = [];
  while (peek().kind !== "eof") {
    if (is("}")) {
      errors.push({ code: "syntax", message: `unexpected "}" with no block to close`, ...at(peek()) });
      i++;
      continue;
    }
    statementInto(body);
  }
  return { body, errors };
}

function at(t: Token) {
  return { line: t.start.line, column: t.start.column, length: Math.max(1, t.end.offset - t.start.offset) };
}

/** Code over the length limit is not read at all: one error, where the limit is passed. */
function tooLong(source: string): CodeError {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < MAX_CODE_LENGTH; k++) {
    if (source.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  const n = (x: number) => x.toLocaleString("en");
  return {
    code: "code-too-long",
    message: `a thread's code may be at most ${n(MAX_CODE_LENGTH)} characters, but this one has ${n(source.length)}; the limit is passed here`,
    line,
    column: MAX_CODE_LENGTH - lineStart + 1,
    length: 1,
  };
}
