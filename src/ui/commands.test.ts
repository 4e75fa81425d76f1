import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel } from "../engine/index";
import { commandForKey, gameCommands, threadCommands, type CommandContext, type KeyPress } from "./commands";
import { memoryStorage } from "./store/progress";
import { createAppStore } from "./store/store";

const text = readFileSync(new URL("../../levels/lost-update.json", import.meta.url), "utf8");
const parsed = parseLevel(text);
if (!parsed.ok) throw new Error("lost-update.json does not parse");
const level = parsed.value;

function setup() {
  const store = createAppStore({ storage: memoryStorage() });
  store.getState().openLevel({ id: "lost-update", text, level, source: "campaign" });
  const visited: string[] = [];
  const ctx: CommandContext = { store, navigate: (h) => visited.push(h), requestHint: () => visited.push("hint"), nextHref: "#/level/next" };
  const commands = [...threadCommands(level.program), ...gameCommands];
  const byName = new Map(commands.map((c) => [c.name, c]));
  const press = (k: Partial<KeyPress>) => {
    const c = commandForKey(commands, { key: "", code: "", shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...k });
    c?.perform(ctx);
    return c?.name;
  };
  return { store, ctx, byName, press, visited };
}

describe("commands", () => {
  it("names buttons as the tests and screen readers expect", () => {
    const { byName } = setup();
    expect(byName.get("step:0")!.label).toBe("Step Teller Al");
    expect(byName.get("step-statement:1")!.label).toBe("Step statement Teller Bea");
    // No spurious wakeups and no store buffers in this level: no Wake or Flush.
    expect([...byName.keys()].some((n) => n.startsWith("wake") || n.startsWith("flush"))).toBe(false);
  });

  it("1-9 step a thread, Shift+digit steps its statement", () => {
    const { store, press } = setup();
    expect(press({ key: "2", code: "Digit2" })).toBe("step:1");
    expect(store.getState().game!.schedule).toEqual([{ kind: "step", thread: 1 }]);
    expect(press({ key: "!", code: "Digit1", shiftKey: true })).toBe("step-statement:0");
    expect(store.getState().game!.schedule).toHaveLength(3);
  });

  it("u and Ctrl+Z undo, Shift+U and Ctrl+Y redo, r resets", () => {
    const { store, press } = setup();
    press({ key: "1", code: "Digit1" });
    press({ key: "1", code: "Digit1" });
    expect(press({ key: "u", code: "KeyU" })).toBe("undo");
    expect(press({ key: "z", code: "KeyZ", ctrlKey: true })).toBe("undo");
    expect(store.getState().game!.schedule).toHaveLength(0);
    expect(press({ key: "U", code: "KeyU", shiftKey: true })).toBe("redo");
    expect(press({ key: "y", code: "KeyY", ctrlKey: true })).toBe("redo");
    expect(store.getState().game!.schedule).toHaveLength(2);
    expect(press({ key: "r", code: "KeyR" })).toBe("reset");
    expect(store.getState().game!.schedule).toHaveLength(0);
  });

  it("a disabled command explains itself with the engine's words and does nothing", () => {
    const { store, byName, ctx } = setup();
    const undo = byName.get("undo")!;
    expect(undo.problem(store.getState())).toBe("Nothing to undo yet.");
    undo.perform(ctx);
    for (const m of JSON.parse(text).solution as string[]) byName.get(`step:${m === "Teller Al" ? 0 : 1}`)!.perform(ctx);
    expect(store.getState().game!.outcome?.kind).toBe("assertion");
    expect(byName.get("step:0")!.problem(store.getState())).toBe("The game is over: undo or reset to play on.");
    expect(byName.get("step:0")!.enabled(store.getState())).toBe(false);
  });

  it("Enter goes to the next level only after a win; h shows the written hint, then asks the solver", () => {
    const { store, byName, press, visited, ctx } = setup();
    expect(press({ key: "Enter", code: "Enter" })).toBe("next-level");
    expect(visited).toEqual([]);
    press({ key: "h", code: "KeyH" });
    expect(store.getState().hintShown).toBe(true);
    press({ key: "h", code: "KeyH" });
    expect(visited).toEqual(["hint"]);
    for (const m of JSON.parse(text).solution as string[]) byName.get(`step:${m === "Teller Al" ? 0 : 1}`)!.perform(ctx);
    press({ key: "Enter", code: "Enter" });
    expect(visited).toEqual(["hint", "#/level/next"]);
  });
});
