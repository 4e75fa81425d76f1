// Compiles a validated level into a Program: allocates the packed state, parses and checks
// every thread's code, and turns each statement into instructions whose accesses to shared
// state mark the steps, exactly as the level format's atomicity rules count them. Errors in code
// are placed inside their code string, and, given a placer (source-map.ts), in the file too.

import type { JsonPath } from "./json-position";
import type { Expr, MethodExpr, CallExpr, Place, Span, Stmt } from "./lang/ast";
import { checkThread, type Resolution, type SharedEnv, type SharedSymbol, type SyncType } from "./lang/check";
import { parseThreadCode, type CodeError } from "./lang/parser";
import { expandThreadNames, type LevelSpec, type SyncDecl } from "./level";
import { own } from "./own";
import * as I from "./program";
import type { Descriptor, LocalInfo, Program, StatementInfo, ThreadLayout } from "./program";
import { err, formatPath, ok, type LevelError, type Result } from "./result";
import type { CodePlacer } from "./source-map";

const OBJECT_SIZE: Record<SyncType, (d: SyncDecl, threads: number) => number> = {
  mutex: () => 1, // owner + 1, or 0 when free
  semaphore: () => 1, // value
  condition: (_d, n) => 1 + n, // wait set: length, then thread numbers in arrival order
  barrier: () => 1, // arrivals
  countdown: () => 1, // value
  event: () => 1, // set
  rwlock: () => 2, // writer + 1, bit mask of readers
  queue: (d) => 2 + (d as Extract<SyncDecl, { type: "queue" }>).capacity, // busy thread + 1, length, items
};

type SymbolTable = Map<string, SharedSymbol & { desc: number }>;

/** Descriptors and symbols of the shared state, laid out from slot 0; `slot` is where it ends. */
function layoutShared(spec: LevelSpec, nThreads: number): { descriptors: Descriptor[]; symbols: SymbolTable; slot: number } {
  const descriptors: Descriptor[] = [];
  const symbols: SymbolTable = new Map();
  let slot = 0;
  for (const [name, decl] of Object.entries(spec.shared)) {
    const desc = descriptors.length;
    if (typeof decl === "number" || typeof decl === "boolean" || Array.isArray(decl)) {
      const values = Array.isArray(decl) ? decl : [decl];
      const valueType = typeof values[0] === "boolean" ? "bool" : "int";
      descriptors.push({ name, kind: "var", valueType, array: Array.isArray(decl), base: slot, count: values.length, size: 1, aux: 0 });
      symbols.set(name, { kind: "shared", name, type: valueType, array: Array.isArray(decl), length: values.length, desc });
      slot += values.length;
    } else {
      const size = OBJECT_SIZE[decl.type](decl, nThreads);
      const count = decl.count ?? 1;
      const aux = decl.type === "semaphore" ? (decl.max ?? -1) : decl.type === "barrier" ? decl.parties : decl.type === "queue" ? decl.capacity : 0;
      descriptors.push({
        name, kind: decl.type, array: decl.count !== undefined, base: slot, count, size, aux,
        mutex: decl.type === "condition" ? decl.mutex : undefined,
      });
      symbols.set(name, { kind: "object", name, type: decl.type, array: decl.count !== undefined, count, desc });
      slot += size * count;
    }
  }
  for (const d of descriptors) {
    if (d.kind === "condition") d.aux = descriptors.find((m) => m.name === d.mutex)!.base;
  }
  return { descriptors, symbols, slot };
}

/** Parses and checks one code string against the level's shared state. */
function checkCode(code: string, env: SharedEnv): { body: Stmt[]; resolution?: Resolution; errors: CodeError[] } {
  const parsed = parseThreadCode(code);
  if (parsed.errors.length > 0) return { body: parsed.body, errors: parsed.errors };
  const checked = checkThread(parsed.body, env);
  return { body: parsed.body, resolution: checked.resolution, errors: checked.errors };
}

/** A diagnostic of the code string at `path` as a level error: in the code, and in the file if `place` finds it. */
function codeError(path: JsonPath, e: CodeError, place: CodePlacer | undefined, prefix = ""): LevelError {
  const inFile = place?.(path, e);
  return { code: e.code, message: prefix + e.message, path: formatPath(path), line: e.line, column: e.column, ...(inFile ? { inFile } : {}) };
}

