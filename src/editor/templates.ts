// Start points for a new level, one for each kind the campaign has: each is a complete, checked
// level (a test runs the solver on every one) for the instructor to rename and reshape. Written
// out as text, in the campaign files' layout, so the editor opens them as they will be saved.

import type { MessageId } from "../i18n/index";

export interface LevelTemplate {
  name: string;
  /** Its name on the start page (a message: the start page speaks the player's language). */
  title: MessageId;
  /** What the level teaches, for the start page. */
  about: MessageId;
  text: string;
}

export const TEMPLATES: readonly LevelTemplate[] = [
  {
    name: "race",
    title: "editor.template.race.title",
    about: "editor.template.race.about",
    text: String.raw`{
  "$schema": "./level.schema.json",
  "format": 1,
  "id": "my-race",
  "title": "My Race",
  "summary": "Two threads add one each. The total says 1.",
  "story": "Two threads each add one to the same counter. The second one waits until the first is done, then checks the total.\n\n` + "`counter++`" + String.raw` is a read and then a write. Make the check fail.",
  "hint": "What if both threads read the counter before either writes it back?",
  "outro": "One increment overwrote the other: a **lost update**. Guard the read-modify-write with a mutex, or use ` + "`atomic_add(counter, 1)`" + String.raw`.",
  "win": ["assertion"],
  "shared": { "counter": 0, "firstDone": false },
  "threads": [
    { "name": "First", "code": "counter++;\nfirstDone = true;" },
    { "name": "Second", "code": "counter++;\nwhile (!firstDone) {\n  // wait for First\n}\nassert(counter == 2);" }
  ],
  "solution": ["First", "Second", "Second", "First", "First", "Second", "Second"]
}
`,
  },
  {
    name: "deadlock",
    title: "editor.template.deadlock.title",
    about: "editor.template.deadlock.about",
    text: String.raw`{
  "$schema": "./level.schema.json",
  "format": 1,
  "id": "my-deadlock",
  "title": "My Deadlock",
  "summary": "Each thread needs both locks. They take them in opposite orders.",
  "story": "Left takes the ` + "`pen`" + String.raw`, then the ` + "`ink`" + String.raw`; Right takes the ink, then the pen. Make them wait for each other forever.",
  "hint": "What happens if each thread holds its first lock when the other asks for it?",
  "outro": "Each thread held what the other needed: a **deadlock**. Taking locks in one agreed order everywhere makes this impossible.",
  "win": ["deadlock"],
  "shared": { "pen": { "type": "mutex" }, "ink": { "type": "mutex" } },
  "threads": [
    { "name": "Left", "code": "pen.lock();\nink.lock();\ncritical_section();\nink.unlock();\npen.unlock();" },
    { "name": "Right", "code": "ink.lock();\npen.lock();\ncritical_section();\npen.unlock();\nink.unlock();" }
  ],
  "solution": ["Left", "Right"]
}
`,
  },
  {
    name: "prove-it",
    title: "editor.template.proof.title",
    about: "editor.template.proof.about",
    text: String.raw`{
  "$schema": "./level.schema.json",
  "format": 1,
  "id": "my-proof",
  "title": "My Proof",
  "summary": "A counter guarded by a mutex. Try to break it.",
  "story": "Both workers take the lock around their increment, and the auditor waits until both are done. This code is meant to be correct: convince yourself that no order breaks it.",
  "outro": "No schedule breaks it: the lock makes each increment one indivisible step.",
  "breakable": false,
  "shared": { "counter": 0, "m": { "type": "mutex" }, "done": { "type": "countdown", "value": 2 } },
  "threads": [
    { "name": "Worker {id}", "count": 2, "code": "m.lock();\ncounter++;\nm.unlock();\ndone.countDown();" },
    { "name": "Auditor", "code": "done.wait();\nassert(counter == 2);" }
  ]
}
`,
  },
  {
    name: "tso",
    title: "editor.template.tso.title",
    about: "editor.template.tso.about",
    text: String.raw`{
  "$schema": "./level.schema.json",
  "format": 1,
  "id": "my-store-buffers",
  "title": "My Store Buffers",
  "summary": "Raise your flag, then check the other one. Safe, until writes wait in a buffer.",
  "story": "Each thread raises its flag, then enters only if the other's flag is down. With every write seen at once, at most one gets in.\n\nHere each thread's writes wait in its **store buffer** until you flush them (*Flush*). Get both threads in.",
  "hint": "A thread sees its own buffered write; the other thread sees memory.",
  "outro": "Both flags were still in the buffers when each thread looked: under TSO a read can pass an earlier write. A ` + "`fence();`" + String.raw` between the write and the read forbids that.",
  "win": ["mutual-exclusion"],
  "shared": { "wantA": false, "wantB": false },
  "threads": [
    { "name": "A", "code": "wantA = true;\nif (!wantB) {\n  critical_section();\n}" },
    { "name": "B", "code": "wantB = true;\nif (!wantA) {\n  critical_section();\n}" }
  ],
  "options": { "memoryModel": "tso" },
  "solution": ["A", "A", "B", "B"]
}
`,
  },
  {
    name: "condition",
    title: "editor.template.condition.title",
    about: "editor.template.condition.about",
    text: String.raw`{
  "$schema": "./level.schema.json",
  "format": 1,
  "id": "my-condition",
  "title": "My Condition",
  "summary": "Wait if there is nothing, then take one. What could go wrong?",
  "story": "Consumers wait on ` + "`notEmpty`" + String.raw` while there are no items; the producer adds one and signals. A consumer that wakes up takes an item, and the count must never go below zero.",
  "hint": "Between the signal and the moment the woken consumer gets the mutex back, who else can take it?",
  "outro": "Another consumer took the item before the woken one got the mutex back. With Mesa semantics a wakeup is only a hint: check the condition again in a ` + "`while`" + String.raw` loop.",
  "win": ["assertion"],
  "shared": { "items": 0, "m": { "type": "mutex" }, "notEmpty": { "type": "condition", "mutex": "m" } },
  "threads": [
    { "name": "Consumer {id}", "count": 2, "code": "m.lock();\nif (items == 0) {\n  notEmpty.wait();\n}\nitems--;\nassert(items >= 0);\nm.unlock();" },
    { "name": "Producer", "code": "m.lock();\nitems++;\nnotEmpty.signal();\nm.unlock();" }
  ]
}
`,
  },
  {
    name: "exception",
    title: "editor.template.exception.title",
    about: "editor.template.exception.about",
    text: String.raw`{
  "$schema": "./level.schema.json",
  "format": 1,
  "id": "my-exception",
  "title": "My Exception",
  "summary": "Two workers, one queue, no lock.",
  "story": "Both workers put their result on the same ` + "`results`" + String.raw` queue. The queue is not thread-safe: it throws if two threads are inside it at once.",
  "hint": "Putting an item on the queue takes two steps. What if the other worker starts while the first is halfway?",
  "outro": "Both workers were inside the queue at once, and it threw. A plain queue shared between threads needs a mutex around every use, or a queue built for concurrency.",
  "win": ["exception"],
  "shared": { "results": { "type": "queue" } },
  "threads": [
    { "name": "Worker {id}", "count": 2, "code": "results.enqueue(id);" }
  ],
  "solution": ["Worker 0", "Worker 1"]
}
`,
  },
  {
    name: "mutual-exclusion",
    title: "editor.template.smallest.title",
    about: "editor.template.smallest.about",
    text: String.raw`{
  "$schema": "./level.schema.json",
  "format": 1,
  "id": "my-level",
  "title": "My Level",
  "summary": "Two threads, one room.",
  "win": ["mutual-exclusion"],
  "noops": ["work"],
  "threads": [
    { "name": "Ann", "code": "work();\ncritical_section();" },
    { "name": "Bob", "code": "work();\ncritical_section();" }
  ],
  "solution": ["Ann", "Bob"]
}
`,
  },
];

export function templateNamed(name: string): LevelTemplate | undefined {
  return TEMPLATES.find((t) => t.name === name);
}
