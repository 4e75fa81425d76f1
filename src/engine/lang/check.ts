// The checker: resolves every name to a shared variable, a synchronization object or a local,
// and checks types, methods and arguments. It reports every problem it finds, at the exact
// characters, in words an instructor can act on; the compiler only ever sees checked code.

import { own } from "../own";
import type { CallExpr, Expr, MethodExpr, NameExpr, Place, Span, Stmt } from "./ast";
import type { CodeError } from "./parser";

export type ValueType = "int" | "bool";
export type SyncType = "mutex" | "semaphore" | "condition" | "barrier" | "countdown" | "event" | "rwlock" | "queue";

export type SharedSymbol =
  | { kind: "shared"; name: string; type: ValueType; array: boolean; length: number }
  | { kind: "object"; name: string; type: SyncType; array: boolean; count: number };

export type LocalSymbol = { kind: "local"; name: string; type: ValueType; slot: number };
export type ThreadSymbol = SharedSymbol | LocalSymbol | { kind: "id" };

export interface SharedEnv {
  symbols: ReadonlyMap<string, SharedSymbol>;
  noops: ReadonlySet<string>;
}

interface MethodSig {
  args: ValueType[];
  returns: ValueType | "void";
}

const v = (returns: ValueType | "void", args: ValueType[] = []): MethodSig => ({ args, returns });

export const METHODS: Record<SyncType, Record<string, MethodSig>> = {
  mutex: { lock: v("void"), unlock: v("void"), tryLock: v("bool") },
  semaphore: { wait: v("void"), signal: v("void") },
  condition: { wait: v("void"), signal: v("void"), broadcast: v("void") },
  barrier: { wait: v("void") },
  countdown: { countDown: v("void"), wait: v("void") },
  event: { set: v("void"), reset: v("void"), wait: v("void") },
  rwlock: { readLock: v("void"), readUnlock: v("void"), writeLock: v("void"), writeUnlock: v("void") },
  queue: { enqueue: v("void", ["int"]), dequeue: v("int"), size: v("int") },
};

export const ATOMICS: Record<string, MethodSig> = {
  atomic_add: v("int", ["int"]),
  atomic_exchange: v("int", ["int"]),
  atomic_cas: v("bool", ["int", "int"]),
};
export const MARKERS = new Set(["critical_section", "exit", "fence"]);

const ARTICLE: Record<string, string> = { int: "an int", bool: "a bool", rwlock: "an rwlock", event: "an event" };
const a = (what: string) => own(ARTICLE, what) ?? `a ${what}`;

/** What the checker learned, for the compiler: which symbol each name and declaration means. */
export interface Resolution {
  names: Map<NameExpr, ThreadSymbol>;
  decls: Map<Stmt, LocalSymbol>;
  types: Map<Expr, ValueType | "void">;
  locals: LocalSymbol[];
}

