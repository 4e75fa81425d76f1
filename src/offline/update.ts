// The page's side of a new version: notice when a newer service worker has installed and waits
// behind the one that runs this page, and when the player says so, let it take over and reload.
// Nothing changes under the player until then. Written against the few members it uses, so a
// test can hand it a fake registration.

/** The message that tells a waiting worker to take over (sw.ts listens for it). */
export const SKIP_WAITING = "interleave:skip-waiting";

/** How often an open page asks the server for a new version (a class may keep a tab open all day). */
export const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface Worker {
  readonly state: string;
  postMessage(message: unknown): void;
  addEventListener(type: "statechange", listener: () => void): void;
}

export interface Registration {
  readonly installing: Worker | null;
  readonly waiting: Worker | null;
  update(): Promise<unknown>;
  addEventListener(type: "updatefound", listener: () => void): void;
  removeEventListener(type: "updatefound", listener: () => void): void;
}

export interface Workers {
  readonly controller: unknown;
  readonly ready: Promise<Registration>;
  addEventListener(type: "controllerchange", listener: () => void): void;
  removeEventListener(type: "controllerchange", listener: () => void): void;
}

export interface Page {
  reload(): void;
  setInterval(run: () => void, ms: number): number;
  clearInterval(id: number): void;
}

/**
 * Calls `onReady(reload)` once a new version waits, or once another tab has already let one take
 * over this page; `reload` lets it take over and loads the page again. Returns a function that
 * stops watching.
 */
export function watchForUpdate(workers: Workers, page: Page, onReady: (reload: () => void) => void): () => void {
  let stopped = false;
  let announced = false;
  let asked = false;
  let timer: number | null = null;
  let registration: Registration | null = null;
  // A page that no worker controls is a first visit: the worker that installs is the first version.
  const hadController = workers.controller != null;

  const announce = (reload: () => void) => {
    if (stopped || announced) return;
    announced = true;
    onReady(reload);
  };
  const offer = (worker: Worker) =>
    announce(() => {
      asked = true;
      worker.postMessage({ type: SKIP_WAITING });
    });
  const follow = (worker: Worker) => {
    const check = () => {
      if (worker.state === "installed" && workers.controller != null) offer(worker);
    };
    worker.addEventListener("statechange", check);
    check();
  };
  const onUpdateFound = () => {
    if (registration?.installing) follow(registration.installing);
  };
  // The new worker now runs this page: reload if the player asked; if another tab did, the code
  // on this page is old, so say so.
  const onControllerChange = () => {
    if (asked) page.reload();
    else if (hadController) announce(() => page.reload());
  };

  workers.addEventListener("controllerchange", onControllerChange);
  workers.ready.then((r) => {
    if (stopped) return;
    registration = r;
    if (r.waiting && workers.controller != null) offer(r.waiting);
    else if (r.installing) follow(r.installing);
    r.addEventListener("updatefound", onUpdateFound);
    timer = page.setInterval(() => void r.update().catch(() => {}), CHECK_EVERY_MS);
  }, () => {});

  return () => {
    stopped = true;
    workers.removeEventListener("controllerchange", onControllerChange);
    registration?.removeEventListener("updatefound", onUpdateFound);
    if (timer !== null) page.clearInterval(timer);
  };
}
