// The shape of a level file as one zod schema: validation, defaults, the TypeScript types and the
// editors' JSON Schema (levels/level.schema.json) all come from here. Rules that need more than
// one field at a time (names that must exist, totals, moves) are checked in level.ts.
//
// It is written with zod/mini, the tree-shakable form of zod 4: every screen that opens a level
// loads this, and classic zod alone was 26 kB gzip of the game's 150 kB budget.

import * as z from "zod/mini";
import { MAX_CODE_LENGTH, MAX_LEVEL_CODE_LENGTH, MAX_NESTING } from "./lang/limits";
import { MAX_PARAM_VALUE, MAX_PARAM_VALUES, MAX_PARAMS, type LevelParam, type Variant } from "./params";
import { LANGUAGE_TAG, MAX_TRANSLATIONS, type LevelTranslation } from "./translations";

const OUTCOMES = ["mutual-exclusion", "assertion", "deadlock", "exception"] as const;
export type WinOutcome = (typeof OUTCOMES)[number];
export const ALL_WIN_OUTCOMES: readonly WinOutcome[] = OUTCOMES;

const SYNC_TYPES = ["mutex", "semaphore", "condition", "barrier", "countdown", "event", "rwlock", "queue"] as const;
export type SyncType = (typeof SYNC_TYPES)[number];
export const ALL_SYNC_TYPES: readonly SyncType[] = SYNC_TYPES;

/** Most threads a level may have after `count` is expanded; also the largest `count`. */
export const MAX_THREADS = 16;
export const MAX_COUNT = 16;
export const MAX_QUEUE_CAPACITY = 32;
export const MAX_STORE_BUFFER = 16;
export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

/** Names of shared state and of noops: what the thread-code lexer reads as an identifier. */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Words of the thread-code language; they cannot name shared state or noops. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  "int", "bool", "true", "false", "if", "else", "while", "break", "continue", "id", "assert", "exit",
  "critical_section", "fence", "atomic_add", "atomic_exchange", "atomic_cas",
]);
const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// Messages written here are the ones an instructor reads; anything left without one gets a
// plain message built from its JSON path in level.ts.
const notAName = (iss: { input?: unknown }) =>
  `${JSON.stringify(iss.input)} is not a valid name: use letters, digits and "_", and do not start with a digit`;

/** A 32-bit integer: every number of the game is one. */
const int32 = () =>
  z.int32({
    error: (iss) =>
      iss.code === "invalid_type" ? "expected an integer" : `expected a 32-bit integer, from ${INT32_MIN} to ${INT32_MAX}`,
  });

/** An integer in [min, max]; a value of the wrong type still reads "expected an integer". */
function intIn(field: string, min: number, max = INT32_MAX) {
  const message = max === INT32_MAX ? `"${field}" must be an integer, ${min} or more` : `"${field}" must be an integer from ${min} to ${max}`;
  const error = (iss: { code?: string; input?: unknown }) =>
    iss.code === "invalid_type" && typeof iss.input !== "number" ? "expected an integer" : message;
  return z.int32({ error }).check(z.minimum(min, { error }), z.maximum(max, { error }));
}

/** Thread code: a string of at most MAX_CODE_LENGTH characters (the parser bounds its nesting). */
const threadCode = (whose: string) =>
  z.string().check(
    z.maxLength(MAX_CODE_LENGTH, {
      error: (iss) => {
        const length = typeof iss.input === "string" ? iss.input.length : 0;
        return `${whose} may be at most ${MAX_CODE_LENGTH.toLocaleString("en")} characters, but this one has ${length.toLocaleString("en")}`;
      },
    }),
  );
const CODE_LIMITS = `At most ${MAX_CODE_LENGTH.toLocaleString("en")} characters, nested at most ${MAX_NESTING} levels deep.`;

/** Documentation for editors: the description Monaco and VS Code show on hover. */
const doc = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description)) as T;

const count = () =>
  doc(z.optional(intIn("count", 1, MAX_COUNT)), `Makes an array of ${MAX_COUNT} or fewer such objects: with "count": 5, the code uses name[0] to name[4].`);

const syncObject = <T extends SyncType, S extends z.core.$ZodLooseShape>(type: T, description: string, shape: S) =>
  doc(z.strictObject({ type: doc(z.literal(type), description), ...shape, count: count() }), description);

