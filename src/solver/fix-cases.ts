// Known wrong fixes of the campaign's fix-it levels, each with what the judge must say of it: a
// schedule that still breaks the code (its outcome), or the requirement it breaks. The unit tests
// judge every entry; the Playwright test types a broken one and replays its counterexample.

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
];
