// A statement in plain words: what each of its steps does and how many steps it takes, read off
// the compiled program (its instructions and their access labels), so the words always agree with
// what the engine will do.

import * as I from "./program";
import type { Program } from "./program";
import { localAction, type LocalAction } from "./explain";

/** The object or variable an access label names ("read counter" -> "counter"). */
function subject(label: string): string {
  const patterns = [/^read (.+)$/, /^write (.+)$/, /^atomically (?:add to|exchange) (.+)$/, /^compare-and-swap (.+)$/, /wait on (.+)$/,
    /^re-acquire (.+)$/, /^arrive at (.+)$/, / on (.+)$/, /^(.+)\.\w+\(\)$/];
  for (const p of patterns) {
    const m = p.exec(label);
    if (m) return m[1];
  }
  return label;
}

function phrase(op: number, label: string): string {
  const x = subject(label);
  switch (op) {
    case I.LD: return `reads ${x}`;
    case I.ST: return `writes ${x}`;
    case I.AADD: return `adds to ${x} and reads the result, in one indivisible step`;
    case I.AXCHG: return `puts a new value in ${x} and reads the old one, in one indivisible step`;
    case I.ACAS: return `compares ${x} with the expected value and, only if they are equal, writes the new one, in one indivisible step`;
    case I.LOCK: return `takes the mutex ${x} if it is free, otherwise waits`;
    case I.UNLOCK: return `releases the mutex ${x} (only the thread holding it may)`;
    case I.TRYLOCK: return `takes the mutex ${x} if it is free and says whether it did, never waiting`;
    case I.SEM_WAIT: return `takes one from the semaphore ${x}, waiting while it is 0`;
    case I.SEM_SIGNAL: return `adds one to the semaphore ${x}`;
    case I.COND_WAIT: return `${label.replace(/^release/, "releases").replace(/ and wait on /, " and waits on ")} for a signal`;
    case I.COND_REACQUIRE: return `once woken, takes ${x} back, waiting while another thread holds it`;
    case I.COND_SIGNAL: return `wakes the longest-waiting thread on ${x} (with nobody waiting, the signal is lost)`;
    case I.COND_BROADCAST: return `wakes every thread waiting on ${x}`;
    case I.BARRIER_WAIT: return `arrives at the barrier ${x}, then waits until every party has arrived`;
    case I.CD_DOWN: return `counts ${x} down by one`;
    case I.CD_WAIT: return `waits until ${x} has counted down to 0`;
    case I.EV_SET: return `sets the event ${x}, letting every waiter go`;
    case I.EV_RESET: return `clears the event ${x}`;
    case I.EV_WAIT: return `waits until the event ${x} is set`;
    case I.RW_RLOCK: return `takes ${x} for reading, waiting while a writer holds it`;
    case I.RW_RUNLOCK: return `gives back its read hold on ${x}`;
    case I.RW_WLOCK: return `takes ${x} for writing, waiting while anyone else holds it`;
    case I.RW_WUNLOCK: return `gives back its write hold on ${x}`;
    case I.Q_ENQ_BEGIN: return `begins adding an item to ${x}`;
    case I.Q_ENQ_END: return `finishes adding it`;
    case I.Q_DEQ_BEGIN: return `begins taking the front item of ${x} (an empty queue throws)`;
    case I.Q_DEQ_END: return `finishes taking it`;
    case I.Q_SIZE: return `reads how many items ${x} holds`;
    default: return label;
  }
}

export interface StatementExplanation {
  /** "reads counter, then writes counter" */
  does: string;
  /** "2 steps", "1 step", "1 to 2 steps" */
  steps: string;
  /** Both, as one sentence. */
  text: string;
}

/** Each statement's instructions, found in one pass over the program: the level screen explains
 *  every statement, and a scan of the whole program for each one is quadratic in the code's size. */
const instructionsOf = new WeakMap<Program, number[][]>();

function instructions(p: Program, index: number): readonly number[] {
  let table = instructionsOf.get(p);
  if (!table) {
    table = p.statements.map(() => []);
    // A thread's END belongs to no statement (an empty thread's is counted as the next one's).
    for (let pc = 0; pc < p.statementOf.length; pc++) if (p.code[pc * I.STRIDE] !== I.END) table[p.statementOf[pc]].push(pc);
    instructionsOf.set(p, table);
  }
  return table[index];
}

/** What statement `index` of `p.statements` does, and its steps. */
export function explainStatement(p: Program, index: number): StatementExplanation {
  const stmt = p.statements[index];
  const accesses: string[] = [];
  const pcs = instructions(p, index);
  const first = pcs.length > 0 ? pcs[0] : -1;
  for (const pc of pcs) {
    if (p.accessOrdinal[pc] > 0) accesses.push(phrase(p.code[pc * I.STRIDE], p.accessLabel[pc]));
  }
  // `x++` on a shared x: say what the write writes.
  if (stmt.kind === "incdec" && accesses.length === 2 && accesses[1] === accesses[0].replace(/^reads/, "writes")) {
    accesses[1] = `writes it back ${stmt.text.includes("++") ? "plus" : "minus"} one`;
  }
  let does: string;
  if (accesses.length > 0) {
    does = accesses.join(", then ");
    if (stmt.kind === "if" || stmt.kind === "while") does += ", and picks the branch";
  } else {
    does = LOCAL_WORK[localAction(stmt.kind, stmt.text, first >= 0 && p.critical[first] === 1)];
  }
  const n = Math.max(1, stmt.accesses);
  const shortCircuit = n > 1 && /&&|\|\|/.test(stmt.text);
  const steps = shortCircuit ? `1 to ${n} steps (the condition stops reading as soon as its answer is known)` : `${n} step${n === 1 ? "" : "s"}`;
  const sentence = does.charAt(0).toUpperCase() + does.slice(1);
  return { does, steps, text: `${sentence}: ${steps}.` };
}

/** What a local statement does, told of the thread ("works on its own locals only"). */
const LOCAL_WORK: Record<LocalAction, string> = {
  critical: "leaves the critical section (a thread standing here is in it)",
  branch: "picks the branch from its own locals",
  locals: "works on its own locals only",
  break: "leaves the loop",
  continue: "goes back to the loop's condition",
  exit: "ends the whole program",
  fence: "waits for its store buffer to reach memory (a fence)",
  call: "does its own business, touching nothing shared",
};
