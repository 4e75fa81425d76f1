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
