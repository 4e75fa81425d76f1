// parseLevel never throws, whatever a stranger puts in a level (issue 11): every name JavaScript
// gives a plain object (toString, constructor, __proto__ ...) wherever a level has a name, code
// nested deeper than any stack, and statement lists longer than any level. What it accepts, every
// later stage (play, view, timeline, explanations, renderings) takes without throwing either.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainStatement } from "./explain-statement";
import { initialState, legalMoves, parseLevel, step, type LevelError } from "./index";
import { MAX_CODE_LENGTH, MAX_NESTING } from "./lang/limits";
import { renderLevel, TARGET_LANGUAGES } from "./render/core";
import { DIALECTS } from "./render/dialects";
import { buildTimeline } from "./timeline";
import { viewState } from "./view";

/** Every name Object.prototype answers to, __proto__ among them. */
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
const name = fc.constantFrom(...PROTO_NAMES, "id", "assert", "atomic_add", "critical_section", "fence", "lock", "wait", "int", "m", "x", "a");
const json = (x: unknown) => JSON.stringify(x);
/** A JSON object written from its entries, so a key may be "__proto__" (JSON.stringify drops it). */
const object = (entries: [string, string][]) => `{${entries.map(([k, v]) => `${json(k)}: ${v}`).join(", ")}}`;

const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("0", "1", "true", "false"),
    name,
    fc.tuple(name, tie("expr")).map(([n, i]) => `${n}[${i}]`),
    fc.tuple(fc.constantFrom("!", "-"), tie("expr")).map(([op, e]) => `${op}${e}`),
    fc.tuple(tie("expr"), fc.constantFrom("+", "&&", "==", "<", "%"), tie("expr")).map(([l, op, r]) => `(${l} ${op} ${r})`),
    fc.tuple(name, fc.array(tie("expr"), { maxLength: 2 })).map(([n, args]) => `${n}(${args.join(", ")})`),
    fc.tuple(name, name, fc.array(tie("expr"), { maxLength: 1 })).map(([o, m, args]) => `${o}.${m}(${args.join(", ")})`),
  ),
}));

const { statements } = fc.letrec<{ statement: string; statements: string }>((tie) => ({
  statement: fc.oneof(
    { depthSize: "small" },
    fc.tuple(fc.constantFrom("int", "bool"), name, fc.option(expr)).map(([t, n, e]) => `${t} ${n}${e === null ? "" : ` = ${e}`};`),
    fc.tuple(name, fc.constantFrom("=", "+=", "-="), expr).map(([n, op, e]) => `${n} ${op} ${e};`),
    fc.tuple(name, fc.constantFrom("++", "--")).map(([n, op]) => `${n}${op};`),
    expr.map((e) => `${e};`),
    fc.tuple(expr, tie("statements"), fc.option(tie("statements"))).map(([c, t, e]) => `if (${c}) {\n${t}\n}${e === null ? "" : ` else {\n${e}\n}`}`),
    fc.tuple(expr, tie("statements")).map(([c, b]) => `while (${c}) {\n${b}\n}`),
    fc.constantFrom("break;", "continue;"),
  ),
  statements: fc.array(tie("statement"), { maxLength: 4 }).map((list) => list.join("\n")),
}));

const declaration = fc.oneof(
  fc.constantFrom("0", "true", "[1, 2]", `{"type": "mutex"}`, `{"type": "mutex", "count": 2}`, `{"type": "queue"}`, `{"type": "semaphore", "value": 1}`),
  name.map((n) => object([["type", json("condition")], ["mutex", json(n)]])),
  name.map((n) => object([["type", json(n)]])),
  name.map((n) => object([["type", json("mutex")], [n, "1"]])),
);
const thread = fc.tuple(name, statements, fc.option(fc.constantFrom(1, 2))).map(([n, code, count]) =>
  object([["name", json(count === 2 ? `${n} {id}` : n)], ["code", json(code)], ...(count === null ? [] : [["count", String(count)] as [string, string]])]),
);
const fix = fc.tuple(fc.array(name, { minLength: 1, maxLength: 2 }), fc.array(fc.tuple(name, statements), { maxLength: 2 }), fc.array(name, { maxLength: 2 })).map(
  ([threads, reference, finals]) =>
    object([
      ["threads", json(threads)],
      ["reference", object(reference.map(([n, code]) => [n, json(code)]))],
      ["require", object([["final", object(finals.map((n) => [n, "1"]))]])],
    ]),
);
const level = fc
  .record({
    id: fc.constantFrom("constructor", "c", "value-of"),
    shared: fc.array(fc.tuple(name, declaration), { maxLength: 4 }),
    noops: fc.array(name, { maxLength: 3 }),
    threads: fc.array(thread, { minLength: 1, maxLength: 3 }),
    extra: fc.array(fc.tuple(fc.constantFrom(...PROTO_NAMES), fc.constantFrom("1", "{}", `{"memoryModel": "tso"}`)), { maxLength: 1 }),
    options: fc.option(name.map((n) => object([[n, "true"]]))),
    fix: fc.option(fix),
    solution: fc.option(fc.array(fc.oneof(name, fc.nat(3)), { maxLength: 3 })),
  })
  .map((l) =>
    object([
      ["format", "1"], ["id", json(l.id)], ["title", json("T")], ["summary", json("S")],
      ["shared", object(l.shared.map(([n, d]) => [n, d]))],
      ["noops", json(l.noops)],
      ["threads", `[${l.threads.join(", ")}]`],
      ...l.extra,
      ...(l.options === null ? [] : [["options", l.options] as [string, string]]),
      ...(l.fix === null ? [] : [["fix", l.fix] as [string, string]]),
      ...(l.solution === null ? [] : [["solution", json(l.solution)] as [string, string]]),
    ]),
  );

