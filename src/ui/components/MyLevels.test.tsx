// Listing the player's levels survives any one of them: a level the game cannot read is listed
// for setting aside, the others as usual. Notices show side by side, each dismissible.

import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { switchLocale } from "../../i18n/index";
import { NoticeList } from "./Chrome";
import { listDrafts } from "./MyLevels";
import type { DraftLevel } from "../store/draft-level";

const at = (iso: string) => ({ createdAt: iso, updatedAt: iso });
const DRAFTS = {
  good1234: { text: '{ "title": "Good", "id": "good-one" }', ...at("2030-01-03T00:00:00.000Z") },
  boom1234: { text: '{ "title": "Boom" }', ...at("2030-01-02T00:00:00.000Z") },
  fail1234: { text: '{ "title": "Fails" }', ...at("2030-01-01T00:00:00.000Z") },
};

describe("listing my levels", () => {
  it("lists every level it can read, and sets apart those it cannot, with why", () => {
    const read = (text: string): DraftLevel => {
      if (text.includes("Boom")) throw new RangeError("Maximum call stack size exceeded");
      if (text.includes("Fails")) return { kind: "failed", why: "the game failed while reading it (TypeError: x is not a function)" };
      return { kind: "errors", errors: [] };
    };
    const { rows, failed } = listDrafts(DRAFTS, { leftOut: {}, editedNow: {} }, read);
    expect(rows.map((r) => [r.id, r.title, r.levelId, r.broken, r.failure])).toEqual([["good1234", "Good", "good-one", true, null]]);
    expect(failed).toEqual([
      { id: "boom1234", why: "the game failed while listing it (RangeError: Maximum call stack size exceeded)" },
      { id: "fail1234", why: "the game failed while reading it (TypeError: x is not a function)" },
    ]);
    // The same levels, made or changed in this visit: the player's work in hand is listed, with why.
    const inHand = listDrafts(DRAFTS, { leftOut: {}, editedNow: { boom1234: true, fail1234: true } }, read);
    expect(inHand.failed).toEqual([]);
    expect(inHand.rows.map((r) => [r.id, r.title, r.failure])).toEqual([
      ["good1234", "Good", null],
      ["boom1234", "Untitled level", "the game failed while listing it (RangeError: Maximum call stack size exceeded)"],
      ["fail1234", "Fails", "the game failed while reading it (TypeError: x is not a function)"],
    ]);
  });

  it("leaves out the levels already left out", () => {
    const { rows, failed } = listDrafts(DRAFTS, { leftOut: { boom1234: "why", fail1234: "why" }, editedNow: {} }, () => ({ kind: "errors", errors: [] }));
    expect(rows.map((r) => r.id)).toEqual(["good1234"]);
    expect(failed).toEqual([]);
  });
});

describe("my levels in another language", () => {
  afterEach(async () => {
    await switchLocale("en");
  });

  it("writes when a level was edited the language's way, and what failed in its words", async () => {
    await switchLocale("de");
    const boom = (): DraftLevel => {
      throw new RangeError("Maximum call stack size exceeded");
    };
    const { rows } = listDrafts(DRAFTS, { leftOut: {}, editedNow: { boom1234: true } }, (text) => (text.includes("Boom") ? boom() : { kind: "level", level: {} as never }));
    const edited = rows.find((r) => r.id === "good1234")!.edited;
    // "03.01.2030, 00:00" (day first, a 24-hour clock) where English writes "Jan 3, 2030, 12:00 AM".
    expect(edited).toMatch(/^\d\d\.\d\d\.2030, \d\d:\d\d$/);
    expect(rows.find((r) => r.id === "boom1234")).toMatchObject({
      title: "Level ohne Titel",
      failure: "beim Auflisten ist im Spiel ein Fehler aufgetreten (RangeError: Maximum call stack size exceeded)",
    });
  });
});

describe("notices", () => {
  it("show side by side, each a status with its own Dismiss", () => {
    const html = renderToStaticMarkup(
      <NoticeList notices={[{ key: "progress", text: "Progress <reset>.", onDismiss: () => {} }, { key: "draft-1", text: "Level set aside.", onDismiss: () => {} }]} />,
    );
    expect(html).toBe(
      '<div class="notices"><div class="notice" role="status"><p>Progress &lt;reset&gt;.</p><button type="button">Dismiss</button></div><div class="notice" role="status"><p>Level set aside.</p><button type="button">Dismiss</button></div></div>',
    );
    expect(renderToStaticMarkup(<NoticeList notices={[]} />)).toBe("");
  });
});
