// A parameterised level for tests of the checks: two customers withdraw 100 each from an account
// holding {{start}}, so only the variants with less than 200 can go into the red.

export function overdraft(params: Record<string, unknown>): string {
  return JSON.stringify({
    format: 1, id: "overdraft", title: "Overdraft", summary: "The account holds {{start}}.",
    params,
    shared: { balance: "{{start}}", m: { type: "mutex" } },
    threads: [{ name: "Customer {id}", count: 2, code: "m.lock();\nbool ok = balance >= 100;\nm.unlock();\nif (ok) {\n  m.lock();\n  balance -= 100;\n  assert(balance >= 0);\n  m.unlock();\n}" }],
    win: ["assertion"],
  });
}
