// Parameterised levels: the file format (errors placed where the author wrote them), the variants
// a level makes, a student's stable variant, and loading one variant as a concrete level.

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantiate, levelParams, parseLevel, variantText, type LevelError } from "./index";
import { levelJsonSchema } from "./level-json-schema";
import { defaultVariant, fnv1a, normaliseSeed, studentSeed, variantCount, variantFor, variantsOf, type LevelParam } from "./params";

/** A small level with `deposit`; `extra` is merged into the file's top level. */
function level(extra: Record<string, unknown> = {}, code = "balance += {{deposit}};") {
  return JSON.stringify(
    {
      format: 1, id: "deposit", title: "Deposit of {{deposit}}", summary: "s",
      params: { deposit: { min: 50, max: 200, step: 50, default: 100 } },
      shared: { balance: 0 },
      threads: [{ name: "Teller", code }, { name: "Other", code: "balance = 1;" }],
      ...extra,
    },
    null,
    2,
  );
}

const errorsOf = (text: string): LevelError[] => {
  const parsed = parseLevel(text);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? [] : parsed.error;
};
const brief = (e: LevelError) => ({ code: e.code, message: e.message, path: e.path, line: e.line, column: e.column, inFile: e.inFile });

describe("a parameterised level file", () => {
  it("is played as its default variant: numbers in the texts, the code and shared, nothing left in braces", () => {
    const parsed = parseLevel(level({ story: "Bring {{ deposit }} coins.", shared: { balance: "{{deposit}}", s: { type: "semaphore", value: "{{deposit}}" } } }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { spec } = parsed.value;
    expect(spec.title).toBe("Deposit of 100");
    expect(spec.story).toBe("Bring 100 coins.");
    expect(spec.threads[0].code).toBe("balance += 100;");
    expect(spec.shared.balance).toBe(100);
    expect(spec.shared.s).toEqual({ type: "semaphore", value: 100 });
    expect(levelParams(spec)).toEqual([{ name: "deposit", min: 50, max: 200, step: 50, default: 100 }]);
    expect(spec.variant).toEqual({ deposit: 100 });
  });

  it("plays min when there is no default", () => {
    const text = level({ params: { deposit: { min: 50, max: 200, step: 50 } } });
    const parsed = parseLevel(text);
    expect(parsed.ok && parsed.value.spec.threads[0].code).toBe("balance += 50;");
  });

  it("places an unknown parameter in code within the code and in the file", () => {
    const text = level({}, "balance += {{deposit}};\nbalance -= {{fee}};");
    const errors = errorsOf(text).map(brief);
    const codeLine = text.split("\n").findIndex((l) => l.includes('"code": "balance +=')) + 1;
    const fileColumn = text.split("\n")[codeLine - 1].indexOf("{{fee}}") + 1;
    expect(errors).toEqual([
      {
        code: "unknown-param", message: 'unknown parameter "fee"; the parameters are "deposit"', path: "threads[0].code", line: 2, column: 12,
        inFile: { line: codeLine, column: fileColumn, endLine: codeLine, endColumn: fileColumn + 7 },
      },
    ]);
  });

  it("keeps a compile error after a placeholder at its column in the code as written", () => {
    // "{{deposit}}" is 11 characters, "100" is 3: the error at "bogus" is at column 26 of the original line.
    const text = level({}, "balance += {{deposit}} + bogus;");
    const [e] = errorsOf(text);
    expect(e.message).toContain("bogus");
    expect([e.line, e.column]).toEqual([1, 26]);
    const line = text.split("\n")[e.inFile!.line - 1];
    expect(line.slice(e.inFile!.column - 1, e.inFile!.endColumn - 1)).toBe("bogus");
  });

  it("places an unknown parameter in a text at its place in the file", () => {
    const text = level({ hint: "Try {{amount}}." });
    const [e] = errorsOf(text);
    const line = text.split("\n").findIndex((l) => l.includes('"hint"')) + 1;
    expect(brief(e)).toEqual({
      code: "unknown-param", message: 'unknown parameter "amount"; the parameters are "deposit"', path: "hint",
      line, column: text.split("\n")[line - 1].indexOf("{{amount}}") + 1, inFile: undefined,
    });
  });

  it("reports a placeholder where parameters are not substituted, and one that is only part of a shared value", () => {
    const errors = errorsOf(level({ shared: { balance: "{{deposit}} coins" }, threads: [{ name: "T{{deposit}}", code: "balance += {{deposit}};" }] }));
    expect(errors.map((e) => [e.code, e.path, e.message])).toEqual([
      ["param-place", "shared.balance", 'in "shared", a parameter stands for a number: the string must be exactly the placeholder, like "{{deposit}}"'],
      ["param-place", "threads[0].name", 'a parameter cannot be used in threads[0].name: only in the texts, the threads\' code, a fix\'s reference code and "shared" values'],
    ]);
  });

  it("reports a parameter never used, a range off its steps, a default off its values and too many values", () => {
    const text = level({
      params: {
        deposit: { min: 50, max: 200, step: 50, default: 75 },
        fee: { min: 1, max: 10, step: 2 },
        ticket: { min: 5, max: 1 },
        many: { min: 0, max: 5000 },
      },
      title: "{{fee}} {{ticket}} {{many}}",
    });
    expect(errorsOf(text).map((e) => [e.code, e.path, e.message])).toEqual([
      ["param-default", "params.deposit.default", '"default" (75) must be one of the values: 50, 100, ... 200'],
      ["param-range", "params.fee.max", '"max" (10) must be "min" (1) plus a whole number of steps of 2'],
      ["param-range", "params.ticket.max", '"max" (1) is less than "min" (5)'],
      ["param-range", "params.many", '"many" has 5,001 values; a parameter may have at most 1000'],
    ]);
    const unused = errorsOf(level({ params: { deposit: { min: 1, max: 2 }, fee: { min: 1, max: 2 } } }));
    expect(unused.map((e) => [e.code, e.path, e.message])).toEqual([
      ["unused-param", "params.fee", 'the parameter "fee" is never used: write {{fee}} where its value goes, or remove it'],
    ]);
  });

  it("rejects names that are not identifiers, negative values and unknown fields, with the schema's words", () => {
    const badName = errorsOf(level({ params: { deposit: { min: 50, max: 200, step: 50 }, "2x": { min: 1, max: 3 } } }));
    expect(badName.map((e) => [e.path, e.message])).toEqual([
      ["params.2x", '"2x" is not a valid name: use letters, digits and "_", and do not start with a digit'],
    ]);
    const errors = errorsOf(level({ params: { deposit: { min: -1, max: 200, steps: 1 } } }));
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ["params.deposit.min", '"min" must be an integer from 0 to 1000000000'],
      ["params.deposit.steps", 'unknown field "steps" (did you mean "step"?)'],
    ]);
  });

  it("leaves double braces that hold no name as they are", () => {
    const story = "Sets are written {{1, 2}} or {{}}; a map is {{a: 1}}.";
    const text = JSON.stringify({ format: 1, id: "x", title: "t", summary: "s", story, threads: [{ name: "T", code: "if (true) {\n}" }] });
    const parsed = parseLevel(text);
    expect(parsed.ok && parsed.value.spec.story).toBe(story);
  });
});

