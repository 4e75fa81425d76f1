/* levels/lost-update.json with the engine's atomicity: one Promela transition per step.
 *
 *   Teller Al:   balance += 100;            two steps: read (t = balance + 100), write
 *                alDone = true;             one step
 *   Teller Bea:  balance += 100;            two steps
 *                while (!alDone) { }        one step per evaluation; spinning returns to the
 *                                           same state, as in the engine
 *                assert(balance == 200);    one step
 *
 * The property is the level's: the assertion. SPIN runs with -c0 so it does not stop at the
 * first violation, and counts them ("errors"). Difference from the solver: after a failed
 * assert SPIN goes on to the next state (Bea finished with balance 100), while the engine
 * ends that move there; so SPIN stores one state more. */

int balance;
bool alDone;

active proctype Al() {
  int t;
  d_step { t = balance + 100 };
  d_step { balance = t; t = 0 };
  alDone = true;
end: false
}

active proctype Bea() {
  int t;
  d_step { t = balance + 100 };
  d_step { balance = t; t = 0 };
  do
  :: !alDone
  :: else -> break
  od;
  assert(balance == 200);
end: false
}
