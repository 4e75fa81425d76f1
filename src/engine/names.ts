// The engine's face for words alone: thread names as the player sees them, and text with its
// invisible controls shown. It reaches nothing else of the engine, so a screen that only lists
// levels (the campaign) shows names without the reducer.

export { expandThreadNames, listNames } from "./thread-names";
export { showBidiControls } from "./visible-text";