/**
 * Errors in a fix-it level's reference code, each thread's checked as the judge will compile it
 * (against the same shared state and noops), at `fix.reference.NAME`. Empty for other levels.
 */
export function checkReference(spec: LevelSpec, place?: CodePlacer): LevelError[] {
  if (!spec.fix) return [];
  const { symbols } = layoutShared(spec, expandThreadNames(spec.threads).length);
  const env: SharedEnv = { symbols, noops: new Set(spec.noops) };
  const errors: LevelError[] = [];
  for (const name of spec.fix.threads) {
    const code = own(spec.fix.reference, name);
    if (typeof code !== "string") continue; // the loader reported the missing reference
    for (const e of checkCode(code, env).errors) errors.push(codeError(["fix", "reference", name], e, place, "reference fix: "));
  }
  return errors;
}

/** Compiles a validated level; errors in its code come back in the code and, with `place`, in the file. */
export function compileLevel(spec: LevelSpec, place?: CodePlacer): Result<Program, LevelError[]> {
  const names = expandThreadNames(spec.threads);
  const nThreads = names.length;
  const { descriptors, symbols, slot: sharedLength } = layoutShared(spec, nThreads);
  let slot = sharedLength;
  const env: SharedEnv = { symbols, noops: new Set(spec.noops) };

  // Parse and check each `threads` entry once; copies differ only in `id`.
  const errors: LevelError[] = [];
  const checked = spec.threads.map((t, i) => {
    const found = checkCode(t.code, env);
    for (const e of found.errors) errors.push(codeError(["threads", i, "code"], e, place));
    return { body: found.body, resolution: found.resolution };
  });
  if (errors.length > 0) return err(errors);

  const tso = spec.options.memoryModel === "tso";
  const code: number[] = [];
  const registerMaps: { map: number[]; persistent: number; scratch: number }[] = [];
  const statementOf: number[] = [];
  const accessOrdinal: number[] = [];
  const accessLabel: string[] = [];
  const statements: StatementInfo[] = [];
  const threads: ThreadLayout[] = [];
  let threadIndex = 0;
  spec.threads.forEach((t, specIndex) => {
    for (let id = 0; id < (t.count ?? 1); id++) {
      const compiled = new ThreadCompiler(t.code, checked[specIndex].resolution!, symbols, descriptors, id, threadIndex);
      const entry = code.length / I.STRIDE;
      compiled.emitBody(checked[specIndex].body);
      compiled.emit(I.END, [], null);
      compiled.allocateRegisters();
      for (let k = 0; k < compiled.code.length; k += I.STRIDE) {
        const op = compiled.code[k];
        // Jump targets are relative to the thread's code; make them absolute.
        if (op === I.JMP) compiled.code[k + 1] += entry;
        if (op === I.JZ || op === I.JNZ) compiled.code[k + 2] += entry;
        if (op === I.STMT) compiled.code[k + 1] += statements.length;
      }
      // Loops, not push(...spread): a spread passes every item as an argument, and a long
      // thread has more of them than a browser's stack holds.
      for (const x of compiled.code) code.push(x);
      for (const s of compiled.statementOf) statementOf.push(s + statements.length);
      for (const x of compiled.accessOrdinal) accessOrdinal.push(x);
      for (const x of compiled.accessLabel) accessLabel.push(x);
      for (const x of compiled.statements) statements.push(x);
      registerMaps.push(compiled.registerMap);
      threads.push({
        name: names[threadIndex], spec: specIndex, id, entry, base: 0,
        registers: compiled.registers, firstTemp: compiled.locals.length, buffer: -1, locals: compiled.locals,
      });
      threadIndex++;
    }
  });

  const storeBufferSize = spec.options.storeBufferSize;
  for (const th of threads) {
    th.base = slot;
    slot += 2 + th.registers;
    if (tso) {
      th.buffer = slot;
      slot += 1 + 2 * storeBufferSize;
    }
  }
  const stateLength = slot;
  const scratchLength = registerMaps.reduce((most, m) => Math.max(most, m.scratch), 0);
  // Registers become absolute slots: kept ones in the thread's part of the state, the others
  // in the scratch area after it.
  threads.forEach((th, t) => {
    const { map, persistent } = registerMaps[t];
    const end = t + 1 < threads.length ? threads[t + 1].entry : code.length / I.STRIDE;
    for (let pc = th.entry; pc < end; pc++) {
      const o = pc * I.STRIDE;
      const { defs, uses } = I.registerOperands(code[o]);
      for (const k of new Set([...defs, ...uses])) {
        const r = code[o + k];
        if (r < 0) continue;
        const m = map[r];
        code[o + k] = m < persistent ? th.base + 2 + m : stateLength + (m - persistent);
      }
    }
  });

  const initial = new Int32Array(stateLength + scratchLength);
  for (const [name, decl] of Object.entries(spec.shared)) {
    const d = descriptors[symbols.get(name)!.desc];
    if (typeof decl === "number" || typeof decl === "boolean" || Array.isArray(decl)) {
      (Array.isArray(decl) ? decl : [decl]).forEach((value, i) => (initial[d.base + i] = Number(value) | 0));
      continue;
    }
    for (let e = 0; e < d.count; e++) {
      const at = d.base + e * d.size;
      if (decl.type === "semaphore" || decl.type === "countdown") initial[at] = decl.value;
      if (decl.type === "event") initial[at] = decl.set ? 1 : 0;
      if (decl.type === "queue") {
        initial[at + 1] = decl.items.length;
        decl.items.forEach((item, i) => (initial[at + 2 + i] = item | 0));
      }
    }
  }
  for (const th of threads) initial[th.base] = th.entry;

  const codeArray = Int32Array.from(code);
  const critical = new Uint8Array(codeArray.length / I.STRIDE);
  for (let pc = 0; pc < critical.length; pc++) {
    const o = pc * I.STRIDE;
    if (codeArray[o] === I.STMT && (codeArray[o + 2] & I.FLAG_CRITICAL) !== 0) critical[pc] = 1;
  }
  return ok({
    spec, threads, descriptors, code: codeArray,
    statementOf: Int32Array.from(statementOf), accessOrdinal: Int32Array.from(accessOrdinal), accessLabel, statements,
    sharedLength, stateLength, scratchLength, tso, storeBufferSize, spuriousWakeups: spec.options.spuriousWakeups, initial,
    descBase: Int32Array.from(descriptors.map((d) => d.base)),
    descCount: Int32Array.from(descriptors.map((d) => d.count)),
    descSize: Int32Array.from(descriptors.map((d) => d.size)),
    descAux: Int32Array.from(descriptors.map((d) => d.aux)),
    threadBase: Int32Array.from(threads.map((th) => th.base)),
    critical,
  });
}

