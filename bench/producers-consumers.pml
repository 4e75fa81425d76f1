/* The producers-consumers level of `npm run bench` (bench/stress.ts,
 * producersConsumersLevelText() with its defaults: 4 producers, 4 consumers, 1 item each, a
 * buffer of 2 places), with the engine's atomicity: one shared access per step, and every step
 * below ONE Promela transition, as in stress-philosophers.pml. The semaphores `empty` and
 * `full` are `free` and `ready` here: empty(), full(), nempty() and nfull() are Promela's own.
 * Thread code, one step per line:
 *
 *   int i = 0;              i = 0
 *   while (i < 1) {         the do's guard (i < 1, or else -> break)
 *     empty.wait();         d_step { free > 0 -> free-- }   (blocks at 0)
 *     m.lock();             d_step { m == 0 -> m = _pid + 1 } (blocks while held)
 *     count++;              two steps: read (t = count + 1), write (count = t; t = 0)
 *     m.unlock();           m = 0
 *     full.signal();        ready++
 *     i++;                  i++
 *   }
 *
 * Consumers are the same with full and empty swapped and count-- . The producers are threads
 * 0-3 and the consumers 4-7, in the engine and as SPIN's _pid alike, so a mutex's owner + 1 is
 * the same number on both sides. `end: false` parks a finished thread (no termination
 * transition). No property: a full exploration, deadlocks allowed (-E). */

byte free = 2;
byte ready = 0;
byte m;
int count;

active [4] proctype Producer() {
  int i;
  int t;
  i = 0;
  do
  :: i < 1 ->
     d_step { free > 0 -> free-- };
     d_step { m == 0 -> m = _pid + 1 };
     d_step { t = count + 1 };
     d_step { count = t; t = 0 };
     m = 0;
     ready++;
     i++
  :: else -> break
  od;
end: false
}

active [4] proctype Consumer() {
  int i;
  int t;
  i = 0;
  do
  :: i < 1 ->
     d_step { ready > 0 -> ready-- };
     d_step { m == 0 -> m = _pid + 1 };
     d_step { t = count - 1 };
     d_step { count = t; t = 0 };
     m = 0;
     free++;
     i++
  :: else -> break
  od;
end: false
}
