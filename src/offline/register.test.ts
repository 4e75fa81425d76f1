// The page half of the service worker (sw-register.js), run in a sandbox with a fake window: it
// registers the worker on every page (for playing offline); on a page that is not isolated it
// reloads once the worker is ready however late that is, and never twice in one tab session.

import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { COI_RELOADED_KEY, REGISTER_SCRIPT, SW_FILE } from "./vite-plugin-offline";

interface Page {
  registered: string[];
  reloads: number;
  session: Map<string, string>;
  /** Resolves navigator.serviceWorker.ready, as the worker's activation would. */
  activate(): void;
  run(): Promise<void>;
}

function page({ isolated = false, secure = true, serviceWorker = true, session = new Map<string, string>() } = {}): Page {
  let activate = () => {};
  const ready = new Promise<void>((resolve) => (activate = resolve));
  const p: Page = {
    registered: [],
    reloads: 0,
    session,
    activate: () => activate(),
    async run() {
      const window = {
        crossOriginIsolated: isolated,
        isSecureContext: secure,
        location: { reload: () => p.reloads++ },
        sessionStorage: {
          getItem: (k: string) => session.get(k) ?? null,
          setItem: (k: string, v: string) => void session.set(k, v),
          removeItem: (k: string) => void session.delete(k),
        },
      };
      const navigator = serviceWorker
        ? { serviceWorker: { ready, register: async (url: string) => void p.registered.push(url) } }
        : {};
      runInNewContext(REGISTER_SCRIPT, { window, navigator, document: { baseURI: "https://example.org/interleave/" }, URL, console });
      for (let i = 0; i < 5; i++) await Promise.resolve(); // let the promise chain run
    },
  };
  return p;
}

describe("sw-register.js", () => {
  it("registers the worker next to the page and reloads when it is ready, even if that comes late", async () => {
    const p = page();
    await p.run();
    expect(p.registered).toEqual([`https://example.org/interleave/${SW_FILE}`]);
    expect(p.reloads).toBe(0);
    p.activate();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(p.reloads).toBe(1);
  });

  it("reloads at most once per tab session, so a browser where it does not help is not reloaded forever", async () => {
    const first = page();
    first.activate();
    await first.run();
    const second = page({ session: first.session });
    second.activate();
    await second.run();
    expect([first.reloads, second.reloads]).toEqual([1, 0]);
  });

  it("registers the worker on a page that is already isolated, without reloading, and forgets the reload", async () => {
    const p = page({ isolated: true, session: new Map([[COI_RELOADED_KEY, "1"]]) });
    p.activate();
    await p.run();
    expect([p.registered, p.reloads, p.session.has(COI_RELOADED_KEY)]).toEqual([[`https://example.org/interleave/${SW_FILE}`], 0, false]);
  });

  it.each([
    ["an insecure page", { secure: false }],
    ["a browser without service workers", { serviceWorker: false }],
  ])("does nothing on %s", async (_what, options) => {
    const p = page(options);
    p.activate();
    await p.run();
    expect([p.registered, p.reloads]).toEqual([[], 0]);
  });
});