/** Ops for `object.method()`, by object type. */
const METHOD_OPS: Record<SyncType, Record<string, number[]>> = {
  mutex: { lock: [I.LOCK], unlock: [I.UNLOCK], tryLock: [I.TRYLOCK] },
  semaphore: { wait: [I.SEM_WAIT], signal: [I.SEM_SIGNAL] },
  condition: { wait: [I.COND_WAIT, I.COND_REACQUIRE], signal: [I.COND_SIGNAL], broadcast: [I.COND_BROADCAST] },
  barrier: { wait: [I.BARRIER_WAIT] },
  countdown: { countDown: [I.CD_DOWN], wait: [I.CD_WAIT] },
  event: { set: [I.EV_SET], reset: [I.EV_RESET], wait: [I.EV_WAIT] },
  rwlock: { readLock: [I.RW_RLOCK], readUnlock: [I.RW_RUNLOCK], writeLock: [I.RW_WLOCK], writeUnlock: [I.RW_WUNLOCK] },
  queue: { enqueue: [I.Q_ENQ_BEGIN, I.Q_ENQ_END], dequeue: [I.Q_DEQ_BEGIN, I.Q_DEQ_END], size: [I.Q_SIZE] },
};

const BINARY_OPS: Record<string, number> = {
  "+": I.ADD, "-": I.SUB, "*": I.MUL, "/": I.DIV, "%": I.MOD,
  "==": I.EQ, "!=": I.NE, "<": I.LT, "<=": I.LE, ">": I.GT, ">=": I.GE,
};

