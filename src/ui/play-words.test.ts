// The level screen's words in German and Spanish: the par sentence and the best-moves line with
// their plurals, the commands' names and why a move cannot be made, the goal and the outcome
// sentences built from engine data, each in the language current when asked.

import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { parseLevel } from "../engine/index";
import { switchLocale } from "../i18n/index";
import { gameCommands, threadCommands, type CommandContext } from "./commands";
import { fixGoalText } from "./fix-words";
import { bestWords, parWords } from "./par";
import { memoryStorage } from "./store/progress";
import { createAppStore } from "./store/store";
import { goalText, outcomeSentence, outcomeTitle } from "./words";

const text = readFileSync(new URL("../../levels/lost-update.json", import.meta.url), "utf8");
const parsed = parseLevel(text);
if (!parsed.ok) throw new Error("lost-update.json does not parse");
const level = parsed.value;

afterEach(async () => {
  await switchLocale("en");
});

function played() {
  const store = createAppStore({ storage: memoryStorage() });
  store.getState().openLevel({ id: "lost-update", text, level, source: "campaign" });
  const ctx: CommandContext = { store, navigate: () => {}, requestHint: () => {}, nextHref: "#/" };
  const commands = new Map([...threadCommands(level.program), ...gameCommands].map((c) => [c.name, c]));
  return { store, ctx, commands };
}

describe("the level screen's words", () => {
  it("count moves with the language's plurals in the par sentence and on the campaign card", async () => {
    await switchLocale("de");
    expect(parWords(9, 7)).toBe("Du hast in 9 Zügen gewonnen. Par: 7.");
    expect(parWords(1, 1)).toBe("Du hast in 1 Zug gewonnen. Das ist Par: Kein Ablauf gewinnt mit weniger.");
    expect(bestWords(1)).toBe("Dein Bestwert: 1 Zug");
    expect(bestWords(12)).toBe("Dein Bestwert: 12 Züge");
    await switchLocale("es");
    expect(parWords(9, 7)).toBe("Has ganado en 9 jugadas. Par: 7.");
    expect(parWords(7, 7)).toBe("Has ganado en 7 jugadas. Eso es el par: ninguna secuencia gana con menos.");
    expect(parWords(1, "none")).toBe("Has ganado en 1 jugada.");
    expect(bestWords(1)).toBe("Tu mejor marca: 1 jugada");
  });

  it("name the commands and say why they cannot run, in the language of the moment", async () => {
    const { store, commands, ctx } = played();
    await switchLocale("de");
    expect(commands.get("step:0")!.label).toBe("Schritt Teller Al");
    expect(commands.get("undo")!.label).toBe("Rückgängig");
    expect(commands.get("undo")!.keys).toBe("U oder Strg+Z");
    expect(commands.get("undo")!.problem(store.getState())).toBe("Noch nichts rückgängig zu machen.");
    for (const m of JSON.parse(text).solution as string[]) commands.get(`step:${m === "Teller Al" ? 0 : 1}`)!.perform(ctx);
    expect(commands.get("step:0")!.problem(store.getState())).toBe("Das Spiel ist vorbei: Mach Züge rückgängig oder setz zurück, um weiterzuspielen.");
    await switchLocale("es");
    expect(commands.get("step-statement:1")!.label).toBe("Instrucción completa Teller Bea");
    expect(commands.get("step:0")!.problem(store.getState())).toBe("La partida ha terminado: deshaz o reinicia para seguir jugando.");
    await switchLocale("en");
    expect(commands.get("step:0")!.label).toBe("Step Teller Al");
  });

  it("word goals and outcomes from the level's data, keeping names as they are", async () => {
    await switchLocale("de");
    expect(goalText(["assertion", "deadlock"])).toBe("Zum Sieg: ein assert fehlschlagen lassen oder jeden unfertigen Thread für immer festsitzen lassen (ein Deadlock).");
    const both = { kind: "mutual-exclusion" as const, win: true, threads: [0, 1], message: "" };
    expect(outcomeSentence(both, level.program)).toBe("Teller Al und Teller Bea sind beide im kritischen Abschnitt.");
    expect(outcomeTitle({ kind: "finished", win: false, threads: [], message: "" })).toBe("Niederlage: Alle Threads fertig");
    await switchLocale("es");
    expect(outcomeSentence(both, level.program)).toBe("Teller Al y Teller Bea están los dos en la sección crítica.");
    expect(fixGoalText({ forbid: ["assertion", "deadlock"], threads: [], require: { finish: true, final: { balance: 200 } }, reference: {} })).toBe(
      "Corrige el código: ninguna secuencia puede llegar a un assert fallido o un interbloqueo ni llamar a exit(); todos los hilos deben poder seguir terminando; balance debe terminar valiendo 200.",
    );
    await switchLocale("en");
    expect(outcomeSentence(both, level.program)).toBe("Teller Al and Teller Bea are both in the critical section.");
  });
});
