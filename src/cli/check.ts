// `levels check`: validates each level file, explores every interleaving, replays the given
// solution, and reports one record per file in the shape LEVEL_FORMAT.md specifies.

import { basename } from "node:path";
import { formatMove, parseLevel, parseMove, replay, type LevelError, type Move } from "../engine/index";
import { solve, DEFAULT_MAX_STATES } from "../solver/solve";

export interface CheckRecord {
  file: string;
  /** What the file is: a level, the campaign, or the JSON Schema beside them. */
  kind: "level" | "campaign" | "schema";
  id: string | null;
  valid: boolean;
  errors: LevelError[];
  verdict: "breakable" | "safe" | "unknown" | null;
  outcome: string | null;
  shortest: number | null;
  schedule: string[] | null;
  /** null when the level gives no solution. */
  solutionReplays: boolean | null;
  /** Why the solution does not replay, when it does not. */
  solutionProblem?: string;
  states: number | null;
  ms: number | null;
  /** What the level says it is: true for a breakable level. */
  breakable: boolean | null;
}

export function emptyRecord(file: string): CheckRecord {
  return {
    file, kind: "level", id: null, valid: false, errors: [], verdict: null, outcome: null, shortest: null, schedule: null,
    solutionReplays: null, states: null, ms: null, breakable: null,
  };
}

export function checkLevelText(file: string, text: string, maxStates = DEFAULT_MAX_STATES): CheckRecord {
  const record = emptyRecord(file);
  const parsed = parseLevel(text, file);
  if (!parsed.ok) {
    record.errors = parsed.error;
    const id = /"id"\s*:\s*"([^"]*)"/.exec(text);
    record.id = id ? id[1] : null;
    return record;
  }
  const { spec, program } = parsed.value;
  record.id = spec.id;
  record.breakable = spec.breakable;
  const expectedName = `${spec.id}.json`;
  if (file.endsWith(".json") && basename(file) !== expectedName) {
    record.errors.push({ code: "file-name", message: `the file of level "${spec.id}" must be named ${expectedName}`, path: "id" });
    return record;
  }
  record.valid = true;

  const result = solve(program, { maxStates });
  if (result.schedule?.length === 0) {
    // Threads that start together in a critical section: the student has nothing to do.
    record.valid = false;
    record.errors.push({ code: "won-at-start", message: `the level is already won before any move (${result.outcome})`, path: "threads" });
    return record;
  }
  record.verdict = result.verdict;
  record.states = result.states;
  record.ms = result.ms;
  if (result.schedule) {
    record.outcome = result.outcome ?? null;
    record.shortest = result.schedule.length;
    record.schedule = result.schedule.map((m) => formatMove(program, m));
  }

  if (spec.solution) {
    const moves: Move[] = [];
    let problem: string | undefined;
    spec.solution.forEach((text, i) => {
      const move = parseMove(program, text);
      if (!move && !problem) problem = `move ${i + 1} (${JSON.stringify(text)}) names no thread`;
      if (move) moves.push(move);
    });
    if (!problem) {
      const played = replay(program, moves);
      if (played.error) {
        problem = `move ${played.failedAt! + 1} (${formatMove(program, moves[played.failedAt!])}) is not legal: ${played.error.message}`;
      } else if (!played.state.outcome) {
        problem = `after all ${moves.length} moves the game is still going`;
      } else if (!played.state.outcome.win) {
        problem = `it ends in a loss: ${played.state.outcome.kind} (${played.state.outcome.message})`;
      }
    }
    record.solutionReplays = !problem;
    if (problem) record.solutionProblem = problem;
  }
  return record;
}

/** Does the record pass: valid, verdict as the level claims, solution (if any) replays? */
export function passes(r: CheckRecord): boolean {
  if (!r.valid) return false;
  if (r.kind !== "level") return true;
  const wanted = r.breakable ? "breakable" : "safe";
  return r.verdict === wanted && r.solutionReplays !== false;
}
