// The wait-for graph of a state: threads and synchronization objects as nodes, "waits for" edges
// from a thread to what it waits for, "holds" edges from an object to the thread holding it, and
// the cycle, if there is one, in words. A busy-waiting thread waits on its loop's condition.
// Read off the packed state with the engine's own words (explain.ts); no rule is repeated here.
// After a deadlock it also names its kind (a cycle, a lost wake-up, a lock left held...), read
// off the same graph: what the stuck threads wait for, and who could still help.

import { analyzerFor, listNames, type GameState } from "./engine";
import { blockedOn, objectAt } from "./explain";
import * as I from "./program";
import type { DescKind, Program } from "./program";
import { execStep, isFinished, newFault, OK } from "./vm";
import { showBidiControls } from "./visible-text";

export type ThreadStatus = "can-run" | "blocked" | "spinning" | "finished";

export interface WaitNode {
  /** `t0` for thread 0, `o:acct[1]` for an object, `spin0` for thread 0's loop condition. */
  id: string;
  kind: "thread" | "object" | "spin";
  label: string;
  /** Thread nodes: the thread; spin nodes: the spinning thread. */
  thread?: number;
  status?: ThreadStatus;
  objectKind?: DescKind;
  /** Under the label: "value 0", "1 of 3 arrived", "finished". */
  detail?: string;
  inCycle: boolean;
}

export interface WaitEdge {
  from: string;
  to: string;
  kind: "waits-for" | "holds" | "spins-on";
  /** The edge's words, read along the arrow: "waits for", "held by", "spins on". */
  label: string;
  inCycle: boolean;
}

export interface WaitForGraph {
  nodes: WaitNode[];
  edges: WaitEdge[];
  /** Around the cycle: thread i waits for object i, held by thread i + 1 (the last by the first). */
  cycle: { thread: number; object: string }[] | null;
  /** One sentence per thread that cannot go on (and per finished thread still holding a lock):
   *  what it waits for, and why nothing comes. */
  waits: { thread: number; text: string }[];
  /** After a deadlock, what kind it is; null while the game goes on. */
  deadlock: DeadlockName | null;
  /** The whole graph in words, for screen readers: the cycle, or that there is none. */
  summary: string;
}

export type DeadlockKind = "cycle" | "self" | "lost-wake-up" | "abandoned-lock" | "no-signal" | "busy-wait" | "stuck";

export interface DeadlockName {
  kind: DeadlockKind;
  /** "a lost wake-up": what the outcome dialog's title adds to "Deadlock". */
  name: string;
  /** Why nothing can move, in one sentence: "Nobody is left to signal arrived." */
  sentence: string;
}

/** The wait-for graph of `state`. `stuck` (a deadlock) adds why nobody can help ("no thread can
 *  signal it") and looks for busy-waiting threads. */
