// The editor reads the text guarded: whatever the engine throws is one problem in the list.

import { describe, expect, it } from "vitest";
import { analyse } from "./analysis";

describe("the editor's analysis", () => {
  it("shows a throw from the engine as the level's one problem, at its start", () => {
    const text = '{ "format": 1, "threads": [{ "name": "A", "code": "toString();" }] }';
    const failing = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'length')");
    };
    expect(analyse(text, failing)).toEqual({
      text,
      level: null,
      loaded: null,
      problems: [
        {
          code: "game-failure",
          message:
            "This level cannot be read: the game failed while reading it (TypeError: Cannot read properties of undefined (reading 'length')). That is a bug in the game, not in the level file; changing the text may get around it.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
        },
      ],
    });
  });

  it("marks the engine's errors where they are", () => {
    const { problems, level } = analyse('{\n  "format": 1,\n  oops\n}');
    expect(level).toBeNull();
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([["json-syntax", 3, 3]]);
  });
});