export function checkThread(body: Stmt[], env: SharedEnv): { errors: CodeError[]; resolution: Resolution } {
  const errors: CodeError[] = [];
  const resolution: Resolution = { names: new Map(), decls: new Map(), types: new Map(), locals: [] };
  const scopes: Map<string, LocalSymbol>[] = [new Map()];
  let loopDepth = 0;

  const report = (code: string, message: string, span: Span) => {
    errors.push({
      code,
      message,
      line: span.start.line,
      column: span.start.column,
      length: Math.max(1, span.end.offset - span.start.offset),
    });
  };

  const lookup = (name: string): ThreadSymbol | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const local = scopes[i].get(name);
      if (local) return local;
    }
    if (name === "id") return { kind: "id" };
    return env.symbols.get(name);
  };

  const undeclared = (n: NameExpr) => {
    const known = [...env.symbols.keys(), ...scopes.flatMap((s) => [...s.keys()]), "id"];
    const guess = known.find((k) => editDistance(k, n.name) <= Math.min(2, Math.floor(k.length / 3)));
    report("undeclared-name", `undeclared name "${n.name}"${guess ? ` (did you mean "${guess}"?)` : ""}`, n.span);
  };

  /** Resolves a place used as a value or an assignment target; returns its value type. */
  function place(p: Place, use: "read" | "write" | "atomic"): ValueType | undefined {
    const nameExpr = p.kind === "name" ? p : p.target;
    const sym = lookup(nameExpr.name);
    if (!sym) {
      if (env.noops.has(nameExpr.name)) {
        report("not-a-value", `"${nameExpr.name}" is a noop: call it as a statement, like ${nameExpr.name}();`, nameExpr.span);
      } else {
        undeclared(nameExpr);
      }
      if (p.kind === "index") expectType(p.index, "int", "an array index");
      return undefined;
    }
    resolution.names.set(nameExpr, sym);
    if (p.kind === "index") {
      expectType(p.index, "int", "an array index");
      if (sym.kind !== "shared" || !sym.array) {
        const what = sym.kind === "object" ? `${a(sym.type)}${sym.array ? " array" : ""}` : sym.kind === "id" ? "an int" : a(sym.type);
        report("not-an-array", `"${nameExpr.name}" is ${what}, not an array of values`, nameExpr.span);
        return undefined;
      }
    } else if (sym.kind === "shared" && sym.array) {
      report("not-a-value", `"${nameExpr.name}" is an array; use one element, like ${nameExpr.name}[0]`, nameExpr.span);
      return undefined;
    }
    if (sym.kind === "object") {
      report("not-a-value", `"${nameExpr.name}" is ${a(sym.type)}; use it through its methods, like ${example(nameExpr.name, sym)}`, nameExpr.span);
      return undefined;
    }
    if (use !== "read" && sym.kind === "id") {
      report("read-only", `"id" is read-only: it tells the copies of a thread apart`, nameExpr.span);
      return "int";
    }
    if (use === "atomic" && sym.kind !== "shared") {
      report("type-mismatch", `atomic operations work on shared ints, but "${nameExpr.name}" is a local`, nameExpr.span);
      return undefined;
    }
    return sym.kind === "id" ? "int" : sym.type;
  }

  function expectType(e: Expr, want: ValueType, role: string) {
    const got = expr(e);
    if (got === undefined) return;
    if (got === "void") {
      report("not-a-value", `${callText(e)} returns nothing, so it cannot be used as ${role}`, e.span);
    } else if (got !== want) {
      report("type-mismatch", `${role} must be ${a(want)}, but this is ${a(got)}`, e.span);
    }
  }

  function expr(e: Expr): ValueType | "void" | undefined {
    const t = exprInner(e);
    if (t) resolution.types.set(e, t);
    return t;
  }

  function exprInner(e: Expr): ValueType | "void" | undefined {
    switch (e.kind) {
      case "int":
        return "int";
      case "bool":
        return "bool";
      case "name":
      case "index":
        return place(e, "read");
      case "unary":
        expectType(e.operand, e.op === "!" ? "bool" : "int", `the operand of "${e.op}"`);
        return e.op === "!" ? "bool" : "int";
      case "binary": {
        if (e.op === "&&" || e.op === "||") {
          expectType(e.left, "bool", `each side of "${e.op}"`);
          expectType(e.right, "bool", `each side of "${e.op}"`);
          return "bool";
        }
        if (e.op === "==" || e.op === "!=") {
          const l = expr(e.left);
          const r = expr(e.right);
          if (l === "void" || r === "void") {
            const side = l === "void" ? e.left : e.right;
            report("not-a-value", `${callText(side)} returns nothing, so it cannot be compared`, side.span);
          } else if (l && r && l !== r) {
            report("type-mismatch", `"${e.op}" compares values of one type, but this compares ${a(l)} with ${a(r)}`, e.span);
          }
          return "bool";
        }
        expectType(e.left, "int", `each side of "${e.op}"`);
        expectType(e.right, "int", `each side of "${e.op}"`);
        return e.op === "<" || e.op === "<=" || e.op === ">" || e.op === ">=" ? "bool" : "int";
      }
      case "call":
        return call(e);
      case "method":
        return method(e);
    }
  }

  function arity(e: CallExpr | MethodExpr, name: string, want: number): boolean {
    if (e.args.length === want) return true;
    const s = want === 1 ? "" : "s";
    report("wrong-arguments", `${name} takes ${want === 0 ? "no" : want} argument${s}, but ${e.args.length} ${e.args.length === 1 ? "was" : "were"} given`, e.span);
    return false;
  }

  function call(e: CallExpr): ValueType | "void" | undefined {
    const atomic = own(ATOMICS, e.callee);
    if (atomic) {
      if (!arity(e, e.callee, atomic.args.length + 1)) return atomic.returns;
      const target = e.args[0];
      if (target.kind === "name" || target.kind === "index") {
        const t = place(target, "atomic");
        if (t === "bool") report("type-mismatch", `${e.callee} works on shared ints, but "${nameOf(target)}" is a bool`, target.span);
      } else {
        report("type-mismatch", `the first argument of ${e.callee} must be a shared int variable or array element`, target.span);
      }
      atomic.args.forEach((want, i) => expectType(e.args[i + 1], want, `argument ${i + 2} of ${e.callee}`));
      return atomic.returns;
    }
    if (e.callee === "assert") {
      if (arity(e, "assert", 1)) expectType(e.args[0], "bool", "the condition of an assert");
      return "void";
    }
    if (MARKERS.has(e.callee) || env.noops.has(e.callee)) {
      arity(e, `${e.callee}()`, 0);
      return "void";
    }
    const sym = lookup(e.callee);
    if (sym && sym.kind === "object") {
      report("not-a-function", `"${e.callee}" is ${a(sym.type)}, not a function; call its methods, like ${example(e.callee, sym)}`, e.calleeSpan);
    } else if (sym) {
      report("not-a-function", `"${e.callee}" is a variable, not a function`, e.calleeSpan);
    } else {
      const names = [...Object.keys(ATOMICS), "assert", ...MARKERS, ...env.noops];
      const guess = names.find((k) => editDistance(k, e.callee) <= 2);
      report("unknown-function", `unknown function "${e.callee}"${guess ? ` (did you mean "${guess}"?)` : ""}; declare it in "noops" if it is a call that does nothing`, e.calleeSpan);
    }
    e.args.forEach((arg) => expr(arg));
    return undefined;
  }

  function method(e: MethodExpr): ValueType | "void" | undefined {
    const nameExpr = e.object.kind === "name" ? e.object : e.object.target;
    const sym = lookup(nameExpr.name);
    if (!sym) {
      undeclared(nameExpr);
      e.args.forEach((arg) => expr(arg));
      return undefined;
    }
    resolution.names.set(nameExpr, sym);
    if (sym.kind !== "object") {
      const what = sym.kind === "id" ? "an int" : sym.kind === "shared" && sym.array ? `an array of ${sym.type}s` : a(sym.type);
      report("unknown-method", `"${nameExpr.name}" is ${what} and has no methods`, nameExpr.span);
      return undefined;
    }
    if (e.object.kind === "index") {
      expectType(e.object.index, "int", "an array index");
      if (!sym.array) report("not-an-array", `"${nameExpr.name}" is one ${sym.type}, not an array; drop the [ ]`, e.object.span);
    } else if (sym.array) {
      report("not-an-array", `"${nameExpr.name}" is an array of ${sym.count} ${plural(sym.type)}; pick one, like ${nameExpr.name}[0].${e.method}()`, nameExpr.span);
    }
    const table = METHODS[sym.type];
    const sig = own(table, e.method);
    if (!sig) {
      const list = Object.keys(table);
      const listed = list.length === 1 ? list[0] : `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
      report("unknown-method", `${a(sym.type)} has no method "${e.method}"; ${list.length === 1 ? "its method is" : "its methods are"} ${listed}`, e.methodSpan);
      e.args.forEach((arg) => expr(arg));
      return undefined;
    }
    if (arity(e, `${e.method}()`, sig.args.length)) {
      sig.args.forEach((want, i) => expectType(e.args[i], want, `the argument of ${e.method}`));
    }
    return sig.returns;
  }

  function statements(body: Stmt[]) {
    scopes.push(new Map());
    for (const s of body) statement(s);
    scopes.pop();
  }

  function statement(s: Stmt) {
    switch (s.kind) {
      case "decl": {
        if (s.init) expectType(s.init, s.type, `the value of "${s.name}"`);
        if (s.name === "id") {
          report("redeclared", `"id" is already the thread's copy number; pick another name`, s.nameSpan);
        } else if (env.symbols.has(s.name)) {
          report("redeclared", `"${s.name}" is already a shared ${env.symbols.get(s.name)!.kind === "object" ? "object" : "variable"}; a local needs another name`, s.nameSpan);
        } else if (lookup(s.name)) {
          report("redeclared", `"${s.name}" is already declared in this thread`, s.nameSpan);
        } else if (env.noops.has(s.name)) {
          report("redeclared", `"${s.name}" is already a noop; a local needs another name`, s.nameSpan);
        }
        const sym: LocalSymbol = { kind: "local", name: s.name, type: s.type, slot: resolution.locals.length };
        resolution.locals.push(sym);
        resolution.decls.set(s, sym);
        scopes[scopes.length - 1].set(s.name, sym);
        return;
      }
      case "assign": {
        const t = place(s.target, "write");
        if (s.op === "=") {
          if (t) expectType(s.value, t, `the value assigned to "${nameOf(s.target)}"`);
          else expr(s.value);
        } else {
          if (t === "bool") report("type-mismatch", `"${s.op}" works on ints, but "${nameOf(s.target)}" is a bool`, s.target.span);
          expectType(s.value, "int", `the right side of "${s.op}"`);
        }
        return;
      }
      case "incdec": {
        const t = place(s.target, "write");
        if (t === "bool") report("type-mismatch", `"${s.op}" works on ints, but "${nameOf(s.target)}" is a bool`, s.target.span);
        return;
      }
      case "if":
        expectType(s.cond, "bool", `the condition of an "if"`);
        statements(s.then);
        if (s.else) statements(s.else);
        return;
      case "while":
        expectType(s.cond, "bool", `the condition of a "while"`);
        loopDepth++;
        statements(s.body);
        loopDepth--;
        return;
      case "break":
      case "continue":
        if (loopDepth === 0) report("misplaced", `"${s.kind}" is only allowed inside a while loop`, s.span);
        return;
      case "call":
        // A call that returns a value may stand alone: an atomic_add whose result is unused.
        expr(s.call);
        return;
    }
  }

  statements(body);
  return { errors, resolution };
}

function plural(type: SyncType): string {
  return type === "mutex" ? "mutexes" : `${type}s`;
}

function nameOf(p: Place): string {
  return p.kind === "name" ? p.name : p.target.name;
}

function callText(e: Expr): string {
  if (e.kind === "method") return `${nameOf(e.object)}${e.object.kind === "index" ? "[…]" : ""}.${e.method}()`;
  if (e.kind === "call") return `${e.callee}()`;
  return "this";
}

function example(name: string, sym: { type: SyncType; array: boolean }): string {
  const first = Object.keys(METHODS[sym.type])[0];
  return `${name}${sym.array ? "[0]" : ""}.${first}()`;
}

export function editDistance(x: string, y: string): number {
  const row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (x[i - 1] === y[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[y.length];
}