/** Emits one thread's instructions. Registers: locals first, then per-statement temporaries. */
class ThreadCompiler {
  code: number[] = [];
  statementOf: number[] = [];
  accessOrdinal: number[] = [];
  accessLabel: string[] = [];
  statements: StatementInfo[] = [];
  locals: LocalInfo[];
  registers: number;
  private nextTemp: number;
  private current = -1;
  private loops: { breaks: number[]; continueTarget: number }[] = [];

  constructor(
    private source: string,
    private resolution: Resolution,
    private symbols: Map<string, SharedSymbol & { desc: number }>,
    private descriptors: Descriptor[],
    private id: number,
    private thread: number,
  ) {
    this.locals = resolution.locals.map((l) => ({ name: l.name, type: l.type, reg: l.slot }));
    this.registers = this.locals.length;
    this.nextTemp = this.locals.length;
  }

  get pc(): number {
    return this.code.length / I.STRIDE;
  }

  emit(op: number, operands: number[], label: string | null): number {
    const at = this.pc;
    this.code.push(op, operands[0] ?? 0, operands[1] ?? 0, operands[2] ?? 0, operands[3] ?? 0);
    this.statementOf.push(Math.max(this.current, 0));
    if (label !== null) {
      const stmt = this.statements[this.current];
      stmt.accesses++;
      this.accessOrdinal.push(stmt.accesses);
    } else {
      this.accessOrdinal.push(0);
    }
    this.accessLabel.push(label ?? "");
    return at;
  }

  /** Old register number -> new: [0, persistent) stay in the state, the rest are scratch. */
  registerMap = { map: [] as number[], persistent: 0, scratch: 0 };

  /** Keeps in the state only the temporaries that live across a step boundary inside their
   *  statement (written before an access that starts a later step, read at or after it). The
   *  others never outlive a step and go to scratch, so equal states stay equal and small. */
  allocateRegisters() {
    const live = new Set<number>();
    const n = this.pc;
    let start = 0;
    while (start < n) {
      let end = start + 1;
      while (end < n && this.code[end * I.STRIDE] !== I.STMT) end++;
      // Within [start, end): one statement; control only jumps forward.
      const boundaries: number[] = [];
      let accesses = 0;
      for (let pc = start; pc < end; pc++) {
        if (I.isAccessOp(this.code[pc * I.STRIDE]) && accesses++ > 0) boundaries.push(pc);
      }
      const firstDef = new Map<number, number>();
      for (let pc = start; pc < end && boundaries.length > 0; pc++) {
        const o = pc * I.STRIDE;
        const { defs, uses } = I.registerOperands(this.code[o]);
        for (const k of uses) {
          const r = this.code[o + k];
          const def = firstDef.get(r);
          if (r >= this.locals.length && def !== undefined && boundaries.some((b) => def < b && b <= pc)) live.add(r);
        }
        for (const k of defs) {
          const r = this.code[o + k];
          if (!firstDef.has(r)) firstDef.set(r, pc);
        }
      }
      start = end;
    }
    const map: number[] = [];
    let persistent = 0;
    for (let r = 0; r < this.locals.length; r++) map[r] = persistent++;
    for (const r of [...live].sort((a, b) => a - b)) map[r] = persistent++;
    let scratch = 0;
    for (let r = this.locals.length; r < this.registers; r++) if (!live.has(r)) map[r] = persistent + scratch++;
    this.registerMap = { map, persistent, scratch };
    this.registers = persistent;
  }

  private temp(): number {
    const r = this.nextTemp++;
    this.registers = Math.max(this.registers, this.nextTemp);
    return r;
  }

  private text(span: Span): string {
    return this.source.slice(span.start.offset, span.end.offset);
  }

  private beginStatement(s: Stmt, span: Span, flags = 0) {
    this.current = this.statements.length;
    this.statements.push({ thread: this.thread, kind: s.kind, span, text: this.text(span), accesses: 0 });
    this.nextTemp = this.locals.length;
    this.emit(I.STMT, [this.current, flags], null);
  }

  emitBody(body: Stmt[]) {
    for (const s of body) this.statement(s);
  }

