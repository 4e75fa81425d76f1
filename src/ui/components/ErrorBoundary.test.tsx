// What a failed screen shows, and what the boundary does when it catches. (Rendering in Node has
// no error boundaries, so the catching itself is covered by e2e/error-boundary.spec.ts.)

import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { appStore } from "../use-app";
import { draftStore } from "../use-drafts";
import { CatchErrors, ErrorBoundary, GameFailed, ScreenFailed } from "./ErrorBoundary";

/** What a reader sees: the markup's text, entities decoded, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
const hostile = new TypeError('<img src=x onerror="alert(1)"> is not a function');

afterEach(() => vi.restoreAllMocks());

describe("a failed screen", () => {
  it("says which screen failed and what went wrong, as text, with the ways on", () => {
    const html = renderToStaticMarkup(<ScreenFailed screen="campaign" error={hostile} draft={null} onRetry={() => {}} />);
    expect(html).not.toMatch(/<img/);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; is not a function");
    expect(text(html)).toBe(
      'Interleave The campaign stopped with an error What went wrong: TypeError: <img src=x onerror="alert(1)"> is not a function Try again Back to the campaign',
    );
    expect(html).toContain('<a href="#/">Back to the campaign</a>');
  });

  it("offers to set aside the saved level that a draft screen opened, and only that", () => {
    const id = draftStore.getState().createDraft('{ "title": "Boom" }');
    const editor = text(renderToStaticMarkup(<ScreenFailed screen="editor" error={new Error("boom")} draft={id} onRetry={() => {}} />));
    expect(editor).toBe(
      "Interleave The level editor stopped with an error What went wrong: Error: boom Try again Set this level aside Setting it aside takes the level out of My levels, so the game does not open it again. It stays in this browser's storage: My levels lists it under “Set aside”, to download or to open in the editor. Back to the campaign",
    );
    // No such draft (already set aside, or never saved): nothing to set aside.
    expect(text(renderToStaticMarkup(<ScreenFailed screen="my-level" error="boom" draft="gone1234" onRetry={() => {}} />))).toBe(
      "Interleave Your level stopped with an error What went wrong: boom Try again Back to the campaign",
    );
    // A campaign level is not the player's to set aside.
    expect(renderToStaticMarkup(<ScreenFailed screen="level" error="boom" draft={id} onRetry={() => {}} />)).not.toContain("Set this level aside");
    draftStore.getState().deleteDraft(id);
  });

  it("the last resort says the game stopped, and offers a reload", () => {
    expect(text(renderToStaticMarkup(<GameFailed error={new RangeError("Maximum call stack size exceeded")} />))).toBe(
      "The game stopped with an error What went wrong: RangeError: Maximum call stack size exceeded Reload the campaign",
    );
  });
});

describe("the boundary", () => {
  it("catches a throw: logs it with what failed, closes the half-made game, renders nothing, and hands the error up", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(CatchErrors.getDerivedStateFromError()).toEqual({ failed: true });
    const caught: unknown[] = [];
    const catcher = new CatchErrors({ what: "the level editor", onCatch: (e) => caught.push(e), children: <p>fine</p> });
    expect(renderToStaticMarkup(<>{catcher.render()}</>)).toBe("<p>fine</p>");
    catcher.state = { failed: true };
    expect(renderToStaticMarkup(<>{catcher.render()}</>)).toBe("");

    appStore.setState({ loaded: { id: "x" } as never, game: {} as never, past: [{} as never] });
    catcher.componentDidCatch(hostile, { componentStack: "\n    at EditorScreen" });
    expect(log).toHaveBeenCalledWith("Interleave: the level editor stopped with an error:", hostile, "\n    at EditorScreen");
    expect(appStore.getState()).toMatchObject({ loaded: null, game: null, past: [], future: [] });
    expect(caught).toEqual([hostile]);
  });

  it("renders its children while nothing failed", () => {
    expect(renderToStaticMarkup(<ErrorBoundary what="x" fallback={() => <p>failed</p>}><p>fine</p></ErrorBoundary>)).toBe("<p>fine</p>");
  });
});
