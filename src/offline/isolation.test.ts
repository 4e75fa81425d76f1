// Every response the service worker hands the page carries the isolation headers, whatever the
// host sent, and keeps its status and body.

import { describe, expect, it } from "vitest";
import { withIsolationHeaders } from "./isolation";

describe("withIsolationHeaders", () => {
  it("adds COOP, COEP and CORP and keeps the status, the body and the other headers", async () => {
    const from = new Response("<!doctype html>", { status: 200, statusText: "OK", headers: { "Content-Type": "text/html", "Cross-Origin-Embedder-Policy": "unsafe-none" } });
    const to = withIsolationHeaders(from);
    expect([to.status, to.statusText, await to.text()]).toEqual([200, "OK", "<!doctype html>"]);
    expect(Object.fromEntries(to.headers)).toEqual({
      "content-type": "text/html",
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
      "cross-origin-resource-policy": "cross-origin",
    });
  });

  it("keeps an error status, so a missing file is still missing", () => {
    expect(withIsolationHeaders(new Response("not found", { status: 404 })).status).toBe(404);
  });

  it("passes an opaque response on untouched (it cannot be rebuilt)", () => {
    const opaque = { status: 0, headers: new Headers() } as Response;
    expect(withIsolationHeaders(opaque)).toBe(opaque);
  });
});
