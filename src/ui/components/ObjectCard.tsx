// A synchronization object drawn as what it is: a mutex with its owner and the threads blocked on
// it in order, a semaphore's value, a condition's wait set, a barrier's arrivals, and so on.

import type { ObjectView } from "../../engine/play";
import { t, type MessageId } from "../../i18n/index";
import { Explain } from "./Explain";
import { FlashValue } from "./FlashValue";
import { ThreadChip, ThreadChips } from "./ThreadChip";

type SyncKind = Exclude<ObjectView["kind"], "var">;

const KIND: Record<SyncKind, MessageId> = {
  mutex: "play.object.kind.mutex",
  semaphore: "play.object.kind.semaphore",
  condition: "play.object.kind.condition",
  barrier: "play.object.kind.barrier",
  countdown: "play.object.kind.countdown",
  event: "play.object.kind.event",
  rwlock: "play.object.kind.rwlock",
  queue: "play.object.kind.queue",
};

/** The object's rules, in words. Behaviour only: how many steps a statement takes is the engine's to say. */
export function objectRules(o: ObjectView): string {
  switch (o.kind) {
    case "mutex":
      return t("play.object.rules.mutex");
    case "semaphore":
      return o.max != null ? t("play.object.rules.semaphoreMax", { max: o.max }) : t("play.object.rules.semaphore");
    case "condition":
      return t("play.object.rules.condition", { mutex: o.mutex });
    case "barrier":
      return o.parties != null ? t("play.object.rules.barrier", { parties: o.parties }) : t("play.object.rules.barrierAll");
    case "countdown":
      return t("play.object.rules.countdown");
    case "event":
      return t("play.object.rules.event");
    case "rwlock":
      return t("play.object.rules.rwlock");
    case "queue":
      return t("play.object.rules.queue", { capacity: o.capacity });
    default:
      return "";
  }
}

function Body({ o }: { o: ObjectView }) {
  switch (o.kind) {
    case "mutex":
      return o.owner ? <p>{t("play.object.heldBy")} <ThreadChip name={o.owner} /></p> : <p className="free">{t("play.object.free")}</p>;
    case "semaphore":
      return (
        <p>
          {t("play.object.value")} <FlashValue value={o.value!} />
          {o.max != null && <span className="muted"> {t("play.object.max", { max: o.max })}</span>}
        </p>
      );
    case "condition":
      return (
        <>
          <p className="muted">{t("play.object.usesMutex", { mutex: o.mutex })}</p>
          <p>
            {t("play.object.waitSet")}{" "}
            {o.waitSet!.length > 0 ? <ThreadChips names={o.waitSet!} /> : <span className="muted">{t("play.object.nobody")}</span>}
          </p>
        </>
      );
    case "barrier":
      return (
        <p>
          <FlashValue value={o.arrivals!} /> {t("play.object.arrived", { parties: o.parties })}
        </p>
      );
    case "countdown":
      return (
        <p>
          {t("play.object.count")} <FlashValue value={o.value!} />
        </p>
      );
    case "event":
      return <p>{o.set ? <strong className="value">{t("play.object.set")}</strong> : <span className="free">{t("play.object.notSet")}</span>}</p>;
    case "rwlock":
      if (o.writer) return <p>{t("play.object.writtenBy")} <ThreadChip name={o.writer} /></p>;
      if (o.readers!.length > 0) return <p>{t("play.object.readBy")} <ThreadChips names={o.readers!} /></p>;
      return <p className="free">{t("play.object.free")}</p>;
    case "queue":
      return (
        <>
          <p>
            <span className="cells" aria-label={o.items!.length > 0 ? t("play.object.items", { items: o.items!.join(", ") }) : t("play.object.itemsNone")}>
              {o.items!.length > 0 ? o.items!.map((v, i) => (
                <span key={i} className="cell">
                  <FlashValue value={v} />
                </span>
              )) : <span className="muted">{t("play.object.empty")}</span>}
            </span>
            <span className="muted"> {t("play.object.fill", { size: o.items!.length, capacity: o.capacity })}</span>
          </p>
          {o.busy && <p>{t("play.object.busy")} <ThreadChip name={o.busy} /></p>}
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
          {t(KIND[o.kind as SyncKind])}
          <span className="sr-only">{t("play.object.rulesSuffix")}</span>
        </Explain>
      </h3>
      <Body o={o} />
      {o.blocked.length > 0 && (
        <p className="waiting">
          {t("play.object.blocked")} <ThreadChips names={o.blocked} />
        </p>
      )}
    </div>
  );
}