  private statement(s: Stmt) {
    switch (s.kind) {
      case "decl": {
        this.beginStatement(s, s.span);
        const reg = this.resolution.decls.get(s)!.slot;
        if (s.init) this.exprInto(s.init, reg);
        else this.emit(I.CONST, [reg, 0], null);
        return;
      }
      case "assign": {
        this.beginStatement(s, s.span);
        if (s.op === "=") {
          const target = this.placeTarget(s.target);
          const value = this.expr(s.value);
          this.store(s.target, target, value);
        } else {
          const target = this.placeTarget(s.target);
          const old = this.load(s.target, target);
          const rhs = this.expr(s.value);
          const result = this.temp();
          this.emit(s.op === "+=" ? I.ADD : I.SUB, [result, old, rhs], null);
          this.store(s.target, target, result);
        }
        return;
      }
      case "incdec": {
        this.beginStatement(s, s.span);
        const target = this.placeTarget(s.target);
        const old = this.load(s.target, target);
        const result = this.temp();
        this.emit(I.ADDI, [result, old, s.op === "++" ? 1 : -1], null);
        this.store(s.target, target, result);
        return;
      }
      case "if": {
        this.beginStatement(s, s.header);
        const cond = this.expr(s.cond);
        const jumpToElse = this.emit(I.JZ, [cond, 0], null);
        this.emitBody(s.then);
        if (s.else) {
          const jumpToEnd = this.emit(I.JMP, [0], null);
          this.patch(jumpToElse, 2, this.pc);
          this.emitBody(s.else);
          this.patch(jumpToEnd, 1, this.pc);
        } else {
          this.patch(jumpToElse, 2, this.pc);
        }
        return;
      }
      case "while": {
        const top = this.pc;
        this.beginStatement(s, s.header);
        const cond = this.expr(s.cond);
        const exit = this.emit(I.JZ, [cond, 0], null);
        this.loops.push({ breaks: [exit], continueTarget: top });
        this.emitBody(s.body);
        this.emit(I.JMP, [top], null);
        for (const b of this.loops.pop()!.breaks) this.patch(b, this.code[b * I.STRIDE] === I.JZ ? 2 : 1, this.pc);
        return;
      }
      case "break":
        this.beginStatement(s, s.span);
        this.loops[this.loops.length - 1].breaks.push(this.emit(I.JMP, [0], null));
        return;
      case "continue":
        this.beginStatement(s, s.span);
        this.emit(I.JMP, [this.loops[this.loops.length - 1].continueTarget], null);
        return;
      case "call": {
        const call = s.call;
        if (call.kind === "call" && call.callee === "critical_section") {
          this.beginStatement(s, s.span, I.FLAG_CRITICAL);
          return;
        }
        this.beginStatement(s, s.span);
        if (call.kind === "call" && call.callee === "exit") this.emit(I.EXIT, [], null);
        else if (call.kind === "call" && call.callee === "fence") this.emit(I.FENCE, [], null);
        else if (call.kind === "call" && call.callee === "assert") this.emit(I.ASSERT, [this.expr(call.args[0])], null);
        else if (call.kind === "call" && !call.callee.startsWith("atomic_")) return; // a noop: the STMT is its step
        else this.expr(call);
        return;
      }
    }
  }

  private patch(at: number, operand: number, value: number) {
    this.code[at * I.STRIDE + operand] = value;
  }

  /** Evaluates the index of an array place (before anything else, left to right). */
  private placeTarget(p: Place): { desc: number; index: number } | { local: number } {
    const nameExpr = p.kind === "name" ? p : p.target;
    const sym = this.resolution.names.get(nameExpr)!;
    if (sym.kind === "local") return { local: sym.slot };
    const desc = this.symbols.get(nameExpr.name)!.desc;
    return { desc, index: p.kind === "index" ? this.expr(p.index) : -1 };
  }

  private placeName(p: Place): string {
    return p.kind === "name" ? p.name : `${p.target.name}[${this.text(p.index.span)}]`;
  }

  private load(p: Place, target: { desc: number; index: number } | { local: number }): number {
    if ("local" in target) return target.local;
    const dst = this.temp();
    this.emit(I.LD, [dst, target.desc, target.index], `read ${this.placeName(p)}`);
    return dst;
  }

  private store(p: Place, target: { desc: number; index: number } | { local: number }, value: number) {
    if ("local" in target) {
      if (value !== target.local) this.emit(I.MOV, [target.local, value], null);
      return;
    }
    this.emit(I.ST, [0, target.desc, target.index, value], `write ${this.placeName(p)}`);
  }

