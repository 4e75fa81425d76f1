// The engine's face for the diagram panels, which the level screen loads on demand: the schedule
// timeline, read off the moves played (the wait-for graph is wait-for.ts, a face of its own: the
// outcome dialog draws it without the timeline).

export { buildTimeline, stepSentence, thirdPerson, type ArrowKind, type SyncEvent, type SyncEventKind, type Timeline, type TimelineArrow, type TimelineStep } from "./timeline";
