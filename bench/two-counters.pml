/* levels/two-counters.json with the engine's atomicity: one step per Promela transition.
 *
 *   business_logic();                    one step (skip)
 *   first++;                             two steps: read (t = first + 1), write
 *   second++;                            two steps
 *   if (second == 2 && first != 2) {     one step (second != 2), or two: && short-circuits,
 *                                        and reading `first` is a second shared access
 *     assert(false);                     one step
 *   }
 *
 * The property is the level's: the assertion. Run with -c0 to count every violation. After a
 * failed assert SPIN goes on (the scribe finishes), while the engine ends that move; SPIN
 * stores the state after it as well, hence one state more than the solver. */

int first, second;

active [2] proctype Scribe() {
  int t;
  skip;
  d_step { t = first + 1 };
  d_step { first = t; t = 0 };
  d_step { t = second + 1 };
  d_step { second = t; t = 0 };
  if
  :: second == 2 ->
     if
     :: first != 2 -> assert(false)
     :: else
     fi
  :: else
  fi;
end: false
}
