// Thread code shown in another language: the level's syntax tree walked once, each statement
// turned into the target language's text by a Dialect, and laid out so that a statement stays on
// the line it has in the level wherever the target allows. Presentation only: what a statement
// means, and how many steps it takes, stay the level's (the engine decides those).

import type { BinaryOp, CallExpr, Expr, MethodExpr, Place, Stmt } from "../lang/ast";
import { lex, type Token } from "../lang/lexer";
import { comments, commentLine, layout, type Chunk, type ChunkKind } from "./layout";
import { parseThreadCode } from "../lang/parser";
import { own } from "../own";
import type { LevelSpec, SharedDecl, SyncDecl } from "../level";
import type { ValueType } from "../lang/check";

export { LANGUAGES, TARGET_LANGUAGES, LANGUAGE_LABELS, type Language, type TargetLanguage } from "./languages";
import type { TargetLanguage } from "./languages";

/** Where a statement of the level landed in the rendering: 0-based line, columns [from, to). */
export interface StatementPlace {
  line: number;
  from: number;
  to: number;
}

export interface RenderedCode {
  lines: string[];
  /** Keyed by the statement's start offset in the level's code (StatementInfo.span.start.offset). */
  statements: Map<number, StatementPlace>;
}

export interface RenderedLevel {
  language: TargetLanguage;
  /** The shared declarations, with notes where the language lacks a primitive. */
  declarations: string[];
  /** One per `threads` entry of the level (copies share their code). */
  threads: RenderedCode[];
}

// ---- What a name means ------------------------------------------------------------------------

export type SharedName =
  | { kind: "var"; type: ValueType; array: boolean; length: number; atomic: boolean; initial: number | boolean | (number | boolean)[] }
  | { kind: "object"; decl: SyncDecl; array: boolean; count: number };

export interface RenderScope {
  spec: LevelSpec;
  shared: Map<string, SharedName>;
  noops: ReadonlySet<string>;
  /** How many conditions each mutex has (a C# monitor has one wait set per object). */
  conditionsOf: Map<string, string[]>;
  /** A level name as the target language can spell it (`lock` is `@lock` in C#, `pass_` in Python). */
  ident(name: string): string;
}

/** A shared variable or array element as the dialect needs it. */
export interface PlaceRef {
  name: string;
  /** The rendered index expression, for an array element. */
  index: string | null;
  type: ValueType;
  atomic: boolean;
}

/** A synchronization object (or element of an object array) as the dialect needs it. */
export interface ObjectRef {
  name: string;
  /** `forks[id]` or `m`, in the target language. */
  text: string;
  decl: SyncDecl;
  scope: RenderScope;
}

/** A rendered expression: text, or text with its precedence when it is not a single term
 *  (`pthread_mutex_trylock(&m) == 0`), so the printer can parenthesize it. */
export type Out = string | { text: string; prec: number };
type Fn = (o: ObjectRef, args: string[], asStatement: boolean) => Out;

/** Every method of every object type: a missing rendering is a type error (and a test checks
 *  this against the checker's table). */
export interface MethodTable {
  mutex: { lock: Fn; unlock: Fn; tryLock: Fn };
  semaphore: { wait: Fn; signal: Fn };
  condition: { wait: Fn; signal: Fn; broadcast: Fn };
  barrier: { wait: Fn };
  countdown: { countDown: Fn; wait: Fn };
  event: { set: Fn; reset: Fn; wait: Fn };
  rwlock: { readLock: Fn; readUnlock: Fn; writeLock: Fn; writeUnlock: Fn };
  queue: { enqueue: Fn; dequeue: Fn; size: Fn };
}

export const BUILTINS = ["atomic_add", "atomic_exchange", "atomic_cas", "assert", "critical_section", "exit", "fence"] as const;
export type Builtin = (typeof BUILTINS)[number];

/** How a target language spells things. Expressions arrive already rendered. */
export interface Dialect {
  language: TargetLanguage;
  /** Words the language reserves; a level name that is one is spelt with `escape`. */
  reserved: ReadonlySet<string>;
  escape(name: string): string;
  /** Python: blocks by indentation, no semicolons. */
  indented: boolean;
  lineComment: string;
  ops: Record<BinaryOp, string>;
  not: string;
  bool(value: boolean): string;
  read(p: PlaceRef): string;
  /** `x = v`, without the terminator. */
  write(p: PlaceRef, value: string): string;
  /** `x += v` / `x -= v`: a read, then a write (two steps in the level, never an atomic RMW). */
  update(p: PlaceRef, op: "+" | "-", value: string, operand: string): string;
  decl(type: ValueType, name: string, init: string | null): string;
  /** `x++` / `x--` on a shared variable: a read, then a write. */
  step(p: PlaceRef, op: "++" | "--"): string;
  builtins: Record<Builtin, (args: string[], places: (PlaceRef | null)[], asStatement: boolean) => Out>;
  noop(name: string): string;
  methods: MethodTable;
  ifHeader(cond: string): string;
  elseIfHeader(cond: string): string;
  elseHeader: string;
  whileHeader(cond: string): string;
  breakStmt: string;
  continueStmt: string;
  declarations(scope: RenderScope): string[];
}

