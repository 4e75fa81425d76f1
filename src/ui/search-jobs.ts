// Runs the store's search jobs (store/search-slice.ts) in their workers (search-workers.ts): a
// job's worker reports to the store, and runs only while its job is running for what it was
// started for. Whatever ends that (Stop, a move that leaves the hint's state, another level, a
// new run of the same job) ends the worker too: cancellation stays cooperative, by ending it.

import type { SearchHandlers } from "./search-workers";
import type { SearchFor, SearchName, SearchResultOf } from "./store/search-slice";
import type { AppStore } from "./store/store";

/** Starts a job's search with these handlers; returns the function that cancels it (a no-op once it is over). */
export type Launch<R> = (handlers: SearchHandlers<R>) => () => void;

interface Worker {
  for: unknown;
  cancel(): void;
}

const workersOf = new WeakMap<AppStore, Map<SearchName, Worker>>();

/** The workers running for `store`, and the watch that ends each once its job stops running for it. */
function workers(store: AppStore): Map<SearchName, Worker> {
  let running = workersOf.get(store);
  if (running) return running;
  const map = new Map<SearchName, Worker>();
  running = map;
  workersOf.set(store, map);
  store.subscribe(({ searches }) => {
    for (const [name, worker] of map) {
      const job = searches[name];
      if (job.status === "running" && job.for === worker.for) continue;
      map.delete(name);
      worker.cancel();
    }
  });
  return map;
}

/** Runs job `name` for `what`: the store hears its progress and its end. */
export function runSearch<N extends SearchName>(store: AppStore, name: N, what: SearchFor<N>, launch: Launch<SearchResultOf<N>>): void {
  const running = workers(store);
  // Reports from the worker this replaces must not reach the new job.
  const previous = running.get(name);
  running.delete(name);
  previous?.cancel();
  store.getState().startSearch(name, what);
  const worker: Worker = { for: what, cancel: () => {} };
  running.set(name, worker);
  const over = () => {
    if (running.get(name) === worker) running.delete(name);
  };
  const cancel = launch({
    progress: (states, depth) => store.getState().searchProgress(name, what, states, depth),
    result: (result) => {
      over();
      store.getState().searchDone(name, what, result);
    },
    failed: (message) => {
      over();
      store.getState().searchFailed(name, what, message);
    },
  });
  // A search that ended while it was being launched is cancelled at once (which does nothing to one that is over).
  if (running.get(name) === worker) worker.cancel = cancel;
  else cancel();
}

/** The user stops job `name`: it is "stopped", and its worker ends. */
export function stopSearch(store: AppStore, name: SearchName): void {
  store.getState().stopSearch(name);
}

/** Job `name` is no longer wanted (its screen is gone): it is idle, and its worker ends. */
export function dropSearch(store: AppStore, name: SearchName): void {
  store.getState().clearSearch(name);
}
