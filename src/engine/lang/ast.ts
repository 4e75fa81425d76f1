// The thread language's syntax tree: one discriminated union for expressions and one for
// statements. Every node carries its source span (1-based line and column, 0-based offset)
// so the checker, the compiler and the UI can point at the exact characters.

export interface Pos {
  line: number;
  column: number;
  offset: number;
}

/** `end` is exclusive. */
export interface Span {
  start: Pos;
  end: Pos;
}

export type BinaryOp =
  | "+" | "-" | "*" | "/" | "%"
  | "==" | "!=" | "<" | "<=" | ">" | ">="
  | "&&" | "||";

export type Expr =
  | { kind: "int"; value: number; span: Span }
  | { kind: "bool"; value: boolean; span: Span }
  | { kind: "name"; name: string; span: Span }
  | { kind: "index"; target: NameExpr; index: Expr; span: Span }
  | { kind: "unary"; op: "!" | "-"; operand: Expr; span: Span }
  | { kind: "binary"; op: BinaryOp; left: Expr; right: Expr; span: Span }
  | CallExpr
  | MethodExpr;

export type NameExpr = Extract<Expr, { kind: "name" }>;
export type IndexExpr = Extract<Expr, { kind: "index" }>;
/** Something that can be assigned to: a variable or an array element. */
export type Place = NameExpr | IndexExpr;

/** A free function: `atomic_add(x, 1)`, `assert(e)`, `critical_section()`, a noop. */
export interface CallExpr {
  kind: "call";
  callee: string;
  calleeSpan: Span;
  args: Expr[];
  span: Span;
}

/** A method on a synchronization object: `m.lock()`, `forks[id].unlock()`, `q.size()`. */
export interface MethodExpr {
  kind: "method";
  object: Place;
  method: string;
  methodSpan: Span;
  args: Expr[];
  span: Span;
}

export type Stmt =
  | { kind: "decl"; type: "int" | "bool"; name: string; nameSpan: Span; init: Expr | null; span: Span }
  | { kind: "assign"; target: Place; op: "=" | "+=" | "-="; value: Expr; span: Span }
  | { kind: "incdec"; target: Place; op: "++" | "--"; span: Span }
  | { kind: "if"; cond: Expr; then: Stmt[]; else: Stmt[] | null; span: Span; header: Span }
  | { kind: "while"; cond: Expr; body: Stmt[]; span: Span; header: Span }
  | { kind: "break"; span: Span }
  | { kind: "continue"; span: Span }
  | { kind: "call"; call: CallExpr | MethodExpr; span: Span };

export type StmtKind = Stmt["kind"];
