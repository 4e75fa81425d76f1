import { describe, expect, it } from "vitest";
import { bestWords, parWords } from "./par";

describe("the words on par", () => {
  it("name the moves and the par of a win above par", () => {
    expect(parWords(9, 7)).toBe("You won in 9 moves. Par: 7.");
  });

  it("say so when the win is at par", () => {
    expect(parWords(7, 7)).toBe("You won in 7 moves. That is par: no schedule wins in fewer.");
    expect(parWords(1, 1)).toBe("You won in 1 move. That is par: no schedule wins in fewer.");
  });

  it("say only the moves when there is no par, and that par is coming while it is found", () => {
    expect(parWords(12, "none")).toBe("You won in 12 moves.");
    expect(parWords(12, "finding")).toBe("You won in 12 moves. Finding par…");
  });

  it("give a card's best win in moves", () => {
    expect(bestWords(9)).toBe("Your best: 9 moves");
    expect(bestWords(1)).toBe("Your best: 1 move");
  });
});
