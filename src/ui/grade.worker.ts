// Grading off the main thread: replaying every schedule and re-judging every fix can take a
// while, and the instructor's page must stay responsive. The page sends the pack's text (already
// checked there) and the records' texts; the worker answers with the course's grade table.

import { parsePack } from "../course/pack";
import { gradeRecords, type GradeTable } from "../course/grade";

export interface GradeRequest {
  pack: { file: string; text: string };
  records: { file: string; text: string }[];
}

export type GradeReply = { type: "result"; table: GradeTable } | { type: "error"; message: string };

interface WorkerScope {
  addEventListener(type: "message", listener: (event: { data: GradeRequest }) => void): void;
  postMessage(reply: GradeReply): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener("message", ({ data }) => {
  void grade(data).then(
    (reply) => scope.postMessage(reply),
    // The page says "Grading failed:" before it, in the instructor's language.
    (e: unknown) => scope.postMessage({ type: "error", message: e instanceof Error ? e.message : String(e) }),
  );
});

async function grade({ pack, records }: GradeRequest): Promise<GradeReply> {
  const parsed = parsePack(pack.text, pack.file);
  if (!parsed.ok) return { type: "error", message: parsed.error.map((e) => e.message).join("; ") };
  return { type: "result", table: await gradeRecords(parsed.value, records) };
}
