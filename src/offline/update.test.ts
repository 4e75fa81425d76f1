// The page's side of a new version, against a fake registration: the banner's callback comes only
// when a newer worker waits behind one that runs the page, the worker takes over only when the
// player reloads, and the page reloads once it has.

import { describe, expect, it } from "vitest";
import { CHECK_EVERY_MS, SKIP_WAITING, watchForUpdate, type Registration, type Worker, type Workers } from "./update";

class FakeWorker implements Worker {
  state = "installing";
  messages: unknown[] = [];
  private listeners: (() => void)[] = [];
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  addEventListener(_type: "statechange", listener: () => void) {
    this.listeners.push(listener);
  }
  become(state: string) {
    this.state = state;
    for (const l of this.listeners) l();
  }
}

function setup({ controlled = true, waiting = null as FakeWorker | null } = {}) {
  const updateFound = new Set<() => void>();
  const controllerChange = new Set<() => void>();
  const registration: Registration & { installing: FakeWorker | null; waiting: FakeWorker | null; checks: number } = {
    installing: null,
    waiting,
    checks: 0,
    update: async () => void registration.checks++,
    addEventListener: (_t, l) => void updateFound.add(l),
    removeEventListener: (_t, l) => void updateFound.delete(l),
  };
  const workers: Workers & { controller: unknown } = {
    controller: controlled ? {} : null,
    ready: Promise.resolve(registration),
    addEventListener: (_t, l) => void controllerChange.add(l),
    removeEventListener: (_t, l) => void controllerChange.delete(l),
  };
  const timers = new Map<number, { run: () => void; ms: number }>();
  const page = {
    reloads: 0,
    reload: () => void page.reloads++,
    setInterval: (run: () => void, ms: number) => (timers.set(timers.size + 1, { run, ms }), timers.size),
    clearInterval: (id: number) => void timers.delete(id),
  };
  const offers: (() => void)[] = [];
  const stop = watchForUpdate(workers, page, (reload) => offers.push(reload));
  return {
    registration, workers, page, timers, offers, stop,
    /** The server has a new version: the browser starts installing its worker. */
    newVersion() {
      const worker = new FakeWorker();
      registration.installing = worker;
      for (const l of updateFound) l();
      return worker;
    },
    /** The new worker activates and runs the page. */
    takeOver() {
      workers.controller = {};
      for (const l of controllerChange) l();
    },
  };
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe("watchForUpdate", () => {
  it("offers the reload once a new version has installed behind the running one, and not before", async () => {
    const s = setup();
    await settle();
    const worker = s.newVersion();
    expect(s.offers).toHaveLength(0);
    worker.become("installed");
    expect(s.offers).toHaveLength(1);
    expect([worker.messages, s.page.reloads]).toEqual([[], 0]); // nothing swapped yet
  });

  it("lets the new worker take over only when the player reloads, then reloads the page", async () => {
    const s = setup();
    await settle();
    const worker = s.newVersion();
    worker.become("installed");
    s.offers[0]();
    expect(worker.messages).toEqual([{ type: SKIP_WAITING }]);
    expect(s.page.reloads).toBe(0);
    s.takeOver();
    expect(s.page.reloads).toBe(1);
  });

  it("offers a version that was already waiting when the page opened", async () => {
    const waiting = new FakeWorker();
    waiting.state = "installed";
    const s = setup({ waiting });
    await settle();
    s.offers[0]();
    expect(waiting.messages).toEqual([{ type: SKIP_WAITING }]);
  });

  it("offers nothing on a first visit: the first worker to install is no new version", async () => {
    const s = setup({ controlled: false });
    await settle();
    s.newVersion().become("installed");
    s.takeOver(); // the first worker takes the page (clients.claim)
    expect([s.offers.length, s.page.reloads]).toEqual([0, 0]);
  });

  it("when another tab let the new version in, says the page is old and reloads only when asked", async () => {
    const s = setup();
    await settle();
    s.takeOver();
    expect([s.offers.length, s.page.reloads]).toEqual([1, 0]);
    s.offers[0]();
    expect(s.page.reloads).toBe(1);
  });

  it("asks the server for a new version every hour, and stops when told", async () => {
    const s = setup();
    await settle();
    expect([...s.timers.values()].map((t) => t.ms)).toEqual([CHECK_EVERY_MS]);
    [...s.timers.values()][0].run();
    expect(s.registration.checks).toBe(1);
    s.stop();
    expect(s.timers.size).toBe(0);
    s.newVersion().become("installed");
    s.takeOver();
    expect([s.offers.length, s.page.reloads]).toEqual([0, 0]);
  });
});