export function waitForGraph(state: GameState): WaitForGraph {
  const p = state.program;
  const s = state.packed;
  const stuck = state.outcome?.kind === "deadlock";
  const names = p.threads.map((t) => showBidiControls(t.name));
  const nodes: WaitNode[] = [];
  const edges: WaitEdge[] = [];
  const objects = new Map<string, WaitNode>();
  const waits: { thread: number; text: string }[] = [];
  /** Per thread: the threads holding what it waits for, with the object. */
  const waitsOn: { object: string; holders: number[] }[] = p.threads.map(() => ({ object: "", holders: [] }));
  /** What the stuck threads wait for that only another thread could give: a signal, a set... */
  const unanswered: { kind: DescKind; object: string; thread: number }[] = [];
  const abandoned: string[] = [];

  const objectNode = (slot: number): WaitNode => {
    const o = objectAt(p, slot)!;
    let node = objects.get(o.name);
    if (!node) {
      node = { id: `o:${o.name}`, kind: "object", label: o.name, objectKind: o.desc.kind, detail: objectDetail(p, s, o.desc.kind, o.desc.base + o.index * o.desc.size, o.desc.aux), inCycle: false };
      objects.set(o.name, node);
    }
    return node;
  };
  const holders = (slot: number, kind: DescKind): number[] => {
    if (kind === "mutex") return s[slot] === 0 ? [] : [s[slot] - 1];
    if (kind === "rwlock") return [...(s[slot] === 0 ? [] : [s[slot] - 1]), ...p.threads.map((_, k) => k).filter((k) => (s[slot + 1] & (1 << k)) !== 0)];
    return [];
  };

  const threadNodes = p.threads.map((_, t): WaitNode => ({ id: `t${t}`, kind: "thread", label: names[t], thread: t, status: "can-run", inCycle: false }));
  for (let t = 0; t < p.threads.length; t++) {
    const node = threadNodes[t];
    if (isFinished(p, s, t)) {
      node.status = "finished";
      node.detail = "finished";
      continue;
    }
    const on = blockedOn(p, s, t);
    if (on && on.slot >= 0) {
      node.status = "blocked";
      const obj = objectNode(on.slot);
      const kind = obj.objectKind!;
      const at = objectAt(p, on.slot)!;
      const slot = at.desc.base + at.index * at.desc.size;
      const op = p.code[on.pc * I.STRIDE];
      const reacquire = op === I.COND_REACQUIRE && kind === "mutex";
      edges.push({ from: node.id, to: obj.id, kind: "waits-for", label: reacquire ? "waits to re-acquire" : "waits for", inCycle: false });
      const held = holders(slot, kind);
      waitsOn[t] = { object: obj.label, holders: held };
      waits.push({ thread: t, text: waitSentence(p, s, t, obj.label, kind, slot, held, { reacquire, stuck }) });
      if (kind !== "mutex" && kind !== "rwlock") unanswered.push({ kind, object: obj.label, thread: t });
    } else if (stuck && analyzerFor(p).stuck(s, t)) {
      node.status = "spinning";
      const spin = spinCondition(p, s, t);
      const id = `spin${t}`;
      nodes.push({ id, kind: "spin", label: spin.text, thread: t, inCycle: false });
      edges.push({ from: node.id, to: id, kind: "spins-on", label: "spins on", inCycle: false });
      waits.push({ thread: t, text: `${names[t]} spins on ${spin.text}: waits for ${spin.goal}; no thread can ${spin.verb} it` });
    }
  }
  // What each thread holds, blocked or not: a finished thread still holding a lock matters most.
  for (const d of p.descriptors) {
    if (d.kind !== "mutex" && d.kind !== "rwlock") continue;
    for (let i = 0; i < d.count; i++) {
      const slot = d.base + i * d.size;
      for (const t of holders(slot, d.kind)) {
        const obj = objectNode(slot);
        edges.push({ from: obj.id, to: `t${t}`, kind: "holds", label: "held by", inCycle: false });
        if (threadNodes[t].status === "finished" && stuck) {
          const text = `${names[t]} finished while still holding ${obj.label}, so nobody can take it`;
          waits.push({ thread: t, text });
          abandoned.push(text);
        }
      }
    }
  }

  const cycle = findCycle(waitsOn);
  if (cycle) {
    cycle.forEach(({ thread, object }, k) => {
      const next = cycle[(k + 1) % cycle.length].thread;
      threadNodes[thread].inCycle = true;
      objects.get(object)!.inCycle = true;
      for (const e of edges) {
        if ((e.from === `t${thread}` && e.to === `o:${object}`) || (e.from === `o:${object}` && e.to === `t${next}`)) e.inCycle = true;
      }
    });
  }
  const holder = (k: number) => (cycle!.length === 1 ? `${names[cycle![0].thread]} itself` : names[cycle![(k + 1) % cycle!.length].thread]);
  const cycleText = cycle && `Cycle: ${cycle.map(({ thread, object }, k) => `${names[thread]} waits for ${object}, held by ${holder(k)}`).join("; ")}.`;
  const spinning = threadNodes.filter((n) => n.status === "spinning").map((n) => n.label);
  const deadlock = stuck ? nameDeadlock(cycleText, cycle, names, unanswered, abandoned, spinning) : null;
  const summary = cycleText
    ? cycleText
    : waits.length > 0
      ? `${deadlock ? `${capitalize(deadlock.name)}. ${deadlock.sentence}` : "No cycle."} ${waits.map((w) => `${w.text}.`).join(" ")}`
      : "No thread is waiting.";
  return { nodes: [...threadNodes, ...objects.values(), ...nodes], edges, cycle, waits, deadlock, summary };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What the one thing nobody is left to do is, per object kind: "signal", "set"... */
const ANSWER: Partial<Record<DescKind, (object: string) => string>> = {
  condition: (o) => `signal ${o}`,
  semaphore: (o) => `signal ${o}`,
  event: (o) => `set ${o}`,
  countdown: (o) => `count ${o} down`,
  barrier: (o) => `arrive at ${o}`,
};

/** The kind of a deadlock, most telling first: a cycle of waits; a thread asleep in a condition's
 *  wait set that nobody is left to signal (a lost wake-up); a lock whose holder has finished; a
 *  signal, set or arrival nobody is left to give; threads spinning on what never changes. */
function nameDeadlock(
  cycleText: string | null,
  cycle: { thread: number; object: string }[] | null,
  names: string[],
  unanswered: { kind: DescKind; object: string; thread: number }[],
  abandoned: string[],
  spinning: string[],
): DeadlockName {
  if (cycle && cycle.length === 1) {
    return { kind: "self", name: "a thread waits for itself", sentence: `${names[cycle[0].thread]} waits for ${cycle[0].object}, which it holds itself.` };
  }
  if (cycle) return { kind: "cycle", name: "a cycle of waits", sentence: cycleText! };
  const nobodyFor = (list: typeof unanswered) => {
    const objects = [...new Set(list.map((u) => ANSWER[u.kind]!(u.object)))];
    return `Nobody is left to ${objects.join(" or ")}.`;
  };
  const sleepers = unanswered.filter((u) => u.kind === "condition");
  if (sleepers.length > 0) return { kind: "lost-wake-up", name: "a lost wake-up", sentence: nobodyFor(sleepers) };
  if (abandoned.length > 0) return { kind: "abandoned-lock", name: "a lock left held", sentence: `${capitalize(abandoned[0])}.` };
  if (unanswered.length > 0) return { kind: "no-signal", name: "a signal that never comes", sentence: nobodyFor(unanswered) };
  if (spinning.length > 0) {
    return {
      kind: "busy-wait",
      name: "busy-waiting forever",
      sentence: `${listNames(spinning)} ${spinning.length === 1 ? "spins" : "spin"} for good: nobody is left to change what ${spinning.length === 1 ? "it waits" : "they wait"} for.`,
    };
  }
  return { kind: "stuck", name: "every thread stuck", sentence: "No thread can go on." };
}

function objectDetail(p: Program, s: Int32Array, kind: DescKind, at: number, aux: number): string {
  switch (kind) {
    case "mutex":
      return s[at] === 0 ? "free" : `held by ${showBidiControls(p.threads[s[at] - 1].name)}`;
    case "semaphore":
      return `value ${s[at]}`;
    case "barrier":
      return `${s[at]} of ${aux} arrived`;
    case "countdown":
      return `count ${s[at]}`;
    case "event":
      return s[at] === 0 ? "not set" : "set";
    case "condition":
      return `${s[at]} waiting`;
    case "rwlock":
      return s[at] !== 0 ? "written" : s[at + 1] !== 0 ? "read" : "free";
    default:
      return kind;
  }
}

function waitSentence(
  p: Program, s: Int32Array, t: number, object: string, kind: DescKind, slot: number, held: number[],
  { reacquire, stuck }: { reacquire: boolean; stuck: boolean },
): string {
  const nameOf = (k: number) => showBidiControls(p.threads[k].name);
  const name = nameOf(t);
  const nobody = (verb: string) => (stuck ? `; no thread can ${verb}` : "");
  const by = (k: number) => (k === t ? `${name} itself (a mutex is not re-entrant)` : isFinished(p, s, k) ? `${nameOf(k)}, which has finished` : nameOf(k));
  switch (kind) {
    case "mutex":
      return `${name} ${reacquire ? "waits to re-acquire" : "waits for"} ${object}, held by ${by(held[0])}`;
    case "rwlock":
      return `${name} waits for ${object}, held by ${listNames(held.map(nameOf))}`;
    case "semaphore":
      return `${name} waits for ${object} (its value is 0)${nobody("signal it")}`;
    case "condition":
      return `${name} waits on ${object} for a signal${nobody("signal it")}`;
    case "barrier": {
      const aux = objectAt(p, slot)!.desc.aux;
      return `${name} waits at ${object} (${s[slot]} of ${aux} arrived)${nobody("arrive")}`;
    }
    case "countdown":
      return `${name} waits for ${object} to count down to 0 (it is ${s[slot]})${nobody("count it down")}`;
    case "event":
      return `${name} waits for ${object} to be set${nobody("set it")}`;
    default:
      return `${name} waits for ${object}`;
  }
}

/** A cycle of "waits for an object held by": the first found from the lowest thread. */
function findCycle(waitsOn: { object: string; holders: number[] }[]): { thread: number; object: string }[] | null {
  const done = new Set<number>();
  for (let start = 0; start < waitsOn.length; start++) {
    const path: number[] = [];
    const onPath = new Map<number, number>();
    const visit = (t: number): number[] | null => {
      if (onPath.has(t)) return path.slice(onPath.get(t));
      if (done.has(t)) return null;
      onPath.set(t, path.length);
      path.push(t);
      for (const h of waitsOn[t].holders) {
        const found = visit(h);
        if (found) return found;
      }
      path.pop();
      onPath.delete(t);
      done.add(t);
      return null;
    };
    const found = visit(start);
    if (found) {
      // Start the cycle at its lowest thread, so the words do not depend on where the search began.
      const k = found.indexOf(Math.min(...found));
      const ring = [...found.slice(k), ...found.slice(0, k)];
      return ring.map((thread) => ({ thread, object: waitsOn[thread].object }));
    }
  }
  return null;
}

/** The loop a busy-waiting thread goes round: the innermost `while` with a shared access that it
 *  passes when run on its own, and what would have to change for it to leave. */
function spinCondition(p: Program, s: Int32Array, t: number): { text: string; goal: string; verb: string } {
  const copy = s.slice();
  const base = p.threads[t].base;
  const seen = new Set<number>();
  const fault = newFault();
  for (let n = 0; n < 256; n++) {
    seen.add(p.statementOf[copy[base]]);
    if (execStep(p, copy, t, fault) !== OK) break;
  }
  let loop = -1;
  for (const k of seen) {
    const st = p.statements[k];
    if (st.kind === "while" && st.accesses > 0 && (loop < 0 || st.span.start.line > p.statements[loop].span.start.line)) loop = k;
  }
  const stmt = p.statements[loop >= 0 ? loop : p.statementOf[s[base]]];
  const cond = /^while\s*\((.*)\)\s*\{?$/.exec(stmt.text)?.[1]?.trim();
  if (!cond) return { text: stmt.text, goal: "something to change", verb: "change" };
  const negated = /^!\s*([\w[\]. ]+)$/.exec(cond);
  if (negated) return { text: stmt.text, goal: `${negated[1].trim()} to become true`, verb: "set" };
  if (/^\w+(\[[^\]]*\])?$/.test(cond)) return { text: stmt.text, goal: `${cond} to become false`, verb: "clear" };
  return { text: stmt.text, goal: `${cond} to become false`, verb: "change" };
}
