// Finding the LMS's SCORM API as the standard algorithm does: in this window, up through parent
// frames (a bounded climb), then the opener's; a frame of another origin (whose properties throw)
// is passed over, and a look-alike without the five calls is not taken for the API.

import { describe, expect, it } from "vitest";
import { findScormApi, type Scorm12Api } from "./scorm";

const api = (): Scorm12Api => ({ LMSInitialize: () => "true", LMSFinish: () => "true", LMSGetValue: () => "", LMSSetValue: () => "true", LMSCommit: () => "true" });

/** A chain of frames, the top first; `at` puts the API on one of them. */
function frames(depth: number, at: number | null, opener?: Window): Window {
  let parent: Record<string, unknown> | null = null;
  let win: Record<string, unknown> | null = null;
  for (let i = 0; i < depth; i++) {
    win = { API: i === at ? api() : undefined, opener: i === 0 ? opener : undefined };
    win.parent = parent ?? win;
    parent = win;
  }
  return win as unknown as Window;
}

describe("findScormApi", () => {
  it("finds the API in this window or a parent frame", () => {
    expect(findScormApi(frames(1, 0))).not.toBeNull();
    expect(findScormApi(frames(4, 0))).not.toBeNull();
    expect(findScormApi(frames(4, 2))).not.toBeNull();
  });

  it("finds nothing outside an LMS, and gives up after ten parent frames", () => {
    expect(findScormApi(frames(3, null))).toBeNull();
    expect(findScormApi(frames(20, 0))).toBeNull();
    expect(findScormApi(frames(11, 0))).not.toBeNull();
  });

  it("looks in the opener's frames when none of its own has it", () => {
    const lms = frames(2, 0);
    expect(findScormApi({ parent: undefined, opener: lms } as unknown as Window)).not.toBeNull();
    const popup = frames(2, null, lms);
    expect(findScormApi(popup)).not.toBeNull();
  });

  it("passes over a frame of another origin, and an API without the five SCORM 1.2 calls", () => {
    const foreign = Object.defineProperty({}, "API", { get: () => { throw new DOMException("Blocked a frame", "SecurityError"); } });
    (foreign as { parent: unknown }).parent = foreign;
    expect(findScormApi(foreign as Window)).toBeNull();
    const halfApi = { API: { LMSInitialize: () => "true" } } as Record<string, unknown>;
    halfApi.parent = halfApi;
    expect(findScormApi(halfApi as unknown as Window)).toBeNull();
  });
});
