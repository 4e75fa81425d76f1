// The WebAssembly binary format, as much of it as the level compiler needs: LEB128 numbers, the
// module's sections, and a function body writer that tracks its labels by name, so a branch is
// written as "to the dispatch loop" rather than as a depth counted by hand. Encodings follow the
// WebAssembly core spec (1.0) and the threads proposal (the 0xFE-prefixed atomics).

export const I32 = 0x7f;
export const I64 = 0x7e;

// Opcodes, by the spec's names.
export const OP = {
  unreachable: 0x00, block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, br_if: 0x0d, br_table: 0x0e,
  return: 0x0f, call: 0x10, drop: 0x1a, select: 0x1b, local_get: 0x20, local_set: 0x21, local_tee: 0x22,
  global_get: 0x23, global_set: 0x24, i32_load: 0x28, i32_store: 0x36, i32_const: 0x41, i64_const: 0x42,
  i32_eqz: 0x45, i32_eq: 0x46, i32_ne: 0x47, i32_lt_s: 0x48, i32_lt_u: 0x49, i32_gt_s: 0x4a, i32_gt_u: 0x4b,
  i32_le_s: 0x4c, i32_le_u: 0x4d, i32_ge_s: 0x4e, i32_ge_u: 0x4f, i32_add: 0x6a, i32_sub: 0x6b, i32_mul: 0x6c,
  i32_div_s: 0x6d, i32_rem_s: 0x6f, i32_rem_u: 0x70, i32_and: 0x71, i32_or: 0x72, i32_xor: 0x73, i32_shl: 0x74,
  i32_shr_s: 0x75, i32_shr_u: 0x76,
} as const;

/** The threads proposal's atomic instructions (after the 0xFE prefix). */
export const ATOMIC = {
  notify: 0x00, wait32: 0x01, fence: 0x03, load: 0x10, store: 0x17, add: 0x1e, sub: 0x25, and: 0x2c, or: 0x33,
  xor: 0x3a, xchg: 0x41, cmpxchg: 0x48,
} as const;

export class Bytes {
  private buf: Uint8Array<ArrayBuffer> = new Uint8Array(256);
  length = 0;

  byte(b: number): this {
    if (this.length === this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.length++] = b & 0xff;
    return this;
  }
  bytes(bs: ArrayLike<number>): this {
    for (let i = 0; i < bs.length; i++) this.byte(bs[i]);
    return this;
  }
  /** Unsigned LEB128. */
  u32(n: number): this {
    let v = n >>> 0;
    do {
      const low = v & 0x7f;
      v >>>= 7;
      this.byte(v !== 0 ? low | 0x80 : low);
    } while (v !== 0);
    return this;
  }
  /** Signed LEB128 of a 32-bit (or, for i64.const, safe-integer) value. */
  sleb(n: number): this {
    let v = BigInt(Math.trunc(n));
    for (;;) {
      const low = Number(v & 0x7fn);
      v >>= 7n;
      const done = (v === 0n && (low & 0x40) === 0) || (v === -1n && (low & 0x40) !== 0);
      this.byte(done ? low : low | 0x80);
      if (done) return this;
    }
  }
  name(s: string): this {
    const utf8 = new TextEncoder().encode(s);
    return this.u32(utf8.length).bytes(utf8);
  }
  /** A length-prefixed vector of already-encoded parts. */
  vec(parts: Bytes[]): this {
    this.u32(parts.length);
    for (const p of parts) this.bytes(p.done());
    return this;
  }
  done(): Uint8Array<ArrayBuffer> {
    return this.buf.slice(0, this.length);
  }
}

/** One function body. Labels are named; `br("loop")` finds the innermost label of that name. */
export class Body {
  readonly code = new Bytes();
  private labels: string[] = [];