export function renderScope(spec: LevelSpec, d?: Dialect): RenderScope {
  const shared = new Map<string, SharedName>();
  const conditionsOf = new Map<string, string[]>();
  for (const [name, decl] of Object.entries(spec.shared)) shared.set(name, sharedName(decl));
  for (const [name, decl] of Object.entries(spec.shared)) {
    if (typeof decl === "object" && !Array.isArray(decl) && decl.type === "condition") {
      conditionsOf.set(decl.mutex, [...(conditionsOf.get(decl.mutex) ?? []), name]);
    }
  }
  // A variable that any thread uses with atomic_* is declared atomic in languages that need it.
  for (const t of spec.threads) {
    walk(parseThreadCode(t.code).body, (e) => {
      if (e.kind === "call" && e.callee.startsWith("atomic_") && e.args[0]) {
        const a = e.args[0];
        const name = a.kind === "name" ? a.name : a.kind === "index" ? a.target.name : null;
        const s = name === null ? undefined : shared.get(name);
        if (s?.kind === "var") s.atomic = true;
      }
    });
  }
  const ident = (name: string) => (d && d.reserved.has(name) ? d.escape(name) : name);
  return { spec, shared, noops: new Set(spec.noops), conditionsOf, ident };
}

function sharedName(decl: SharedDecl): SharedName {
  if (typeof decl === "number") return { kind: "var", type: "int", array: false, length: 1, atomic: false, initial: decl };
  if (typeof decl === "boolean") return { kind: "var", type: "bool", array: false, length: 1, atomic: false, initial: decl };
  if (Array.isArray(decl)) {
    return { kind: "var", type: typeof decl[0] === "boolean" ? "bool" : "int", array: true, length: decl.length, atomic: false, initial: [...decl] };
  }
  return { kind: "object", decl, array: decl.count !== undefined, count: decl.count ?? 1 };
}

function walk(body: Stmt[], visit: (e: Expr) => void) {
  const expr = (e: Expr): void => {
    visit(e);
    switch (e.kind) {
      case "index": return expr(e.index);
      case "unary": return expr(e.operand);
      case "binary": expr(e.left); return expr(e.right);
      case "call": return e.args.forEach(expr);
      case "method": if (e.object.kind === "index") expr(e.object.index); return e.args.forEach(expr);
      default: return;
    }
  };
  for (const s of body) {
    switch (s.kind) {
      case "decl": if (s.init) expr(s.init); break;
      case "assign": expr(s.target); expr(s.value); break;
      case "incdec": expr(s.target); break;
      case "if": expr(s.cond); walk(s.then, visit); if (s.else) walk(s.else, visit); break;
      case "while": expr(s.cond); walk(s.body, visit); break;
      case "call": expr(s.call); break;
      case "break": case "continue": break;
      default: assertNever(s);
    }
  }
}

export function assertNever(x: never): never {
  throw new Error(`unhandled: ${JSON.stringify(x)}`);
}

// ---- Expressions ------------------------------------------------------------------------------

interface Printed {
  text: string;
  prec: number;
}

const ATOM = 9;
const C_PREC: Record<BinaryOp, number> = {
  "||": 1, "&&": 2, "==": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4, "+": 5, "-": 5, "*": 6, "/": 6, "%": 6,
};
// Python: `not` sits between `and` and the comparisons, and the comparisons chain (so a
// comparison inside a comparison always gets parentheses).
const PY_PREC: Record<BinaryOp, number> = { ...C_PREC, "<": 3, "<=": 3, ">": 3, ">=": 3 };
const PY_NOT = 2.5;
const COMPARISON = new Set<BinaryOp>(["==", "!=", "<", "<=", ">", ">="]);

const printed = (o: Out): Printed => (typeof o === "string" ? { text: o, prec: ATOM } : o);

class Printer {
  constructor(private d: Dialect, private scope: RenderScope) {}

  private wrap(p: Printed, min: number): string {
    return p.prec < min ? `(${p.text})` : p.text;
  }

