// The opcode table: every executor and the wasm compiler enumerate opcodes through OPCODES, so it
// must name exactly the opcode constants program.ts defines.

import { describe, expect, it } from "vitest";
import * as P from "./program";

describe("the opcode table", () => {
  it("names every opcode constant of program.ts, and only those", () => {
    const NOT_OPCODES = ["STRIDE", "FLAG_CRITICAL"];
    const constants = Object.entries(P).filter(([name, value]) => /^[A-Z_]+$/.test(name) && typeof value === "number" && !NOT_OPCODES.includes(name));
    expect(P.OPCODES).toEqual(Object.fromEntries(constants));
    expect(new Set(Object.values(P.OPCODES)).size).toBe(Object.keys(P.OPCODES).length);
  });
});
