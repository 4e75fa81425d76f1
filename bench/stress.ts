// The stress level for `npm run bench`: five dining philosophers who also count their meals in
// one shared counter (a racy counter++), each eating twice. Large enough to measure the solver.

export function stressLevelText(philosophers = 5, meals = 2): string {
  const code = [
    "int meal = 0;",
    `while (meal < ${meals}) {`,
    "  forks[id].lock();",
    `  forks[(id + 1) % ${philosophers}].lock();`,
    "  meals++;",
    `  forks[(id + 1) % ${philosophers}].unlock();`,
    "  forks[id].unlock();",
    "  meal++;",
    "}",
  ].join("\n");
  return JSON.stringify({
    format: 1,
    id: "stress-philosophers",
    title: "Stress: hungry philosophers",
    summary: `${philosophers} philosophers eat ${meals} meals each and count them in one shared counter.`,
    win: ["assertion"], // nothing asserts: the solver must explore every state
    breakable: false,
    shared: { forks: { type: "mutex", count: philosophers }, meals: 0 },
    threads: [{ name: "Philosopher {id}", count: philosophers, code }],
  });
}

/**
 * Producers and consumers for `npm run bench`: a buffer of `slots` places guarded by two
 * semaphores (`empty`, `full`), its count changed under a mutex with a racy but guarded
 * `count++` / `count--`. Each producer makes `items` items, each consumer takes as many. Nothing
 * asserts: the solver must visit every state and answer "safe". bench/producers-consumers.pml is
 * the same state space in Promela.
 */
export function producersConsumersLevelText(producers = 4, consumers = 4, items = 1, slots = 2): string {
  const loop = (body: string[]) => ["int i = 0;", `while (i < ${items}) {`, ...body.map((l) => `  ${l}`), "  i++;", "}"].join("\n");
  return JSON.stringify({
    format: 1,
    id: "producers-consumers",
    title: "Stress: producers and consumers",
    summary: `${producers} producers and ${consumers} consumers share a buffer of ${slots} places.`,
    win: ["assertion"],
    breakable: false,
    shared: { empty: { type: "semaphore", value: slots }, full: { type: "semaphore", value: 0 }, m: { type: "mutex" }, count: 0 },
    threads: [
      { name: "Producer {id}", count: producers, code: loop(["empty.wait();", "m.lock();", "count++;", "m.unlock();", "full.signal();"]) },
      { name: "Consumer {id}", count: consumers, code: loop(["full.wait();", "m.lock();", "count--;", "m.unlock();", "empty.signal();"]) },
    ],
  });
}

/**
 * Readers and writers for `npm run bench`, with a readers-writer lock: each reader reads `data`
 * `rounds` times under a read lock, each writer increments it as many times under the write lock.
 * Nothing asserts. bench/readers-writers.pml is the same state space in Promela.
 */
export function readersWritersLevelText(readers = 3, writers = 2, rounds = 2): string {
  const loop = (body: string[]) => ["int i = 0;", `while (i < ${rounds}) {`, ...body.map((l) => `  ${l}`), "  i++;", "}"].join("\n");
  return JSON.stringify({
    format: 1,
    id: "readers-writers",
    title: "Stress: readers and writers",
    summary: `${readers} readers and ${writers} writers share one value behind a readers-writer lock.`,
    win: ["assertion"],
    breakable: false,
    shared: { rw: { type: "rwlock" }, data: 0 },
    threads: [
      { name: "Writer {id}", count: writers, code: loop(["rw.writeLock();", "data++;", "rw.writeUnlock();"]) },
      { name: "Reader {id}", count: readers, code: loop(["rw.readLock();", "int v = data;", "rw.readUnlock();"]) },
    ],
  });
}

/**
 * A six-thread fix-it level for `npm run bench -- browser`: `producers` producers and as many
 * consumers pass `items` items each through a buffer of `slots` places, as in
 * producersConsumersLevelText. The consumers'
 * broken code forgets to wait on `full`, so a consumer can take from an empty buffer and its
 * `assert(count > 0)` fails; the reference fix waits first. The buffer ends empty.
 */
export function fixProducersConsumersLevelText(producers = 3, consumers = 3, items = 2, slots = 2): string {
  const loop = (body: string[]) => ["int i = 0;", `while (i < ${items}) {`, ...body.map((l) => `  ${l}`), "  i++;", "}"].join("\n");
  const take = (wait: boolean) => loop([...(wait ? ["full.wait();"] : []), "m.lock();", "assert(count > 0);", "count--;", "m.unlock();", "empty.signal();"]);
  return JSON.stringify({
    format: 1,
    id: "fix-producers-consumers",
    title: "Bench: fix the consumers",
    summary: `${producers} producers and ${consumers} consumers make and take ${items} items each through a buffer of ${slots} places; the consumers forget to wait.`,
    win: ["assertion"],
    shared: { empty: { type: "semaphore", value: slots }, full: { type: "semaphore", value: 0 }, m: { type: "mutex" }, count: 0 },
    threads: [
      { name: "Producer {id}", count: producers, code: loop(["empty.wait();", "m.lock();", "count++;", "m.unlock();", "full.signal();"]) },
      { name: "Consumer {id}", count: consumers, code: take(false) },
    ],
    fix: {
      threads: ["Consumer {id}"],
      require: { finish: true, final: { count: 0 } },
      reference: { "Consumer {id}": take(true) },
    },
  });
}
