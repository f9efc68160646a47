// What happened, newest first: elections, commits, member changes, faults, commands — filterable.

import { describeEvent } from '../../i18n/events.ts';
import type { ClusterView } from '../../worker/protocol.ts';
import { TRACE_KINDS, useStore } from '../store.ts';

export function EventLog({ view }: { view: ClusterView }) {
  const kinds = useStore((s) => s.eventKinds);
  const set = useStore((s) => s.set);
  const lang = useStore((s) => s.lang);
  const events = view.trace.filter((e) => kinds[e.kind]).reverse();
  return (
    <section className="panel events" aria-label="event log">
      <fieldset className="filters" aria-label="event kinds">
        {TRACE_KINDS.map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              checked={kinds[k]}
              onChange={(e) => set({ eventKinds: { ...kinds, [k]: e.target.checked } })}
            />
            {k}
          </label>
        ))}
      </fieldset>
      <ol className="log-lines">
        {events.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a log line has no id; the list is redrawn whole
          <li key={i} className={`kind-${e.kind}`}>
            <time>{(e.t / 1000).toFixed(3)}s</time> <span className="kind">{e.kind}</span> {describeEvent(e.e, lang)}
          </li>
        ))}
      </ol>
    </section>
  );
}
