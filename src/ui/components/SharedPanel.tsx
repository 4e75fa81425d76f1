// The shared state: variables (values flash when they change), synchronization objects, and,
// under TSO, each thread's store buffer.

import { memo } from "react";
import type { StateView } from "../../engine/play";
import { t } from "../../i18n/index";
import { FlashValue, showValue } from "./FlashValue";
import { ObjectCard } from "./ObjectCard";
import { ThreadChip } from "./ThreadChip";

export const SharedPanel = memo(function SharedPanel({ view, tso }: { view: StateView; tso: boolean }) {
  const empty = view.variables.length === 0 && view.objects.length === 0;
  return (
    <section className="shared" aria-labelledby="shared-heading">
      <h2 id="shared-heading">{t("play.shared.heading")}</h2>
      {empty && <p className="muted">{t("play.shared.nothing")}</p>}
      {view.variables.length > 0 && (
        <dl className="variables">
          {view.variables.map((v) => (
            <div key={v.name} className="variable" data-variable={v.name}>
              <dt>{v.name}</dt>
              <dd>
                {v.array ? (
                  <span className="cells">
                    {v.values.map((x, i) => (
                      <span key={i} className="cell" title={`${v.name}[${i}]`}>
                        <FlashValue value={x} text={showValue(v.type, x)} />
                      </span>
                    ))}
                  </span>
                ) : (
                  <FlashValue value={v.values[0]} text={showValue(v.type, v.values[0])} />
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {view.objects.length > 0 && (
        <div className="objects">
          {view.objects.map((o) => (
            <ObjectCard key={o.name} o={o} />
          ))}
        </div>
      )}
      {tso && (
        <div className="buffers">
          <h3>{t("play.shared.buffers")} <span className="muted">{t("play.shared.buffersNote")}</span></h3>
          <ul>
            {view.threads.map((th) => (
              <li key={th.index}>
                <ThreadChip name={th.name} />{" "}
                {th.buffer.length === 0 ? (
                  <span className="muted">{t("play.object.empty")}</span>
                ) : (
                  th.buffer.map((b, i) => (
                    <span key={i} className="cell">
                      {b.variable} = {showValue(b.type, b.value)}
                    </span>
                  ))
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
});
