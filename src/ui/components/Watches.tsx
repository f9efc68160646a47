// Every watch a terminal has opened: on what, from which revision, what it delivered, and how it
// ended (Ctrl-C, or cancelled because its start revision was compacted).
import type { ClusterView } from '../../worker/protocol.ts';
import { useStore } from '../store.ts';

export function Watches({ view }: { view: ClusterView }) {
  const terminals = useStore((s) => s.terminals);
  const title = (id: string) => terminals.find((t) => t.id === id)?.title ?? (id || 'a program');
  const watches = [...view.watches].reverse();
  return (
    <section className="panel watches" aria-label="watches">
      {watches.length === 0 && <p className="empty">No watches. Try `etcdctl watch foo` in terminal 2.</p>}
      {watches.map((w) => (
        <article key={w.id} className={`watch ${w.state}`} aria-label={`watch ${w.id}`}>
          <header>
            <b>{title(w.terminal)}</b> watches{' '}
            {w.prefix ? `prefix ${w.key}` : w.rangeEnd ? `[${w.key}, ${w.rangeEnd})` : w.key}
            {w.startRevision ? ` from revision ${w.startRevision}` : ''} ·{' '}
            <span className="state">
              {w.state === 'compacted' ? `cancelled: compacted at ${w.compactRevision}` : w.state}
            </span>
          </header>
          <div>
            {w.eventCount} event{w.eventCount === 1 ? '' : 's'} delivered
            {w.recent.map((e) => (
              <span key={`${e.modRevision}-${e.key}-${e.type}`} className={`event ${e.type.toLowerCase()}`}>
                {e.type} {e.key} @{e.modRevision}
              </span>
            ))}
          </div>
        </article>
      ))}
    </section>
  );
}
