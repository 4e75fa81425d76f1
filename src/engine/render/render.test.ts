// Thread code in C#, Java, Python and C: golden files for every level in levels/, every construct
// of the language rendered in every dialect, and each statement's highlight on its own line.
// Update the golden files after an intended change with:
//   UPDATE_GOLDEN=1 npx vitest run src/engine/render

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel } from "../index";
import { ATOMICS, MARKERS, METHODS } from "../lang/check";
import { mini } from "../testing/levels";
import { BUILTINS, renderLevel, renderThread, renderScope, TARGET_LANGUAGES, type TargetLanguage } from "./core";
import { DIALECTS } from "./dialects";
import { goldenText } from "./golden";

const LEVELS = new URL("../../../levels/", import.meta.url);
const GOLDEN = new URL("./__golden__/", import.meta.url);
const files = readdirSync(LEVELS).filter((f) => f.endsWith(".json") && f !== "campaign.json" && !f.endsWith(".schema.json")).sort();
const levels = files.map((f) => {
  const parsed = parseLevel(readFileSync(new URL(f, LEVELS), "utf8"), f);
  if (!parsed.ok) throw new Error(`levels/${f} does not load`);
  return parsed.value;
});

describe("golden renderings (UPDATE_GOLDEN=1 npx vitest run src/engine/render rewrites them)", () => {
  for (const language of TARGET_LANGUAGES) {
    it.each(levels.map((l) => [l.spec.id, l] as const))(`${language}: %s`, (id, level) => {
      const file = new URL(`${language}/${id}.txt`, GOLDEN);
      const text = goldenText(level.spec, DIALECTS[language]);
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(new URL(`${language}/`, GOLDEN), { recursive: true });
        writeFileSync(file, text);
      }
      if (!existsSync(file)) {
        throw new Error(`no golden file src/engine/render/__golden__/${language}/${id}.txt for levels/${id}.json: ` +
          "create it with UPDATE_GOLDEN=1 npx vitest run src/engine/render, then read it and commit it");
      }
      expect(text).toBe(readFileSync(file, "utf8"));
    });
  }

  it("has no golden file for a level that is gone", () => {
    const ids = new Set(levels.map((l) => `${l.spec.id}.txt`));
    for (const language of TARGET_LANGUAGES) {
      const stale = readdirSync(new URL(`${language}/`, GOLDEN)).filter((f) => !ids.has(f));
      expect(stale, `stale golden files in __golden__/${language}`).toEqual([]);
    }
  });
});

describe("every construct has a rendering", () => {
  it.each(TARGET_LANGUAGES)("%s: every method of every object type", (language) => {
    const table = DIALECTS[language].methods as unknown as Record<string, Record<string, unknown>>;
    for (const [type, methods] of Object.entries(METHODS)) {
      expect(Object.keys(table[type]).sort(), `${language} ${type}`).toEqual(Object.keys(methods).sort());
    }
  });

  it("every free function the checker knows", () => {
    expect([...BUILTINS].sort()).toEqual([...Object.keys(ATOMICS), "assert", ...MARKERS].sort());
  });

  const everything = mini({
    shared: {
      counter: 0, flag: false, buffer: [0, 0, 0], total: 0,
      m: { type: "mutex" }, forks: { type: "mutex", count: 3 }, s: { type: "semaphore", value: 0, max: 3 },
      notEmpty: { type: "condition", mutex: "m" }, b: { type: "barrier", parties: 2 }, latch: { type: "countdown", value: 2 },
      ready: { type: "event", set: false }, rw: { type: "rwlock" }, q: { type: "queue", items: [1, 2] },
    },
    noops: ["business_logic"],
    threads: [
      "int t = counter;\nbool ok;\nt += 2;\nt -= 1;\nt++;\nt--;\ncounter = t * 2 + 1;\ncounter += t - 1;\ncounter -= 3;\ncounter++;\nbuffer[id] = buffer[(id + 1) % 3] / 2;\n" +
        "if (!(flag && counter == 2) || t < 0) {\n  critical_section();\n} else if (t >= 4) {\n  business_logic();\n} else {\n  exit();\n}\n" +
        "while (true) {\n  if (ok) { break; }\n  continue;\n}\nassert(counter != -1);\nfence();\n" +
        "ok = atomic_cas(total, 0, 1);\nt = atomic_add(total, 2);\nt = atomic_exchange(total, 5);\natomic_add(total, 1);\n" +
        "m.lock();\nok = m.tryLock();\nnotEmpty.wait();\nnotEmpty.signal();\nnotEmpty.broadcast();\nm.unlock();\nforks[id].lock();\nforks[id].unlock();\n" +
        "s.wait();\ns.signal();\nb.wait();\nlatch.countDown();\nlatch.wait();\nready.set();\nready.reset();\nready.wait();\n" +
        "rw.readLock();\nrw.readUnlock();\nrw.writeLock();\nrw.writeUnlock();\nq.enqueue(t);\nt = q.dequeue();\nt = q.size();\nwhile (flag) {}\n" +
        "flag = !flag == (counter < t);",
    ],
  });

  it.each(TARGET_LANGUAGES)("%s: a thread using every statement, builtin and method", (language) => {
    const r = renderLevel(everything.spec, DIALECTS[language]);
    expect(r.threads[0].lines.join("\n")).toMatchSnapshot();
    expect(r.declarations.join("\n")).toMatchSnapshot();
    // Every statement has a place, on the line it has in the level.
    for (const st of everything.program.statements) {
      const place = r.threads[0].statements.get(st.span.start.offset);
      expect(place, st.text).toBeDefined();
      expect(place!.line, st.text).toBe(st.span.start.line - 1);
      expect(place!.to).toBeGreaterThan(place!.from);
    }
  });
});

