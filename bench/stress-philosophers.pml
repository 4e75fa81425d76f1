/* The stress level of `npm run bench` (bench/stress.ts, stressLevelText() with its defaults:
 * 5 philosophers, 2 meals each), with the engine's atomicity: one shared access per step.
 * Every step below is ONE Promela transition (a plain statement or a d_step), so SPIN's state
 * space is the solver's, state for state. Thread code, one step per line:
 *
 *   int meal = 0;                      meal = 0
 *   while (meal < 2) {                 the do's guard (meal < 2, or else -> break)
 *     forks[id].lock();                d_step { fork[id] == 0 -> fork[id] = id + 1 }  (blocks)
 *     forks[(id + 1) % 5].lock();      the same for the right fork
 *     meals++;                         two steps: read (t = meals + 1), write (meals = t)
 *     forks[(id + 1) % 5].unlock();    fork[...] = 0
 *     forks[id].unlock();              fork[id] = 0
 *     meal++;                          meal++
 *   }
 *
 * The engine keeps the value read by `meals++` in a register until the write, and clears it at
 * the statement boundary: so does `t`. A mutex holds its owner + 1 (0: free), as in the engine.
 * Unlocking a fork one does not hold would throw in the engine; it cannot happen here, so the
 * unlocks are plain stores. `end: false` parks a finished philosopher for good: otherwise SPIN
 * would add a "process terminates" transition (and states) that the engine does not have.
 * The property: none (no assert): the run is a full exploration, deadlocks allowed (-E). */

byte fork[5];
int meals;

active [5] proctype Phil() {
  int meal;
  int t;
  meal = 0;
  do
  :: meal < 2 ->
     d_step { fork[_pid] == 0 -> fork[_pid] = _pid + 1 };
     d_step { fork[(_pid + 1) % 5] == 0 -> fork[(_pid + 1) % 5] = _pid + 1 };
     d_step { t = meals + 1 };
     d_step { meals = t; t = 0 };
     fork[(_pid + 1) % 5] = 0;
     fork[_pid] = 0;
     meal++
  :: else -> break
  od;
end: false
}