  op(...bytes: number[]): this {
    this.code.bytes(bytes);
    return this;
  }
  i32(n: number): this {
    this.code.byte(OP.i32_const).sleb(n | 0);
    return this;
  }
  /** An instruction with one index operand (a local, a function). */
  private indexed(op: number, index: number): this {
    this.code.byte(op).u32(index);
    return this;
  }
  get(local: number): this {
    return this.indexed(OP.local_get, local);
  }
  set(local: number): this {
    return this.indexed(OP.local_set, local);
  }
  tee(local: number): this {
    return this.indexed(OP.local_tee, local);
  }
  call(fn: number): this {
    return this.indexed(OP.call, fn);
  }
  /** Plain (racy) i32 access at the address on the stack plus `offset` bytes. */
  load(offset = 0): this {
    this.code.byte(OP.i32_load).u32(2).u32(offset);
    return this;
  }
  store(offset = 0): this {
    this.code.byte(OP.i32_store).u32(2).u32(offset);
    return this;
  }
  /** An atomic memory instruction (naturally aligned i32, or notify/wait32). */
  atomic(op: number, offset = 0): this {
    this.code.byte(0xfe).u32(op).u32(2).u32(offset);
    return this;
  }
  fence(): this {
    this.code.byte(0xfe).u32(ATOMIC.fence).byte(0);
    return this;
  }
  block(label: string): this {
    this.labels.push(label);
    return this.op(OP.block, 0x40);
  }
  loop(label: string): this {
    this.labels.push(label);
    return this.op(OP.loop, 0x40);
  }
  if(label = "if"): this {
    this.labels.push(label);
    return this.op(OP.if, 0x40);
  }
  else(): this {
    return this.op(OP.else);
  }
  end(): this {
    if (this.labels.pop() === undefined) throw new Error("end without a block");
    return this.op(OP.end);
  }
  private depth(label: string): number {
    const at = this.labels.lastIndexOf(label);
    if (at < 0) throw new Error(`no label ${label}`);
    return this.labels.length - 1 - at;
  }
  br(label: string): this {
    this.code.byte(OP.br).u32(this.depth(label));
    return this;
  }
  brIf(label: string): this {
    this.code.byte(OP.br_if).u32(this.depth(label));
    return this;
  }
  brTable(targets: string[], fallback: string): this {
    this.code.byte(OP.br_table).u32(targets.length);
    for (const t of targets) this.code.u32(this.depth(t));
    this.code.u32(this.depth(fallback));
    return this;
  }
  /** The encoded body: its local declarations (all i32), the code, the final `end`. */
  finish(params: number, locals: number): Bytes {
    if (this.labels.length !== 0) throw new Error(`unclosed labels ${this.labels.join(", ")}`);
    const body = new Bytes();
    const extra = locals - params;
    if (extra > 0) body.u32(1).u32(extra).byte(I32);
    else body.u32(0);
    body.bytes(this.code.done()).byte(OP.end);
    return new Bytes().u32(body.length).bytes(body.done());
  }
}

export interface FuncType {
  params: number[];
  results: number[];
}

export interface ModuleParts {
  types: FuncType[];
  /** Imported functions first (module "env"), by type index. */
  importFunctions: { name: string; type: number }[];
  /** The imported shared memory ("env" "memory"), in 64 KiB pages. */
  memoryPages: number;
  functions: { type: number; body: Bytes }[];
  globals: { mutable: boolean; init: number }[];
  exports: { name: string; func: number }[];
}

function section(id: number, content: Bytes): Bytes {
  const out = new Bytes().byte(id);
  return out.u32(content.length).bytes(content.done());
}

export function encodeModule(m: ModuleParts): Uint8Array<ArrayBuffer> {
  const out = new Bytes().bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  const types = new Bytes().u32(m.types.length);
  for (const t of m.types) {
    types.byte(0x60).u32(t.params.length).bytes(t.params).u32(t.results.length).bytes(t.results);
  }
  out.bytes(section(1, types).done());
  const imports = new Bytes().u32(m.importFunctions.length + 1);
  imports.name("env").name("memory").byte(0x02).byte(0x03).u32(m.memoryPages).u32(m.memoryPages); // shared, min = max
  for (const f of m.importFunctions) imports.name("env").name(f.name).byte(0x00).u32(f.type);
  out.bytes(section(2, imports).done());
  const funcs = new Bytes().u32(m.functions.length);
  for (const f of m.functions) funcs.u32(f.type);
  out.bytes(section(3, funcs).done());
  if (m.globals.length > 0) {
    const globals = new Bytes().u32(m.globals.length);
    for (const g of m.globals) globals.byte(I32).byte(g.mutable ? 1 : 0).byte(OP.i32_const).sleb(g.init).byte(OP.end);
    out.bytes(section(6, globals).done());
  }
  const exports = new Bytes().u32(m.exports.length);
  for (const e of m.exports) exports.name(e.name).byte(0x00).u32(e.func);
  out.bytes(section(7, exports).done());
  const code = new Bytes().u32(m.functions.length);
  for (const f of m.functions) code.bytes(f.body.done());
  out.bytes(section(10, code).done());
  return out.done();
}