const sample = (language: TargetLanguage, code: string, shared: Record<string, unknown> = {}) => {
  const l = mini({ shared, threads: [code] });
  return renderThread(code, DIALECTS[language], renderScope(l.spec)).lines.join("\n");
};

describe("idioms", () => {
  it("C# uses Monitor, Interlocked and Monitor.Wait on the condition's mutex", () => {
    const shared = { m: { type: "mutex" }, c: { type: "condition", mutex: "m" }, n: 0 };
    expect(sample("csharp", "m.lock();\nc.wait();\nint t = atomic_add(n, 1);\nm.unlock();", shared)).toBe(
      "Monitor.Enter(m);\nMonitor.Wait(m);\nint t = Interlocked.Add(ref n, 1);\nMonitor.Exit(m);");
  });
  it("Java uses ReentrantLock methods and AtomicInteger for atomically used variables", () => {
    const shared = { m: { type: "mutex" }, n: 0 };
    expect(sample("java", "m.lock();\nn++;\nbool ok = atomic_cas(n, 1, 2);\nm.unlock();", shared)).toBe(
      "m.lock();\nn.set(n.get() + 1);\nboolean ok = n.compareAndSet(1, 2);\nm.unlock();");
  });
  it("Python has no braces: a closing brace's line stays empty, else if is elif", () => {
    const shared = { x: 0 };
    expect(sample("python", "while (x < 3) {\n  if (x == 0 && true) {\n    x++;\n  } else if (!(x == 1)) {\n    x = x / 2;\n  }\n}\nint t;", shared)).toBe(
      "while x < 3:\n    if x == 0 and True:\n        x += 1\n    elif not (x == 1):\n        x = x // 2\n\n\nt = 0");
  });
  it("Python keeps an empty loop on one line, with pass", () => {
    expect(sample("python", "while (f) {}\nf = false;", { f: true })).toBe("while f: pass\nf = False");
  });
  it("C uses pthreads, semaphore.h and stdatomic.h; tryLock compares with 0", () => {
    const shared = { m: { type: "mutex" }, s: { type: "semaphore" }, n: 0 };
    expect(sample("c", "if (!m.tryLock()) { s.wait(); }\nint t = atomic_add(n, 2) * 2;\nn++;", shared)).toBe(
      "if (!(pthread_mutex_trylock(&m) == 0)) { sem_wait(&s); }\nint t = (atomic_fetch_add(&n, 2) + 2) * 2;\nn = n + 1;");
  });
  it("keeps comments, in each language's syntax", () => {
    expect(sample("python", "// wait for it\nwhile (f) {} /* spin */", { f: true })).toBe("# wait for it\nwhile f: pass  # spin");
    expect(sample("c", "// wait for it\nwhile (f) {} /* spin */", { f: true })).toBe("// wait for it\nwhile (f) {}  /* spin */");
  });
});

