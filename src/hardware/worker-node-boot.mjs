// Starts a hardware-mode worker under Node: loads worker-node.ts through tsx (Node cannot load
// TypeScript by itself, and a worker does not inherit the parent's loader).
import { tsImport } from "tsx/esm/api";

await tsImport("./worker-node.ts", import.meta.url);