describe("the JSON Schema editors check files with", () => {
  it("lets a number in shared be written as a placeholder, and only as a whole one", () => {
    const shared = JSON.stringify((levelJsonSchema().properties as Record<string, unknown>).shared);
    const patterns = [...shared.matchAll(/"pattern":"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string).filter((p) => p.includes("\\{"));
    expect(patterns.length).toBeGreaterThan(5);
    for (const pattern of new Set(patterns)) {
      const re = new RegExp(pattern);
      expect([re.test("{{cash}}"), re.test("{{ cash }}"), re.test("{{cash}} coins"), re.test("cash")]).toEqual([true, true, false, false]);
    }
  });
});

describe("variants", () => {
  const deposit: LevelParam = { name: "deposit", min: 50, max: 200, step: 50, default: 100 };
  const fee: LevelParam = { name: "fee", min: 1, max: 3, step: 1, default: 1 };

  it("are every combination, the default first, when there are at most 64", () => {
    expect(variantsOf([deposit, fee])).toEqual([
      { deposit: 100, fee: 1 },
      { deposit: 50, fee: 1 }, { deposit: 50, fee: 2 }, { deposit: 50, fee: 3 },
      { deposit: 100, fee: 2 }, { deposit: 100, fee: 3 },
      { deposit: 150, fee: 1 }, { deposit: 150, fee: 2 }, { deposit: 150, fee: 3 },
      { deposit: 200, fee: 1 }, { deposit: 200, fee: 2 }, { deposit: 200, fee: 3 },
    ]);
    expect(variantsOf([])).toEqual([{}]);
  });

  it("are a deterministic sample of 64 beyond that, with the default, every minimum and every maximum", () => {
    const a: LevelParam = { name: "a", min: 0, max: 999, step: 1, default: 500 };
    const b: LevelParam = { name: "b", min: 10, max: 20, step: 1, default: 10 };
    const sample = variantsOf([a, b]);
    expect(variantCount([a, b])).toBe(11_000);
    expect(sample).toHaveLength(64);
    expect(new Set(sample.map((v) => `${v.a},${v.b}`)).size).toBe(64);
    expect(sample.slice(0, 3)).toEqual([{ a: 500, b: 10 }, { a: 0, b: 10 }, { a: 999, b: 20 }]);
    expect(sample).toContainEqual({ a: 500, b: 20 });
    expect(variantsOf([a, b])).toEqual(sample);
  });

  it("give each student a stable one: the same name in any spacing or case, and one of the checked variants", () => {
    const params = [deposit, fee];
    const ada = variantFor(params, studentSeed("os-week-3", "Ada Lovelace"));
    expect(variantFor(params, studentSeed("os-week-3", "  ada   LOVELACE "))).toEqual(ada);
    expect(variantsOf(params)).toContainEqual(ada);
    // Pinned: a change of hash or normalisation would move every student's numbers.
    expect(ada).toEqual(variantFor(params, "os-week-3\nada lovelace"));
    expect(variantFor(params, "os-week-3\nada lovelace")).toEqual({ deposit: 50, fee: 1 });
    const spread = new Set(["ada", "bob", "cy", "di", "ed", "flo", "gus", "hal"].map((n) => JSON.stringify(variantFor(params, studentSeed("p", n)))));
    expect(spread.size).toBeGreaterThan(3);
  });

  it("hash with FNV-1a over UTF-8, as TextEncoder encodes (the known test vectors, and non-ASCII names)", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
    const viaBytes = (s: string) => [...new TextEncoder().encode(s)].reduce((h, b) => Math.imul(h ^ b, 0x01000193) >>> 0, 0x811c9dc5);
    for (const s of ["zoë", "Łukasz", "李雷", "🙂 emoji", "lone \ud800 surrogate"]) expect(fnv1a(s)).toBe(viaBytes(s));
  });

  it("normalise a seed: NFC, lower case, whitespace collapsed on each line", () => {
    expect(normaliseSeed("  Zoe\u0301   Q\t\n  Pack-1 ")).toBe("zoé q\npack-1");
  });

  it("property: variantFor is deterministic and one of variantsOf, whatever the seed and ranges", () => {
    const param = fc.record({ min: fc.nat(1000), span: fc.nat(30), step: fc.integer({ min: 1, max: 7 }) });
    fc.assert(
      fc.property(fc.array(param, { minLength: 1, maxLength: 3 }), fc.string({ unit: "binary" }), (raw, seed) => {
        const params = raw.map((p, i) => ({ name: `p${i}`, min: p.min, max: p.min + p.span * p.step, step: p.step, default: p.min }));
        const v = variantFor(params, seed);
        expect(variantFor(params, seed)).toEqual(v);
        for (const p of params) expect((v[p.name] - p.min) % p.step === 0 && v[p.name] >= p.min && v[p.name] <= p.max).toBe(true);
        expect(variantsOf(params)).toContainEqual(v);
      }),
      { numRuns: 200 },
    );
  });
});

describe("instantiate", () => {
  it("loads any variant from text or a parsed value, and refuses values the level does not have", () => {
    const text = level();
    const v = instantiate(text, { deposit: 150 });
    expect(v.ok && v.value.spec.threads[0].code).toBe("balance += 150;");
    const fromValue = instantiate(JSON.parse(text), { deposit: 200 });
    expect(fromValue.ok && fromValue.value.spec.title).toBe("Deposit of 200");
    const wrong = instantiate(text, { deposit: 75 });
    expect(wrong.ok ? [] : wrong.error.map((e) => e.message)).toEqual(['75 is not a value of "deposit" (50 to 200 in steps of 50)']);
    const missing = instantiate(text, {});
    expect(missing.ok ? [] : missing.error.map((e) => e.message)).toEqual(['the variant gives no value for "deposit"']);
  });

  it("writes a variant out as a plain level without params", () => {
    const out = variantText(level(), { deposit: 50 });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value).not.toContain("{{");
    expect(out.value).not.toContain('"params"');
    const parsed = parseLevel(out.value);
    expect(parsed.ok && parsed.value.spec.threads[0].code).toBe("balance += 50;");
  });

  it("property: never throws on hostile params and placeholders, and every error is placed", () => {
    const key = fc.constantFrom("__proto__", "constructor", "toString", "deposit", "x", "2y", "");
    const num = fc.oneof(fc.integer({ min: -5, max: 2_000_000_000 }), fc.constant(1.5), fc.constant("3"), fc.constant(null));
    const paramDecl = fc.oneof(fc.record({ min: num, max: num, step: num, default: num }, { requiredKeys: [] }), fc.constant(7), fc.constant([]));
    const text = fc.array(fc.oneof(fc.constantFrom("{{", "}}", "{{deposit}}", "{{ x }}", "{{__proto__}}", "{{constructor}}", "\n", "\\", "\""), fc.string()), { maxLength: 8 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, paramDecl), { maxLength: 5 }), text, text, text, (entries, code, story, shared) => {
        const params = `{${entries.map(([k, d]) => `${JSON.stringify(k)}: ${JSON.stringify(d)}`).join(", ")}}`;
        const file = `{"format": 1, "id": "h", "title": "t", "summary": "s", "story": ${JSON.stringify(story)}, "params": ${params},
          "shared": {"v": ${JSON.stringify(shared)}, "__proto__": "{{deposit}}"}, "threads": [{"name": "T", "code": ${JSON.stringify(code)}}]}`;
        const parsed = parseLevel(file);
        if (!parsed.ok) for (const e of parsed.error) expect(e.line ?? e.inFile?.line).toBeGreaterThan(0);
        instantiate(file, { deposit: 100 });
        variantText(file, { x: 1 });
      }),
      { numRuns: 300 },
    );
  });
});

describe("the campaign's parameterised levels", () => {
  const ids = ["card-declined", "half-a-lock", "try-the-vault", "crossed-transfers", "telemetry-queue"];
  it.each(ids)("%s shows its default numbers and no placeholder", (id) => {
    const text = readFileSync(new URL(`../../levels/${id}.json`, import.meta.url), "utf8");
    const parsed = parseLevel(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { spec } = parsed.value;
    expect(levelParams(spec).length).toBeGreaterThan(0);
    expect(JSON.stringify(spec)).not.toContain("{{");
    expect(spec.variant).toEqual(defaultVariant(levelParams(spec)));
  });
});
