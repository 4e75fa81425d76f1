import { describe, expect, it } from "vitest";
import { formatMove, parseLevel, parseMove, replay } from "../engine/index";
import { solve } from "../solver/solve";
import { TEMPLATES } from "./templates";

describe("level templates", () => {
  it("have distinct names and level ids", () => {
    expect(new Set(TEMPLATES.map((t) => t.name)).size).toBe(TEMPLATES.length);
    expect(new Set(TEMPLATES.map((t) => JSON.parse(t.text).id)).size).toBe(TEMPLATES.length);
  });

  it.each(TEMPLATES.map((t) => [t.name, t] as const))("%s is a valid level that checks as it claims", (_name, template) => {
    const parsed = parseLevel(template.text);
    if (!parsed.ok) throw new Error(parsed.error.map((e) => `${e.path} ${e.line}:${e.column} ${e.message}`).join("\n"));
    const { spec, program } = parsed.value;
    const result = solve(program);
    expect(result.verdict).toBe(spec.breakable ? "breakable" : "safe");
    if (spec.breakable) {
      expect(result.schedule!.length).toBeGreaterThan(0);
      if (spec.solution) {
        const { state, failedAt } = replay(program, spec.solution.map((m) => parseMove(program, m)!));
        expect(failedAt, `solution of ${spec.id}; shortest is ${result.schedule!.map((m) => formatMove(program, m)).join(", ")}`).toBeUndefined();
        expect(state.outcome?.win).toBe(true);
      }
    }
  });
});