  text(e: Expr): string {
    return this.expr(e).text;
  }

  expr(e: Expr): Printed {
    const d = this.d;
    switch (e.kind) {
      case "int": return { text: String(e.value), prec: e.value < 0 ? 7 : ATOM };
      case "bool": return { text: d.bool(e.value), prec: ATOM };
      case "name":
      case "index": {
        const p = this.place(e);
        return { text: p ? d.read(p) : this.rawPlace(e), prec: ATOM };
      }
      case "unary": {
        const inner = this.expr(e.operand);
        if (e.op === "-") return { text: `-${inner.prec <= 7 ? `(${inner.text})` : inner.text}`, prec: 7 };
        if (d.indented) return { text: `${d.not}${this.wrap(inner, 7)}`, prec: PY_NOT };
        return { text: `${d.not}${this.wrap(inner, 7)}`, prec: 7 };
      }
      case "binary": {
        const table = d.indented ? PY_PREC : C_PREC;
        const p = table[e.op];
        const nonAssoc = d.indented && COMPARISON.has(e.op);
        const left = this.wrap(this.expr(e.left), nonAssoc ? p + 1 : p);
        const right = this.wrap(this.expr(e.right), p + 1);
        return { text: `${left} ${d.ops[e.op]} ${right}`, prec: p };
      }
      case "call": return printed(this.call(e, false));
      case "method": return printed(this.method(e, false));
      default: return assertNever(e);
    }
  }

  /** A local, `id`, or an array element of a local-free name, as written. */
  private rawPlace(p: Place): string {
    const id = this.scope.ident;
    return p.kind === "name" ? id(p.name) : `${id(p.target.name)}[${this.text(p.index)}]`;
  }

  /** A shared variable or element; null for locals and `id`. */
  place(p: Place): PlaceRef | null {
    const name = p.kind === "name" ? p.name : p.target.name;
    const s = this.scope.shared.get(name);
    if (!s || s.kind !== "var") return null;
    return { name: this.scope.ident(name), index: p.kind === "index" ? this.text(p.index) : null, type: s.type, atomic: s.atomic };
  }

  call(e: CallExpr, asStatement: boolean): Out {
    const builtin = (BUILTINS as readonly string[]).includes(e.callee) ? (e.callee as Builtin) : null;
    if (!builtin) return this.d.noop(this.scope.ident(e.callee));
    const places = e.args.map((a, k) => (k === 0 && (a.kind === "name" || a.kind === "index") ? this.place(a) : null));
    return this.d.builtins[builtin](e.args.map((a) => this.text(a)), places, asStatement);
  }

  method(e: MethodExpr, asStatement: boolean): Out {
    const name = e.object.kind === "name" ? e.object.name : e.object.target.name;
    const s = this.scope.shared.get(name);
    const fn = s?.kind === "object" ? own(this.d.methods[s.decl.type] as Record<string, Fn>, e.method) : undefined;
    if (!s || s.kind !== "object" || !fn) return `${this.rawPlace(e.object)}.${e.method}(${e.args.map((a) => this.text(a)).join(", ")})`;
    const o: ObjectRef = { name: this.scope.ident(name), text: this.rawPlace(e.object), decl: s.decl, scope: this.scope };
    return fn(o, e.args.map((a) => this.text(a)), asStatement);
  }
}

// ---- Layout -----------------------------------------------------------------------------------

