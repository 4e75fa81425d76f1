/* levels/flag-guard.json with the engine's atomicity: one step per Promela transition.
 *
 *   while (true) {            the outer do's guard `true`: one step per evaluation
 *     while (busy) { }        one step per evaluation (busy, or else -> break)
 *     busy = true;            one step
 *     critical_section();     one step
 *     busy = false;           one step
 *   }
 *
 * The property is the level's: mutual exclusion, two knights standing at critical_section()
 * at once. incs[i] is true while knight i stands at critical_section() (a function of its pc,
 * so it adds no states); the step that arrives there asserts that the other is not there.
 * The engine does not expand a state that breaks mutual exclusion; neither does this model:
 * critical_section() can be left only while the other knight is not in it, so with both in,
 * nobody moves. The arrival is an `atomic` (not a d_step: SPIN does not allow a jump into a
 * d_step); SPIN does not store the states inside an atomic sequence, so it is one step.
 * Run with -c0 (count every violation, do not stop at the first) and -E (the "both in" states
 * are not deadlocks to report). The state spaces match exactly. */

bool busy;
bool incs[2];

active [2] proctype Knight() {
  do
  :: true ->
     do
     :: busy
     :: else -> break
     od;
     atomic { busy = true; incs[_pid] = true; assert(!incs[1 - _pid]) };
     d_step { !incs[1 - _pid] -> incs[_pid] = false };
     busy = false
  od
}
