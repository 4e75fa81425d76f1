// The shared state: variables (values flash when they change), synchronization objects, and,
// under TSO, each thread's store buffer.

import { memo } from "react";
import type { StateView } from "../../engine/play";
import { FlashValue, showValue } from "./FlashValue";
import { ObjectCard } from "./ObjectCard";
import { ThreadChip } from "./ThreadChip";

export const SharedPanel = memo(function SharedPanel({ view, tso }: { view: StateView; tso: boolean }) {
  const empty = view.variables.length === 0 && view.objects.length === 0;
  return (
    <section className="shared" aria-labelledby="shared-heading">
      <h2 id="shared-heading">Shared state</h2>
      {empty && <p className="muted">Nothing shared: the threads meet only at the critical section.</p>}
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
          <h3>Store buffers <span className="muted">(oldest first; Flush writes the oldest to memory)</span></h3>
          <ul>
            {view.threads.map((t) => (
              <li key={t.index}>
                <ThreadChip name={t.name} />{" "}
                {t.buffer.length === 0 ? (
                  <span className="muted">empty</span>
                ) : (
                  t.buffer.map((b, i) => (
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
