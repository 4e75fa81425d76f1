// The engine's face for the code that executes a compiled level: the program's format (opcodes,
// layout, descriptors), what each instruction means (instructions.ts) and the one-step
// interpreter with its faults and extra moves. It is the light core (no parser, no schema, no
// reducer), so a hardware worker's bundle carries nothing else; the rest of the engine, the
// reducer and the analyzer included, is in index.ts.

export * from "./program";
export * from "./instructions";
export * from "./vm";