/** A level the loader accepts, so that its code is checked: the built-in names name its shared
 *  state, its noops and its threads, and its code uses them (and more) everywhere. */
const SAFE_NAMES = PROTO_NAMES.filter((n) => n !== "__proto__");
const DECLARATIONS = [
  "0", "true", "[1, 2]", `{"type": "mutex"}`, `{"type": "mutex", "count": 2}`, `{"type": "queue"}`, `{"type": "semaphore", "value": 1}`,
  `{"type": "condition", "mutex": "m"}`, `{"type": "rwlock"}`, `{"type": "event"}`, `{"type": "barrier", "parties": 2}`, `{"type": "countdown", "value": 1}`,
];
const validLevel = fc
  .record({
    names: fc.shuffledSubarray(SAFE_NAMES),
    shared: fc.nat(6),
    decls: fc.array(fc.constantFrom(...DECLARATIONS), { minLength: 6, maxLength: 6 }),
    threads: fc.uniqueArray(fc.constantFrom(...SAFE_NAMES), { minLength: 1, maxLength: 3 }),
    codes: fc.array(statements, { minLength: 3, maxLength: 3 }),
  })
  .map(({ names, shared, decls, threads, codes }) =>
    object([
      ["format", "1"], ["id", json("constructor")], ["title", json("T")], ["summary", json("S")],
      ["shared", object([["m", `{"type": "mutex"}`], ["x", "0"], ["a", "[0, 0]"], ...names.slice(0, shared).map((n, k): [string, string] => [n, decls[k]])])],
      ["noops", json(names.slice(shared, shared + 3))],
      ["threads", json(threads.map((n, k) => ({ name: n, code: codes[k] })))],
    ]),
  );

function placed(errors: LevelError[]): boolean {
  return errors.length > 0 && errors.every((e) => e.message.length > 0 && Number.isInteger(e.line) && e.line! >= 1 && Number.isInteger(e.column) && e.column! >= 1);
}

/** Parses `text`; a level it accepts is played a few moves, viewed, explained and rendered. */
function loadsAndPlays(text: string): LevelError[] | "ok" {
  const parsed = parseLevel(text);
  if (!parsed.ok) {
    expect(placed(parsed.error), JSON.stringify(parsed.error)).toBe(true);
    return parsed.error;
  }
  const { program, spec } = parsed.value;
  let state = initialState(program);
  const start = state;
  for (let k = 0; k < 12 && !state.outcome; k++) {
    const moves = legalMoves(state);
    if (moves.length === 0) break;
    const next = step(state, moves[k % moves.length]);
    if (!next.ok) break;
    state = next.value;
  }
  viewState(state);
  buildTimeline(start, state.schedule);
  program.statements.forEach((_, k) => explainStatement(program, k));
  for (const language of TARGET_LANGUAGES) renderLevel(spec, DIALECTS[language]);
  return "ok";
}

