import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AUTOSAVE_DELAY_MS, createAutosave } from "./autosave";

describe("autosave", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function setup() {
    const saved: string[] = [];
    const pending: boolean[] = [];
    const page = new EventTarget();
    const autosave = createAutosave((t) => saved.push(t), (p) => pending.push(p), page as unknown as Window);
    return { saved, pending, page, autosave };
  }

  it("saves the last text once typing pauses", () => {
    const { saved, pending, autosave } = setup();
    autosave.schedule("a");
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    autosave.schedule("ab");
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    expect(saved).toEqual([]);
    expect(autosave.pending()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual(["ab"]);
    expect(pending).toEqual([true, false]);
    expect(autosave.pending()).toBe(false);
  });

  it("saves at once when the page is hidden or left", () => {
    const { saved, page, autosave } = setup();
    autosave.schedule("typed");
    page.dispatchEvent(new Event("pagehide"));
    expect(saved).toEqual(["typed"]);
    autosave.schedule("more");
    page.dispatchEvent(new Event("visibilitychange")); // no document in Node: counts as hidden
    expect(saved).toEqual(["typed", "more"]);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(saved).toEqual(["typed", "more"]);
  });

  it("closing saves what waits and stops listening", () => {
    const { saved, page, autosave } = setup();
    autosave.schedule("last");
    autosave.close();
    expect(saved).toEqual(["last"]);
    autosave.schedule("after");
    page.dispatchEvent(new Event("pagehide"));
    expect(saved).toEqual(["last"]);
    autosave.flush();
    expect(saved).toEqual(["last", "after"]);
  });
});
