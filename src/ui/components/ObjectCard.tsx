// A synchronization object drawn as what it is: a mutex with its owner and the threads blocked on
// it in order, a semaphore's value, a condition's wait set, a barrier's arrivals, and so on.

import type { ObjectView } from "../../engine/view";
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
        <span className="object-name">{o.name}</span> <span className="object-kind">{KIND[o.kind as SyncKind]}</span>
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
