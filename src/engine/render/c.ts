// C: pthreads (mutex, condition, barrier, readers-writer lock), semaphore.h, stdatomic.h. C has
// no countdown latch, event or queue: the declarations name a small type for each, and say so.

import type { Dialect, RenderScope, PlaceRef } from "./core";
import { C_FAMILY, placeText } from "./common";

const at = placeText;
const addr = (p: PlaceRef | null, fallback: string) => `&${p ? at(p) : fallback}`;
const sharedNote = "/* Shared state: globals. #include <pthread.h>, <semaphore.h>, <stdatomic.h>, <stdbool.h>, <assert.h> */";

export const c: Dialect = {
  ...C_FAMILY,
  language: "c",
  reserved: new Set("auto break case char const continue default do double else enum extern float for goto if inline int long register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while bool true false exit assert".split(" ")),
  escape: (name) => `${name}_`,
  read: at,
  write: (p, v) => `${at(p)} = ${v}`,
  // On an atomic_int, `x += v` would be one atomic step; the level's is a read, then a write.
  update: (p, op, v, operand) => (p.atomic ? `${at(p)} = ${at(p)} ${op} ${operand}` : `${at(p)} ${op}= ${v}`),
  step: (p, op) => (p.atomic ? `${at(p)} = ${at(p)} ${op[0]} 1` : `${at(p)}${op}`),
  decl: (type, name, init) => `${type} ${name} = ${init ?? (type === "bool" ? "false" : "0")}`,
  builtins: {
    atomic_add: (a, p, stmt) => (stmt ? `atomic_fetch_add(${addr(p[0], a[0])}, ${a[1]})` : { text: `atomic_fetch_add(${addr(p[0], a[0])}, ${a[1]}) + ${a[1]}`, prec: 5 }),
    atomic_exchange: (a, p) => `atomic_exchange(${addr(p[0], a[0])}, ${a[1]})`,
    atomic_cas: (a, p) => `atomic_compare_exchange_strong(${addr(p[0], a[0])}, &(int){${a[1]}}, ${a[2]})`,
    assert: (a) => `assert(${a[0]})`,
    critical_section: () => "critical_section()",
    exit: () => "exit(0)",
    fence: () => "atomic_thread_fence(memory_order_seq_cst)",
  },
  methods: {
    mutex: {
      lock: (o) => `pthread_mutex_lock(&${o.text})`,
      unlock: (o) => `pthread_mutex_unlock(&${o.text})`,
      tryLock: (o, _a, stmt) => (stmt ? `pthread_mutex_trylock(&${o.text})` : { text: `pthread_mutex_trylock(&${o.text}) == 0`, prec: 3 }),
    },
    semaphore: { wait: (o) => `sem_wait(&${o.text})`, signal: (o) => `sem_post(&${o.text})` },
    condition: {
      wait: (o) => `pthread_cond_wait(&${o.text}, &${o.decl.type === "condition" ? o.scope.ident(o.decl.mutex) : ""})`,
      signal: (o) => `pthread_cond_signal(&${o.text})`,
      broadcast: (o) => `pthread_cond_broadcast(&${o.text})`,
    },
    barrier: { wait: (o) => `pthread_barrier_wait(&${o.text})` },
    countdown: { countDown: (o) => `latch_count_down(&${o.text})`, wait: (o) => `latch_wait(&${o.text})` },
    event: { set: (o) => `event_set(&${o.text})`, reset: (o) => `event_reset(&${o.text})`, wait: (o) => `event_wait(&${o.text})` },
    rwlock: {
      readLock: (o) => `pthread_rwlock_rdlock(&${o.text})`,
      readUnlock: (o) => `pthread_rwlock_unlock(&${o.text})`,
      writeLock: (o) => `pthread_rwlock_wrlock(&${o.text})`,
      writeUnlock: (o) => `pthread_rwlock_unlock(&${o.text})`,
    },
    queue: { enqueue: (o, a) => `queue_push(&${o.text}, ${a[0]})`, dequeue: (o) => `queue_pop(&${o.text})`, size: (o) => `queue_size(&${o.text})` },
  },
  declarations,
};

function declarations(scope: RenderScope): string[] {
  const out: string[] = [sharedNote];
  const dims = (count: number | undefined) => (count === undefined ? "" : `[${count}]`);
  for (const [raw, s] of scope.shared) {
    const name = scope.ident(raw);
    if (s.kind === "var") {
      const type = s.atomic ? "atomic_int" : s.type;
      const show = (v: number | boolean) => String(v);
      out.push(Array.isArray(s.initial) ? `${type} ${name}[${s.initial.length}] = { ${s.initial.map(show).join(", ")} };` : `${type} ${name} = ${show(s.initial)};`);
      continue;
    }
    const d = s.decl;
    const n = dims(d.count);
    const each = (init: string) => (d.count === undefined ? ` = ${init}` : "");
    switch (d.type) {
      case "mutex":
        out.push(`pthread_mutex_t ${name}${n}${each("PTHREAD_MUTEX_INITIALIZER")};${d.count !== undefined ? `  /* each set up with pthread_mutex_init(&${name}[i], NULL) */` : ""}`);
        break;
      case "semaphore":
        out.push(`sem_t ${name}${n};  /* sem_init(&${name}${d.count !== undefined ? "[i]" : ""}, 0, ${d.value}) before the threads start${d.max !== undefined ? `; POSIX has no maximum, the level's is ${d.max}` : ""} */`);
        break;
      case "condition":
        out.push(`pthread_cond_t ${name}${n}${each("PTHREAD_COND_INITIALIZER")};  /* waited on with ${scope.ident(d.mutex)} held */`);
        break;
      case "barrier":
        out.push(`pthread_barrier_t ${name}${n};  /* pthread_barrier_init(&${name}${d.count !== undefined ? "[i]" : ""}, NULL, ${d.parties}) */`);
        break;
      case "countdown":
        out.push(`latch_t ${name}${n}${each(`LATCH_INITIALIZER(${d.value})`)};  /* C has no countdown latch: a struct of a mutex, a condition and a count${d.count !== undefined ? ` (${d.value})` : ""} */`);
        break;
      case "event":
        out.push(`event_t ${name}${n}${each(`EVENT_INITIALIZER(${d.set})`)};  /* C has no event: a struct of a mutex, a condition and a flag */`);
        break;
      case "rwlock":
        out.push(`pthread_rwlock_t ${name}${n}${each("PTHREAD_RWLOCK_INITIALIZER")};`);
        break;
      case "queue":
        out.push(`queue_t ${name}${n}${each(`QUEUE_INITIALIZER(${d.items.join(", ")})`)};  /* C has no queue: a ring buffer of ${d.capacity} ints, not thread-safe */`);
        break;
    }
  }
  return out;
}