describe("every level's statements keep their line", () => {
  it.each(TARGET_LANGUAGES)("%s", (language) => {
    for (const l of levels) {
      const r = renderLevel(l.spec, DIALECTS[language]);
      for (const st of l.program.statements) {
        const spec = l.program.threads[st.thread].spec;
        const place = r.threads[spec].statements.get(st.span.start.offset);
        expect(place, `${l.spec.id}: ${st.text}`).toBeDefined();
        expect(place!.line, `${l.spec.id}: ${st.text}`).toBe(st.span.start.line - 1);
      }
    }
  });
});

describe("odd layouts", () => {
  const shared = { x: 0, m: { type: "mutex" } };
  const code = "while (x < 2)\n{\n  if (x == 0) { x++; m.lock(); } else { m.unlock(); }\n}\n/* a\n   b */ x = 1; x = 2;\nwhile (true) { if (x == 1) { break; } }";
  const l = mini({ shared, threads: [code] });

  it.each(TARGET_LANGUAGES)("%s: every statement has a place whose text is that statement", (language) => {
    const r = renderThread(code, DIALECTS[language], renderScope(l.spec));
    for (const st of l.program.statements) {
      const place = r.statements.get(st.span.start.offset);
      expect(place, st.text).toBeDefined();
      const shown = r.lines[place!.line].slice(place!.from, place!.to);
      expect(shown.length, st.text).toBeGreaterThan(0);
      // The mark holds the statement's own words (x, lock, unlock, break, while, if...).
      const word = /[a-z]+/.exec(st.text)![0];
      const expected = st.text.includes(".unlock") ? /Exit|unlock|release/ : st.text.includes(".lock") ? /Enter|lock|acquire/ : new RegExp(word);
      expect(shown, st.text).toMatch(expected);
    }
  });

  it("Python splits what cannot share a line, and keeps the rest in place", () => {
    const r = renderThread(code, DIALECTS.python, renderScope(l.spec));
    expect(r.lines).toEqual([
      "while x < 2:",
      "",
      "    if x == 0: x += 1; m.acquire()",
      "    else: m.release()",
      "# a",
      "# b",
      "x = 1; x = 2",
      "while True:",
      "    if x == 1: break",
    ]);
  });

  it("C keeps one rendered line per level line", () => {
    const r = renderThread(code, DIALECTS.c, renderScope(l.spec));
    expect(r.lines).toEqual([
      "while (x < 2) {",
      "",
      "    if (x == 0) { x++; pthread_mutex_lock(&m); } else { pthread_mutex_unlock(&m); }",
      "}",
      "/* a",
      " b */ x = 1; x = 2;",
      "while (true) { if (x == 1) { break; } }",
    ]);
  });
});

describe("level names that a language reserves", () => {
  const shared = { lock: { type: "mutex" }, event: 0, pass: false, c: { type: "condition", mutex: "lock" } };
  const code = "lock.lock();\nint def = event;\npass = def > 0;\nc.wait();\nlock.unlock();";
  const l = mini({ shared, threads: [code] });
  it.each([
    ["csharp", "Monitor.Enter(@lock);\nint def = @event;\npass = def > 0;\nMonitor.Wait(@lock);\nMonitor.Exit(@lock);"],
    ["java", "lock.lock();\nint def = event;\npass = def > 0;\nc.await();\nlock.unlock();"],
    ["python", "lock.acquire()\ndef_ = event\npass_ = def_ > 0\nc.wait()\nlock.release()"],
    ["c", "pthread_mutex_lock(&lock);\nint def = event;\npass = def > 0;\npthread_cond_wait(&c, &lock);\npthread_mutex_unlock(&lock);"],
  ] as const)("%s spells them so they compile", (language, expected) => {
    expect(renderThread(code, DIALECTS[language], renderScope(l.spec, DIALECTS[language])).lines.join("\n")).toBe(expected);
    const decls = renderLevel(l.spec, DIALECTS[language]).declarations.join("\n");
    if (language === "csharp") expect(decls).toContain("static readonly object @lock = new object();");
    if (language === "python") expect(decls).toContain("pass_ = False");
  });
});
