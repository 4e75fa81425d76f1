/* The readers-writers level of `npm run bench` (bench/stress.ts, readersWritersLevelText() with
 * its defaults: 2 writers, 3 readers, 2 rounds each), with the engine's atomicity: one shared
 * access per step, and every step below ONE Promela transition, as in stress-philosophers.pml.
 *
 *   Writer                      Reader
 *   int i = 0;                  int i = 0;                 i = 0
 *   while (i < 2) {             while (i < 2) {            the do's guard
 *     rw.writeLock();             rw.readLock();           d_step { guard -> take }  (blocks)
 *     data++;                     int v = data;            writer: two steps (read, write)
 *     rw.writeUnlock();           rw.readUnlock();         w = 0 / clear the reader's bit
 *     i++;                        i++;                     i++
 *   }                           }
 *
 * The rwlock is two words, as in the engine: the writer's number + 1 (0: none) and a bit per
 * reading thread (bit t for thread t). Writers are threads 0-1 and readers 2-4 on both sides.
 * A writer may take the lock when both words are 0; a reader when there is no writer and its
 * own bit is clear. Unlocking a lock one does not hold would throw in the engine; it cannot
 * happen here, so the unlocks are plain stores. A finished reader parks on `v < 0`, which never
 * runs (v is a value of data, never negative) but reads v: otherwise SPIN would see v as
 * write-only and leave it out of the state, where the engine keeps it. No property: a full
 * exploration (-E). */

byte w;
byte r;
int data;

active [2] proctype Writer() {
  int i;
  int t;
  i = 0;
  do
  :: i < 2 ->
     d_step { w == 0 && r == 0 -> w = _pid + 1 };
     d_step { t = data + 1 };
     d_step { data = t; t = 0 };
     w = 0;
     i++
  :: else -> break
  od;
end: false
}

active [3] proctype Reader() {
  int i;
  int v;
  i = 0;
  do
  :: i < 2 ->
     d_step { w == 0 && (r & (1 << _pid)) == 0 -> r = r | (1 << _pid) };
     v = data;
     r = r & ~(1 << _pid);
     i++
  :: else -> break
  od;
end: v < 0
}