describe("parseLevel never throws on a stranger's level", () => {
  it("with JavaScript's built-in names as function, method, variable, shared, noop and thread names, ids and JSON keys", () => {
    fc.assert(fc.property(level, (text) => void loadsAndPlays(text)), { numRuns: 300 });
  });

  it("with JavaScript's built-in names all through the code of a level that loads", () => {
    fc.assert(fc.property(validLevel, (text) => void loadsAndPlays(text)), { numRuns: 300 });
  });

  it("with __proto__ in every place a name goes", () => {
    const everywhere = object([
      ["format", "1"], ["id", json("constructor")], ["title", json("T")], ["summary", json("S")],
      ["shared", object([["__proto__", `{"type": "mutex"}`], ["m", object([["type", json("condition")], ["mutex", json("__proto__")]])]])],
      ["noops", json(["__proto__"])],
      ["threads", `[${object([["name", json("__proto__")], ["code", json("int __proto__ = 1;\n__proto__();\n__proto__.__proto__();")]])}]`],
      ["options", object([["__proto__", `{"memoryModel": "tso"}`]])],
      ["fix", object([["threads", json(["__proto__"])], ["reference", object([["__proto__", json("")]])], ["require", object([["final", object([["__proto__", "1"]])]])]])],
      ["__proto__", "{}"],
    ]);
    const errors = loadsAndPlays(everywhere);
    expect(errors === "ok" ? [] : errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      "shared.__proto__ reserved-name",
      "noops[0] name-clash",
      "threads[0].name reserved-name",
      "options.__proto__ schema",
      "fix.require.final.__proto__ fix-final",
      "__proto__ schema",
    ]);
  });
});

// ---- Nesting and length ---------------------------------------------------------------------

/** Something that holds code one or two levels deeper, as limits.ts counts them. */
interface Wrapper {
  levels: number;
  wrap(inner: string): string;
}
const EXPRESSION_WRAPPERS: Wrapper[] = [
  { levels: 1, wrap: (e) => `(${e})` },
  { levels: 1, wrap: (e) => `!${e}` },
  { levels: 1, wrap: (e) => `- ${e}` },
  { levels: 1, wrap: (e) => `a[${e}]` },
  { levels: 1, wrap: (e) => `atomic_add(x, ${e})` },
  { levels: 2, wrap: (e) => `(1 + ${e})` },
  { levels: 2, wrap: (e) => `(${e} * 2)` },
];
const STATEMENT_WRAPPERS: Wrapper[] = [
  { levels: 1, wrap: (s) => `if (true) {\n${s}\n}` },
  { levels: 1, wrap: (s) => `while (x < 3) { ${s} }` },
  { levels: 1, wrap: (s) => `if (true) {} else { ${s} }` },
  { levels: 2, wrap: (s) => `if (true) {} else if (false) { ${s} }` },
];
const SHARED = { x: 0, a: [0, 0], m: { type: "mutex" } };

function nested(statementWrappers: Wrapper[], expressionWrappers: Wrapper[]): { code: string; levels: number } {
  let e = "x";
  for (const w of expressionWrappers) e = w.wrap(e);
  let s = `x = ${e};`;
  for (const w of statementWrappers) s = w.wrap(s);
  const levels = [...statementWrappers, ...expressionWrappers].reduce((sum, w) => sum + w.levels, 0);
  return { code: s, levels };
}

const levelOf = (code: string) => json({ format: 1, id: "deep", title: "Deep", summary: "S", shared: SHARED, threads: [{ name: "A", code }] });

describe("parseLevel never throws on code nested or long beyond any level", () => {
  it(`nesting is an error exactly when it passes ${MAX_NESTING} levels (or the code is too long)`, () => {
    // size "max": lengths spread over the whole range, not only small ones.
    const wrappers = (list: Wrapper[], max: number) => fc.array(fc.constantFrom(...list), { maxLength: max, size: "max" });
    const depths = fc.oneof(
      fc.tuple(wrappers(STATEMENT_WRAPPERS, 40), wrappers(EXPRESSION_WRAPPERS, 40)),
      fc.tuple(wrappers(STATEMENT_WRAPPERS, 2500), wrappers(EXPRESSION_WRAPPERS, 2500)),
    );
    fc.assert(
      fc.property(depths, ([statementWrappers, expressionWrappers]) => {
        const { code, levels } = nested(statementWrappers, expressionWrappers);
        const result = loadsAndPlays(levelOf(code));
        const codes = result === "ok" ? [] : result.map((e) => e.code);
        if (code.length > MAX_CODE_LENGTH) expect(codes).toEqual(["schema"]);
        else expect(codes.includes("too-deep"), `${levels} levels: ${codes.join(", ")}`).toBe(levels > MAX_NESTING);
      }),
      { numRuns: 200 },
    );
  });

  it("a long list of statements loads, or is an error when the code is too long", () => {
    const simple = fc.constantFrom("x++;", "x = x + 1;", "m.lock();", "m.unlock();", "toString();", "a[1] = 2;", "if (x < 2) { x--; }", "int t;", "}", "{");
    fc.assert(
      fc.property(fc.array(simple, { maxLength: 4000, size: "max" }), (list) => {
        const code = list.join("\n");
        const result = loadsAndPlays(levelOf(code));
        if (code.length > MAX_CODE_LENGTH) expect(result === "ok" ? [] : result.map((e) => e.code)).toEqual(["schema"]);
      }),
      { numRuns: 60 },
    );
  });
});