  private exprInto(e: Expr, dst: number) {
    const r = this.expr(e, dst);
    if (r !== dst) this.emit(I.MOV, [dst, r], null);
  }

  /** Emits code for an expression; returns the register holding its value. */
  private expr(e: Expr, into?: number): number {
    switch (e.kind) {
      case "int":
      case "bool": {
        const r = into ?? this.temp();
        this.emit(I.CONST, [r, Number(e.value) | 0], null);
        return r;
      }
      case "name": {
        const sym = this.resolution.names.get(e)!;
        if (sym.kind === "local") return sym.slot;
        if (sym.kind === "id") {
          const r = into ?? this.temp();
          this.emit(I.CONST, [r, this.id], null);
          return r;
        }
        return this.load(e, this.placeTarget(e));
      }
      case "index":
        return this.load(e, this.placeTarget(e));
      case "unary": {
        const x = this.expr(e.operand);
        const r = into ?? this.temp();
        this.emit(e.op === "!" ? I.NOT : I.NEG, [r, x], null);
        return r;
      }
      case "binary": {
        if (e.op === "&&" || e.op === "||") {
          // Short-circuit: the right side (and its steps) runs only when needed.
          const r = into ?? this.temp();
          this.exprInto(e.left, r);
          const skip = this.emit(e.op === "&&" ? I.JZ : I.JNZ, [r, 0], null);
          this.exprInto(e.right, r);
          this.patch(skip, 2, this.pc);
          return r;
        }
        const x = this.expr(e.left);
        const y = this.expr(e.right);
        const r = into ?? this.temp();
        this.emit(BINARY_OPS[e.op], [r, x, y], null);
        return r;
      }
      case "call":
        return this.atomic(e, into);
      case "method":
        return this.method(e, into);
    }
  }

  private atomic(e: CallExpr, into?: number): number {
    const target = e.args[0] as Place;
    const place = this.placeTarget(target) as { desc: number; index: number };
    const name = this.placeName(target);
    const r = into ?? this.temp();
    if (e.callee === "atomic_cas") {
      // The result (a bool) replaces the expected value in its register.
      const expected = this.temp();
      this.exprInto(e.args[1], expected);
      const desired = this.expr(e.args[2]);
      this.emit(I.ACAS, [desired, place.desc, place.index, expected], `compare-and-swap ${name}`);
      if (r !== expected) this.emit(I.MOV, [r, expected], null);
      return r;
    }
    const arg = this.expr(e.args[1]);
    const op = e.callee === "atomic_add" ? I.AADD : I.AXCHG;
    this.emit(op, [r, place.desc, place.index, arg], `${e.callee === "atomic_add" ? "atomically add to" : "atomically exchange"} ${name}`);
    return r;
  }

  private method(e: MethodExpr, into?: number): number {
    const nameExpr = e.object.kind === "name" ? e.object : e.object.target;
    const desc = this.symbols.get(nameExpr.name)!.desc;
    const d = this.descriptors[desc];
    const index = e.object.kind === "index" ? this.expr(e.object.index) : -1;
    const objName = this.placeName(e.object);
    const ops = own(METHOD_OPS[d.kind as SyncType], e.method)!; // the checker let only real methods through
    const arg = e.args.length > 0 ? this.expr(e.args[0]) : 0;
    const r = into ?? this.temp();
    const labels = methodLabels(d, objName, e.method);
    ops.forEach((op, k) => this.emit(op, [r, desc, index, arg], labels[k]));
    return r;
  }
}

function methodLabels(d: Descriptor, obj: string, method: string): string[] {
  switch (`${d.kind}.${method}`) {
    case "condition.wait":
      return [`release ${d.mutex} and wait on ${obj}`, `re-acquire ${d.mutex}`];
    case "queue.enqueue":
      return [`begin enqueue on ${obj}`, `finish enqueue on ${obj}`];
    case "queue.dequeue":
      return [`begin dequeue on ${obj}`, `finish dequeue on ${obj}`];
    case "barrier.wait":
      return [`arrive at ${obj}`];
    default:
      return [`${obj}.${method}()`];
  }
}