const MutexSchema = syncObject("mutex", "A mutex: m.lock(), m.unlock(), m.tryLock(). Not re-entrant.", {});
const SemaphoreSchema = syncObject("semaphore", "A counting semaphore: s.wait() blocks at 0, s.signal() adds one.", {
  value: doc(z._default(intIn("value", 0), 0), "The starting count. Default 0."),
  max: doc(z.optional(intIn("max", 1)), "The largest count: signal() above it throws. Default: no limit."),
});
const ConditionSchema = syncObject("condition", "A condition variable with Mesa semantics: c.wait(), c.signal(), c.broadcast().", {
  mutex: doc(z.string(), 'The name of the mutex this condition is bound to, declared in "shared" (not an array).'),
});
const BarrierSchema = syncObject("barrier", "A cyclic barrier: b.wait(); the parties-th arrival releases everyone.", {
  parties: doc(intIn("parties", 1), "How many threads must arrive before the barrier opens."),
});
const CountdownSchema = syncObject("countdown", "A countdown latch: latch.countDown(), latch.wait() blocks until 0.", {
  value: doc(intIn("value", 0), "The starting count."),
});
const EventSchema = syncObject("event", "A manual-reset event: e.set(), e.reset(), e.wait() blocks while not set.", {
  set: doc(z._default(z.boolean(), false), "Whether the event starts set. Default false."),
});
const RwlockSchema = syncObject("rwlock", "A readers-writer lock: readLock(), readUnlock(), writeLock(), writeUnlock().", {});
const QueueSchema = syncObject("queue", "A bounded FIFO queue that is NOT thread-safe: q.enqueue(e), q.dequeue(), q.size().", {
  items: doc(z._default(z.array(int32()), () => []), "The items in the queue at the start, front first. Default []."),
  capacity: doc(z._default(intIn("capacity", 1, MAX_QUEUE_CAPACITY), 8), `The most items the queue can hold, 1 to ${MAX_QUEUE_CAPACITY}. Default 8.`),
});

/** Each synchronization object's schema, by its `type`. */
export const SYNC_SCHEMAS = {
  mutex: MutexSchema, semaphore: SemaphoreSchema, condition: ConditionSchema, barrier: BarrierSchema,
  countdown: CountdownSchema, event: EventSchema, rwlock: RwlockSchema, queue: QueueSchema,
};

const SyncDeclSchema = doc(
  z.discriminatedUnion("type", [MutexSchema, SemaphoreSchema, ConditionSchema, BarrierSchema, CountdownSchema, EventSchema, RwlockSchema, QueueSchema]),
  `A synchronization object; "type" is one of ${SYNC_TYPES.join(", ")}.`,
);

const SharedDeclSchema = doc(
  z.union(
    [
      doc(int32(), "A shared int (32-bit, wraps around)."),
      doc(z.boolean(), "A shared bool."),
      doc(
        z.array(z.union([int32(), z.boolean()], { error: "expected an integer or true/false" })).check(z.minLength(1)),
        "A shared array of ints, or of bools (not both), with its starting values.",
      ),
      SyncDeclSchema,
    ],
    { error: 'expected an integer, true or false, an array, or a synchronization object like { "type": "mutex" }' },
  ),
  "A shared variable: an int, a bool, an array of either, or a synchronization object.",
);

export const ThreadSchema = doc(
  z.strictObject({
    name: doc(z.string().check(z.minLength(1)), 'The name the player sees. With "count", "{id}" in it becomes 0, 1, 2...; names must be unique.'),
    code: doc(threadCode("a thread's code"), `The thread's code, in Interleave's small C-like language. ${CODE_LIMITS}`),
    count: doc(z.optional(intIn("count", 1, MAX_COUNT)), `Runs this many copies (1 to ${MAX_COUNT}); each has a read-only local "id" from 0.`),
  }),
  "One thread, or several copies of it.",
);

export const OptionsSchema = z.strictObject({
  spuriousWakeups: doc(
    z._default(z.boolean(), false),
    'When true, the player may wake any thread waiting on a condition (move "NAME:wake"). Default false.',
  ),
  memoryModel: doc(
    z._default(z.enum(["sc", "tso"], { error: '"memoryModel" must be "sc" or "tso"' }), "sc"),
    '"sc": sequential consistency (default). "tso": each thread has a FIFO store buffer, flushed by the move "NAME:flush".',
  ),
  storeBufferSize: doc(
    z._default(intIn("storeBufferSize", 1, MAX_STORE_BUFFER), 4),
    `Under "tso", how many writes a store buffer holds (1 to ${MAX_STORE_BUFFER}); a full buffer makes its thread wait for a flush. Default 4.`,
  ),
});

const threadNumberError = { error: "a thread number must be an integer, 0 or more" };
const MoveSchema = doc(
  z.union([z.string(), z.int32(threadNumberError).check(z.minimum(0, threadNumberError))], {
    error: 'a move is a thread name, a thread number from 0, "NAME:wake" or "NAME:flush"',
  }),
  'One move: a thread name or 0-based number (one step of that thread), "NAME:wake" or "NAME:flush".',
);

const FinalValueSchema = doc(
  z.union([int32(), z.boolean()], { error: "expected an integer or true/false" }),
  "The value the variable must have when every thread has finished.",
);

