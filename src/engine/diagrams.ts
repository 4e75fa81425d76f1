// The engine's face for the diagram panels, which the level screen loads on demand: the schedule
// timeline, read off the moves played (the wait-for graph is in index.ts: the outcome dialog
// draws it without waiting).

export { buildTimeline, stepSentence, thirdPerson, type ArrowKind, type SyncEvent, type SyncEventKind, type Timeline, type TimelineArrow, type TimelineStep } from "./timeline";
