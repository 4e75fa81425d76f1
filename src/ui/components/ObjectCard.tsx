// A synchronization object drawn as what it is: a mutex with its owner and the threads blocked on
// it in order, a semaphore's value, a condition's wait set, a barrier's arrivals, and so on.

import type { ObjectView } from "../../engine/play";
import { Explain } from "./Explain";
import { FlashValue } from "./FlashValue";
import { ThreadChip, ThreadChips } from "./ThreadChip";

type SyncKind = Exclude<ObjectView["kind"], "var">;

const KIND: Record<SyncKind, string> = {
  mutex: "mutex",
  semaphore: "semaphore",
  condition: "condition variable",
  barrier: "barrier",
  countdown: "countdown latch",
  event: "event",
  rwlock: "readers-writer lock",
  queue: "queue (not thread-safe)",
};

/** The object's rules, in words. Behaviour only: how many steps a statement takes is the engine's to say. */
export function objectRules(o: ObjectView): string {
  switch (o.kind) {
    case "mutex":
      return "One thread at a time holds it. lock() takes it when it is free, otherwise the thread waits; unlock() gives it back, and only the holder may. It is not re-entrant: locking it while holding it blocks forever.";
    case "semaphore":
      return `A count of permits${o.max != null ? `, at most ${o.max}` : ""}. wait() takes one, waiting while the count is 0; signal() adds one${o.max != null ? " (above the maximum, it throws)" : ""}. Nobody owns it: any thread may signal.`;
    case "condition":
      return `A wait set tied to the mutex ${o.mutex}, which a thread must hold to wait or signal. wait() releases ${o.mutex} and sleeps; once signalled, the thread takes ${o.mutex} back before going on. signal() wakes the longest waiter, broadcast() wakes them all, and a signal with nobody waiting is lost.`;
    case "barrier":
      return `wait() is an arrival. The threads wait until ${o.parties ?? "all"} have arrived; that arrival releases them all, and the barrier starts over.`;
    case "countdown":
      return "countDown() lowers the count by one (below 0, it throws); wait() blocks until the count reaches 0.";
    case "event":
      return "set() opens it, reset() closes it; wait() blocks while it is closed, and every waiter goes through once it is set.";
    case "rwlock":
      return "Many readers at once, or one writer alone. readLock() waits while a writer holds it; writeLock() waits while anyone does; each unlock gives back that kind of hold.";
    case "queue":
      return `Not thread-safe. enqueue() and dequeue() each begin, then finish; a thread that begins while another is in between throws, and so does dequeue() on an empty queue. size() never throws. At most ${o.capacity} items.`;
    default:
      return "";
  }
}

function Body({ o }: { o: ObjectView }) {
  switch (o.kind) {
    case "mutex":
      return o.owner ? <p>Held by <ThreadChip name={o.owner} /></p> : <p className="free">Free</p>;
    case "semaphore":
      return (
        <p>
          Value <FlashValue value={o.value!} />
          {o.max != null && <span className="muted"> (max {o.max})</span>}
        </p>
      );
    case "condition":
      return (
        <>
          <p className="muted">Uses mutex {o.mutex}</p>
          <p>
            Wait set:{" "}
            {o.waitSet!.length > 0 ? <ThreadChips names={o.waitSet!} /> : <span className="muted">nobody</span>}
          </p>
        </>
      );
    case "barrier":
      return (
        <p>
          <FlashValue value={o.arrivals!} /> of {o.parties} arrived
        </p>
      );
    case "countdown":
      return (
        <p>
          Count <FlashValue value={o.value!} />
        </p>
      );
    case "event":
      return <p>{o.set ? <strong className="value">Set</strong> : <span className="free">Not set</span>}</p>;
    case "rwlock":
      if (o.writer) return <p>Written by <ThreadChip name={o.writer} /></p>;
      if (o.readers!.length > 0) return <p>Read by <ThreadChips names={o.readers!} /></p>;
      return <p className="free">Free</p>;
    case "queue":
      return (
        <>
          <p>
            <span className="cells" aria-label={`Items, front first: ${o.items!.join(", ") || "none"}`}>
              {o.items!.length > 0 ? o.items!.map((v, i) => (
                <span key={i} className="cell">
                  <FlashValue value={v} />
                </span>
              )) : <span className="muted">empty</span>}
            </span>
            <span className="muted"> {o.items!.length} of {o.capacity}</span>
          </p>
          {o.busy && <p>Being changed by <ThreadChip name={o.busy} /></p>}
        </>
      );
    default:
      return null;
  }
}

export function ObjectCard({ o }: { o: ObjectView }) {
  return (
    <div className={`object kind-${o.kind}`}>
      <h3 className="object-head">
        <span className="object-name">{o.name}</span>{" "}
        <Explain text={objectRules(o)} className="object-kind">
          {KIND[o.kind as SyncKind]}
          <span className="sr-only">: the rules</span>
        </Explain>
      </h3>
      <Body o={o} />
      {o.blocked.length > 0 && (
        <p className="waiting">
          Blocked on it, in order: <ThreadChips names={o.blocked} />
        </p>
      )}
    </div>
  );
}
