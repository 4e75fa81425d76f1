// Known wrong fixes of the campaign's fix-it levels, mistakes a student might really make, each
// with what the judge must say of it: a schedule that still breaks the code (its outcome), or the
// requirement it breaks. The unit tests judge every entry; the Playwright test types a broken one
// and replays its counterexample.

export interface FixCase {
  /** The fix-it level's id. */
  level: string;
  /** What the wrong fix does, in a few words. */
  name: string;
  /** Code for some or all of the editable threads; the others keep the level's broken code. */
  code: Record<string, string>;
  expect: { verdict: "broken"; outcome: string } | { verdict: "requirement"; requirement: "finish" | "final" };
}

const AL_LOCKED = "m.lock();\nbalance += 100;\nm.unlock();\nalDone = true;";
const BEA_LOCKED = "m.lock();\nbalance += 100;\nm.unlock();\nwhile (!alDone) {\n}\nassert(balance == 200);";

export const FIX_CASES: FixCase[] = [
  {
    level: "fix-lost-update",
    name: "only Bea locks",
    code: { "Teller Al": "balance += 100;\nalDone = true;", "Teller Bea": BEA_LOCKED },
    expect: { verdict: "broken", outcome: "assertion" },
  },
  {
    level: "fix-lost-update",
    name: "Al never unlocks",
    code: { "Teller Al": "m.lock();\nbalance += 100;\nalDone = true;", "Teller Bea": BEA_LOCKED },
    expect: { verdict: "broken", outcome: "deadlock" },
  },
  {
    level: "fix-lost-update",
    name: "Al never says he is done, so Bea waits forever",
    code: { "Teller Al": "m.lock();\nbalance += 100;\nm.unlock();", "Teller Bea": BEA_LOCKED },
    expect: { verdict: "broken", outcome: "deadlock" },
  },
  {
    level: "fix-lost-update",
    name: "Bea ends the program instead of auditing",
    code: { "Teller Al": AL_LOCKED, "Teller Bea": "m.lock();\nbalance += 100;\nm.unlock();\nexit();" },
    expect: { verdict: "broken", outcome: "exit" },
  },
  {
    level: "fix-lost-update",
    name: "all the code deleted",
    code: { "Teller Al": "", "Teller Bea": "" },
    expect: { verdict: "requirement", requirement: "final" },
  },
  {
    level: "fix-lost-update",
    name: "Bea skips her deposit and the audit",
    code: { "Teller Al": AL_LOCKED, "Teller Bea": "" },
    expect: { verdict: "requirement", requirement: "final" },
  },
  // fix-lost-update-atomic
  {
    level: "fix-lost-update-atomic",
    name: "atomic deposit, but done++ left as it was",
    code: {
      "Teller Al": "atomic_add(balance, 100);\ndone++;",
      "Teller Bea": "atomic_add(balance, 100);\ndone++;",
    },
    expect: { verdict: "broken", outcome: "deadlock" },
  },
  {
    level: "fix-lost-update-atomic",
    name: "atomic read, plain write",
    code: {
      "Teller Al": "int b = atomic_add(balance, 0);\nbalance = b + 100;\natomic_add(done, 1);",
      "Teller Bea": "int b = atomic_add(balance, 0);\nbalance = b + 100;\natomic_add(done, 1);",
    },
    expect: { verdict: "broken", outcome: "assertion" },
  },
  {
    level: "fix-lost-update-atomic",
    name: "only Al's teller fixed",
    code: {
      "Teller Al": "atomic_add(balance, 100);\natomic_add(done, 1);",
      "Teller Bea": "balance += 100;\ndone++;",
    },
    expect: { verdict: "broken", outcome: "deadlock" },
  },

  // fix-last-ticket
  {
    level: "fix-last-ticket",
    name: "the lock covers the sale but not the check",
    code: {
      "Box Office {id}": "if (seatsRemaining > 0) {\n  seatLock.lock();\n  seatsRemaining--;\n  seatLock.unlock();\n}\nassert(seatsRemaining >= 0);",
    },
    expect: { verdict: "broken", outcome: "assertion" },
  },
  {
    level: "fix-last-ticket",
    name: "the lock is never released",
    code: {
      "Box Office {id}": "seatLock.lock();\nif (seatsRemaining > 0) {\n  seatsRemaining--;\n}\nassert(seatsRemaining >= 0);",
    },
    expect: { verdict: "broken", outcome: "deadlock" },
  },
  {
    level: "fix-last-ticket",
    name: "the assert deleted, the race kept",
    code: {
      "Box Office {id}": "if (seatsRemaining > 0) {\n  seatsRemaining--;\n}",
    },
    expect: { verdict: "requirement", requirement: "final" },
  },

  // fix-crossed-transfers
  {
    level: "fix-crossed-transfers",
    name: "both tellers lock `to` first",
    code: {
      "Teller {id}": "int from = id;\nint to = 1 - id;\nint amount = 10 * (id + 1);\nacct[to].lock();\nacct[from].lock();\nbalance[from] -= amount;\nbalance[to] += amount;\nacct[from].unlock();\nacct[to].unlock();\ndone[id] = true;",
    },
    expect: { verdict: "broken", outcome: "deadlock" },
  },
  {
    level: "fix-crossed-transfers",
    name: "only the `from` account locked",
    code: {
      "Teller {id}": "int from = id;\nint to = 1 - id;\nint amount = 10 * (id + 1);\nacct[from].lock();\nbalance[from] -= amount;\nbalance[to] += amount;\nacct[from].unlock();\ndone[id] = true;",
    },
    expect: { verdict: "broken", outcome: "assertion" },
  },

  // fix-wrong-way-round
  {
    level: "fix-wrong-way-round",
    name: "the roadie signals before his work",
    code: {
      Roadie: "ready.signal();\nampsOn = true;\nlightsOn = true;",
      Singer: "ready.wait();\nonStage = true;",
    },
    expect: { verdict: "broken", outcome: "assertion" },
  },
  {
    level: "fix-wrong-way-round",
    name: "the singer waits twice, once for the amps and once for the lights",
    code: {
      Roadie: "ampsOn = true;\nlightsOn = true;\nready.signal();",
      Singer: "ready.wait();\nready.wait();\nonStage = true;",
    },
    expect: { verdict: "broken", outcome: "deadlock" },
  },

  // fix-two-cooks
  {
    level: "fix-two-cooks",
    name: "the lock covers the dish but not the index",
    code: {
      "Cook {id}": "int n = 0;\nwhile (n < 2) {\n  empty.wait();\n  m.lock();\n  hatch[inSlot] = 2 * n + id + 1;\n  m.unlock();\n  inSlot = (inSlot + 1) % 2;\n  full.signal();\n  n++;\n}",
    },
    expect: { verdict: "broken", outcome: "assertion" },
  },
  {
    level: "fix-two-cooks",
    name: "reserve the slot under the lock, fill it after",
    code: {
      "Cook {id}": "int n = 0;\nwhile (n < 2) {\n  empty.wait();\n  m.lock();\n  int slot = inSlot;\n  inSlot = (inSlot + 1) % 2;\n  m.unlock();\n  hatch[slot] = 2 * n + id + 1;\n  full.signal();\n  n++;\n}",
    },
    expect: { verdict: "broken", outcome: "assertion" },
  },
  {
    level: "fix-two-cooks",
    name: "unlock forgotten",
    code: {
      "Cook {id}": "int n = 0;\nwhile (n < 2) {\n  empty.wait();\n  m.lock();\n  hatch[inSlot] = 2 * n + id + 1;\n  inSlot = (inSlot + 1) % 2;\n  full.signal();\n  n++;\n}",
    },
    expect: { verdict: "broken", outcome: "deadlock" },
  },

  // fix-lost-wakeup
  {
    level: "fix-lost-wakeup",
    name: "always wait, without checking",
    code: { Porter: "m.lock();\narrived.wait();\nm.unlock();\naboard = true;   // board the train" },
    expect: { verdict: "broken", outcome: "deadlock" },
  },
  {
    level: "fix-lost-wakeup",
    name: "wait in a loop, without the lock",
    code: { Porter: "while (!trainIn) {\n  arrived.wait();\n}\naboard = true;   // board the train" },
    expect: { verdict: "broken", outcome: "exception" },
  },
  {
    level: "fix-lost-wakeup",
    name: "no waiting at all",
    code: { Porter: "aboard = true;   // board the train" },
    expect: { verdict: "broken", outcome: "assertion" },
  },

  // fix-barging
  {
    level: "fix-barging",
    name: "spin on the size outside the lock",
    code: {
      "Loader {id}": "while (siding.size() == 0) {\n}\nm.lock();\nint wagon = siding.dequeue();\nunloaded += wagon;\nm.unlock();",
    },
    expect: { verdict: "broken", outcome: "exception" },
  },
  {
    level: "fix-barging",
    name: "while loop, but the lock released before taking the wagon",
    code: {
      "Loader {id}": "m.lock();\nwhile (siding.size() == 0) {\n  wagonIn.wait();\n}\nm.unlock();\nint wagon = siding.dequeue();\nunloaded += wagon;",
    },
    expect: { verdict: "broken", outcome: "exception" },
  },
  {
    level: "fix-barging",
    name: "take a wagon only if one is there, else give up",
    code: {
      "Loader {id}": "m.lock();\nif (siding.size() > 0) {\n  int wagon = siding.dequeue();\n  unloaded += wagon;\n}\nm.unlock();",
    },
    expect: { verdict: "requirement", requirement: "final" },
  },

  // fix-reading-room
  {
    level: "fix-reading-room",
    name: "the lock covers readers++ but not the test",
    code: {
      "Reader {id}": "countLock.lock();\nreaders++;\ncountLock.unlock();\nif (readers == 1) {\n  roomEmpty.wait();   // the first reader keeps the librarian out\n}\nint seen = cards;     // read the catalogue\nassert(seen == 5);\natomic_add(cardsRead, seen);\ncountLock.lock();\nreaders--;\ncountLock.unlock();\nif (readers == 0) {\n  roomEmpty.signal(); // the last reader lets her in\n}",
    },
    expect: { verdict: "broken", outcome: "assertion" },
  },
  {
    level: "fix-reading-room",
    name: "the way in locked, the way out not",
    code: {
      "Reader {id}": "countLock.lock();\nreaders++;\nif (readers == 1) {\n  roomEmpty.wait();   // the first reader keeps the librarian out\n}\ncountLock.unlock();\nint seen = cards;     // read the catalogue\nassert(seen == 5);\natomic_add(cardsRead, seen);\nreaders--;\nif (readers == 0) {\n  roomEmpty.signal(); // the last reader lets her in\n}",
    },
    expect: { verdict: "broken", outcome: "deadlock" },
  },
  {
    level: "fix-reading-room",
    name: "an atomic count instead of the lock",
    code: {
      "Reader {id}": "if (atomic_add(readers, 1) == 1) {\n  roomEmpty.wait();   // the first reader keeps the librarian out\n}\nint seen = cards;     // read the catalogue\nassert(seen == 5);\natomic_add(cardsRead, seen);\nif (atomic_add(readers, -1) == 0) {\n  roomEmpty.signal(); // the last reader lets her in\n}",
    },
    expect: { verdict: "broken", outcome: "assertion" },
  },

  // fix-philosophers
  {
    level: "fix-philosophers",
    name: "everyone picks up the right fork first",
    code: {
      "Philosopher {id}": "think();\nforks[(id + 1) % 3].lock();\nforks[id].lock();\nmeals++;   // eat\nforks[id].unlock();\nforks[(id + 1) % 3].unlock();",
    },
    expect: { verdict: "broken", outcome: "deadlock" },
  },
  {
    level: "fix-philosophers",
    name: "try the right fork, skip the meal if it is taken",
    code: {
      "Philosopher {id}": "think();\nforks[id].lock();\nif (forks[(id + 1) % 3].tryLock()) {\n  meals++;   // eat\n  forks[(id + 1) % 3].unlock();\n}\nforks[id].unlock();",
    },
    expect: { verdict: "requirement", requirement: "final" },
  },
  {
    level: "fix-philosophers",
    name: "eat without forks",
    code: { "Philosopher {id}": "think();\nmeals++;   // eat" },
    expect: { verdict: "requirement", requirement: "final" },
  },

  // fix-peterson-by-mail
  {
    level: "fix-peterson-by-mail",
    name: "the fence between the two writes",
    code: {
      "Keeper {id}": "wants[id] = true;\nfence();\nturn = 1 - id;\nwhile (wants[1 - id] && turn == 1 - id) {\n  // wait\n}\ncritical_section();\ncalls++;   // log the radio call\nwants[id] = false;",
    },
    expect: { verdict: "broken", outcome: "mutual-exclusion" },
  },
  {
    level: "fix-peterson-by-mail",
    name: "the fence after the radio call",
    code: {
      "Keeper {id}": "wants[id] = true;\nturn = 1 - id;\nwhile (wants[1 - id] && turn == 1 - id) {\n  // wait\n}\ncritical_section();\ncalls++;   // log the radio call\nfence();\nwants[id] = false;",
    },
    expect: { verdict: "broken", outcome: "mutual-exclusion" },
  },
];