/** A list whose items must differ (editors flag a repeat; level.ts reports it with its place). */
const unique = <T extends z.ZodMiniType>(schema: T): T => schema.check(z.meta({ uniqueItems: true })) as T;

export const FixSchema = doc(
  z.strictObject({
    threads: doc(
      unique(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
      'The threads the student may edit, by their "name" in "threads" (for a thread with "count", its name template, such as "Philosopher {id}").',
    ),
    forbid: doc(
      z._default(unique(z.array(z.enum(OUTCOMES, { error: `"forbid" must list outcomes from: ${OUTCOMES.join(", ")}` })).check(z.minLength(1))), () => [...OUTCOMES]),
      `Outcomes no schedule of the fixed program may reach, from ${OUTCOMES.join(", ")}. Default: all four. exit() is always forbidden.`,
    ),
    require: doc(
      z.prefault(
        z.strictObject({
          finish: doc(
            z._default(z.boolean(), true),
            "When true, some schedule must run every thread to its end (the finished outcome stays reachable). Default true.",
          ),
          final: doc(
            z.optional(z.record(z.string().check(z.regex(IDENTIFIER, { error: notAName })), FinalValueSchema)),
            "Shared int and bool variables (not arrays) and the value each must have in every state where all threads have finished.",
          ),
        }),
        {},
      ),
      "What the fixed program must still do, so that deleting the code or waiting forever is no fix. Default: finish.",
    ),
    reference: doc(
      z.record(z.string(), doc(threadCode("a thread's code in the reference fix"), `The reference fix's code for this thread. ${CODE_LIMITS}`)),
      'The reference fix: new code for every thread named in "threads" (exactly those). `levels check` verifies it passes.',
    ),
  }),
  "Makes this a fix-it level: the student edits the code of these threads until no schedule can break it.",
);

/** One parameter: the integers min, min + step, ..., max (levels/README.md, "Parameterised levels"). */
export const ParamSchema = doc(
  z.strictObject({
    min: doc(intIn("min", 0, MAX_PARAM_VALUE), "The smallest value."),
    max: doc(intIn("max", 0, MAX_PARAM_VALUE), 'The largest value: "min" plus a whole number of steps.'),
    step: doc(z.optional(intIn("step", 1, MAX_PARAM_VALUE)), "The distance between values. Default 1."),
    default: doc(z.optional(intIn("default", 0, MAX_PARAM_VALUE)), 'The value played outside a pack, one of the values. Default: "min".'),
  }),
  `A parameter: at most ${MAX_PARAM_VALUES} integer values from 0 to ${MAX_PARAM_VALUE.toLocaleString("en")}, written {{name}} in code, texts and "shared".`,
);

/** A language key of `translations`: two or three lower-case letters. */
export const languageKey = () =>
  z.string().check(
    z.regex(LANGUAGE_TAG, {
      error: (iss) => `${JSON.stringify(iss.input)} is not a language: use its two- or three-letter code in lower case, like "de"`,
    }),
  );

/** A record of translations by language; at most MAX_TRANSLATIONS (the rules in level.ts and campaign.ts report more). */
export const translationsOf = <T extends z.ZodMiniType>(schema: T) =>
  z.record(languageKey(), schema).check(z.meta({ maxProperties: MAX_TRANSLATIONS }));

/** One language's words of a level (levels/README.md, "Translations"); a field left out is shown in English. */
export const TranslationSchema = doc(
  z.strictObject({
    title: doc(z.optional(z.string().check(z.minLength(1))), "The title in this language."),
    summary: doc(z.optional(z.string().check(z.minLength(1))), "The summary in this language."),
    story: doc(z.optional(z.string()), 'The story in this language (Markdown); only if the level has a "story".'),
    hint: doc(z.optional(z.string()), 'The hint in this language (Markdown); only if the level has a "hint".'),
    outro: doc(z.optional(z.string()), 'The outro in this language (Markdown); only if the level has an "outro".'),
  }),
  "The level's words in one language. A field left out is shown in English.",
);

export const LevelSchema = z
  .strictObject({
    $schema: doc(z.optional(z.string()), 'The JSON Schema editors check this file with: "./level.schema.json".'),
    format: doc(z.literal(1, { error: '"format" must be 1' }), "The version of the level format: 1."),
    id: doc(
      z.string().check(z.regex(KEBAB_CASE, { error: '"id" must be lower-case kebab-case, like "simple-counter"' })),
      'Lower-case kebab-case, unique across levels/; the file is named after it: "simple-counter.json".',
    ),
    title: doc(z.string().check(z.minLength(1)), "The level's name, shown in the campaign."),
    summary: doc(z.string().check(z.minLength(1)), "One line shown under the title."),
    story: doc(z.optional(z.string()), "Markdown shown before play. Raw HTML is shown as text."),
    hint: doc(z.optional(z.string()), "Markdown shown on request. Raw HTML is shown as text."),
    outro: doc(z.optional(z.string()), "Markdown shown after a win: what the bug teaches. Raw HTML is shown as text."),
    translations: doc(
      z.optional(translationsOf(TranslationSchema)),
      `The level's words in other languages, by two- or three-letter language code ("de"), at most ${MAX_TRANSLATIONS}: title, summary, story, hint, outro. A field left out is shown in English.`,
    ),
    win: doc(
      z._default(unique(z.array(z.enum(OUTCOMES, { error: `"win" must list outcomes from: ${OUTCOMES.join(", ")}` })).check(z.minLength(1))), () => [...OUTCOMES]),
      `Which outcomes count as a win, from ${OUTCOMES.join(", ")}. Default: all four.`,
    ),
    breakable: doc(
      z._default(z.boolean(), true),
      'false marks a "prove it" level whose code is correct: no interleaving may reach a winning outcome. Default true.',
    ),
    shared: doc(
      z._default(z.record(z.string().check(z.regex(IDENTIFIER, { error: notAName })), SharedDeclSchema), () => ({})),
      "Shared state, by name: ints, bools, arrays and synchronization objects. Default: none.",
    ),
    noops: doc(
      z._default(z.array(z.string().check(z.regex(IDENTIFIER, { error: notAName }))), () => []),
      'Names of calls that take one step and do nothing, like "business_logic". Default: none.',
    ),
    threads: doc(
      z.array(ThreadSchema).check(z.minLength(1)),
      `The threads, one or more; at most ${MAX_THREADS} after "count" is expanded, with at most ${MAX_LEVEL_CODE_LENGTH.toLocaleString("en")} characters of code in all (each copy counted).`,
    ),
    options: doc(z.prefault(OptionsSchema, {}), "Rules of the machine the threads run on. Default: all defaults."),
    solution: doc(z.optional(z.array(MoveSchema)), "A list of moves, every one legal, whose last move wins. Checked by `npm run levels -- check`."),
    fix: z.optional(FixSchema),
    params: doc(
      z.optional(z.record(z.string().check(z.regex(IDENTIFIER, { error: notAName })), ParamSchema)),
      `At most ${MAX_PARAMS} parameters, by name: each student may get other values; {{name}} stands for the value in the texts, the threads' code and "shared".`,
    ),
  })
  .check(
    z.meta({
      title: "Interleave level",
      description: "A level of Interleave, the concurrency puzzle game (level format 1; see LEVEL_FORMAT.md).",
    }),
  );

export type SyncDecl =
  | { type: "mutex"; count?: number }
  | { type: "semaphore"; value: number; max?: number; count?: number }
  | { type: "condition"; mutex: string; count?: number }
  | { type: "barrier"; parties: number; count?: number }
  | { type: "countdown"; value: number; count?: number }
  | { type: "event"; set: boolean; count?: number }
  | { type: "rwlock"; count?: number }
  | { type: "queue"; items: number[]; capacity: number; count?: number };
/** A fix-it level's `fix`, every default applied. */
export interface FixSpec {
  threads: string[];
  forbid: WinOutcome[];
  require: { finish: boolean; final?: Record<string, number | boolean> };
  reference: Record<string, string>;
}
export type SharedDecl = number | boolean | number[] | boolean[] | SyncDecl;
export interface ThreadSpec {
  name: string;
  code: string;
  count?: number;
}
/** A validated level, every default applied. */
export interface LevelSpec {
  format: 1;
  id: string;
  title: string;
  summary: string;
  story?: string;
  hint?: string;
  outro?: string;
  /** The words in other languages, by language code (read them with localizedText). */
  translations?: Record<string, LevelTranslation>;
  win: WinOutcome[];
  breakable: boolean;
  /** In the order of the file. */
  shared: Record<string, SharedDecl>;
  noops: string[];
  threads: ThreadSpec[];
  options: { spuriousWakeups: boolean; memoryModel: "sc" | "tso"; storeBufferSize: number };
  solution?: (string | number)[];
  /** Present on a fix-it level. */
  fix?: FixSpec;
  /** A parameterised level's parameters, in the order of the file, and the values this spec was made with. */
  params?: LevelParam[];
  variant?: Variant;
}

/**
 * The spec of a level the schema accepted and the rules passed. Arrays in `shared` are
 * homogeneous by then (a rule checks it), which the schema's types cannot say.
 */
export function toLevelSpec(parsed: z.output<typeof LevelSchema>): LevelSpec {
  const { $schema: _ignored, params: _params, ...spec } = parsed;
  return { ...spec, shared: spec.shared as Record<string, SharedDecl> };
}
