// The engine's face for the engines that run a compiled level: the solver's search and hardware
// mode. The program's format (opcodes, layout, descriptors), the one-step interpreter with its
// faults and extra moves, the analyzer that classifies a state, and the words for a fault or a
// slot. The screens use index.ts; only code that executes instructions needs this.

export * from "./program";
export * from "./vm";
export { Analyzer } from "./analysis";
export { compileLevel } from "./compile";
export { describeFault, objectAt } from "./explain";