export function renderThread(code: string, d: Dialect, scope: RenderScope): RenderedCode {
  const { body } = parseThreadCode(code);
  const tokens = lex(code);
  const printer = new Printer(d, scope);
  const chunks: Chunk[] = [];
  const blocks: [number, number][] = []; // [open, close) offsets of every block, for comment depth

  const lineAt = (offset: number) => {
    let line = 1;
    for (let i = 0; i < offset && i < code.length; i++) if (code[i] === "\n") line++;
    return line;
  };
  const tokenAfter = (offset: number, text: string): Token | undefined =>
    tokens.find((t) => t.start.offset >= offset && t.text === text && (t.kind === "punct" || t.kind === "keyword"));
  const close = (at: number, depth: number, empty: boolean) => {
    if (d.indented) {
      if (empty) chunks.push({ offset: at - 0.5, line: lineAt(at), depth: depth + 1, kind: "simple", text: "pass" });
      return;
    }
    chunks.push({ offset: at, line: lineAt(at), depth, kind: "close", text: "}" });
  };
  const end = d.indented ? "" : ";";
  const simple = (s: Stmt, depth: number, text: string): void =>
    void chunks.push({ offset: s.span.start.offset, line: s.span.start.line, depth, kind: "simple", text: text + end, key: s.span.start.offset });
  const header = (s: Stmt, depth: number, text: string, kind: ChunkKind = "header"): void =>
    void chunks.push({ offset: s.span.start.offset, line: s.span.start.line, depth, kind, text, tail: d.indented ? ":" : " {", key: s.span.start.offset });

  const statements = (list: Stmt[], depth: number) => list.forEach((s) => statement(s, depth, false));

  function statement(s: Stmt, depth: number, elseIf: boolean): void {
    switch (s.kind) {
      case "decl":
        return simple(s, depth, d.decl(s.type, scope.ident(s.name), s.init ? printer.text(s.init) : null));
      case "assign": {
        const p = printer.place(s.target);
        const value = printer.text(s.value);
        if (s.op === "=") return simple(s, depth, p ? d.write(p, value) : `${printer.text(s.target)} = ${value}`);
        const op = s.op === "+=" ? "+" : "-";
        const operand = printer.expr(s.value).prec <= 5 ? `(${value})` : value;
        return simple(s, depth, p ? d.update(p, op, value, operand) : `${printer.text(s.target)} ${s.op} ${value}`);
      }
      case "incdec": {
        const p = printer.place(s.target);
        if (p) return simple(s, depth, d.step(p, s.op));
        return simple(s, depth, d.indented ? `${printer.text(s.target)} ${s.op[0]}= 1` : `${printer.text(s.target)}${s.op}`);
      }
      case "if": {
        const cond = printer.text(s.cond);
        header(s, depth, elseIf ? d.elseIfHeader(cond) : d.ifHeader(cond), elseIf ? "clause" : "header");
        const thenFrom = s.then.length > 0 ? s.then[s.then.length - 1].span.end.offset : s.header.end.offset;
        const thenClose = tokenAfter(thenFrom, "}")?.start.offset ?? s.span.end.offset - 1;
        blocks.push([s.header.end.offset, thenClose]);
        statements(s.then, depth + 1);
        if (!s.else) return close(thenClose, depth, s.then.length === 0);
        const elseTok = tokenAfter(thenClose, "else");
        const elseAt = elseTok?.start.offset ?? thenClose;
        if (d.indented) close(thenClose, depth, s.then.length === 0);
        else chunks.push({ offset: thenClose, line: lineAt(thenClose), depth, kind: "close", text: "}" });
        const nested = s.else.length === 1 && s.else[0].kind === "if" && s.else[0].span.start.offset > elseAt && !code.slice(elseAt + 4, s.else[0].span.start.offset).includes("{");
        if (nested) {
          if (!d.indented) chunks.push({ offset: elseAt, line: lineAt(elseAt), depth, kind: "clause", text: "else" });
          return statement(s.else[0], depth, true);
        }
        chunks.push({ offset: elseAt, line: lineAt(elseAt), depth, kind: "clause", text: d.elseHeader, tail: d.indented ? ":" : " {" });
        const last = s.span.end.offset - 1;
        blocks.push([elseAt, last]);
        statements(s.else, depth + 1);
        return close(last, depth, s.else.length === 0);
      }
      case "while": {
        header(s, depth, d.whileHeader(printer.text(s.cond)));
        const last = s.span.end.offset - 1;
        blocks.push([s.header.end.offset, last]);
        statements(s.body, depth + 1);
        return close(last, depth, s.body.length === 0);
      }
      case "break":
        return simple(s, depth, d.breakStmt);
      case "continue":
        return simple(s, depth, d.continueStmt);
      case "call":
        return simple(s, depth, printed(s.call.kind === "call" ? printer.call(s.call, true) : printer.method(s.call, true)).text);
      default:
        return assertNever(s);
    }
  }

  statements(body, 0);
  for (const c of comments(code, tokens)) {
    const depth = blocks.filter(([a, b]) => c.offset > a && c.offset < b).length;
    c.text.split("\n").forEach((part, k) => {
      const text = commentLine(part, k, d);
      if (text !== null) chunks.push({ offset: c.offset + k * 0.001, line: c.line + k, depth, kind: "comment", text });
    });
  }
  chunks.sort((a, b) => a.offset - b.offset);
  return layout(chunks, d, code.split("\n").length);
}

// ---- A whole level ----------------------------------------------------------------------------

export function renderLevel(spec: LevelSpec, d: Dialect): RenderedLevel {
  const scope = renderScope(spec, d);
  return { language: d.language, declarations: d.declarations(scope), threads: spec.threads.map((t) => renderThread(t.code, d, scope)) };
}
