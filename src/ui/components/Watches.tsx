// Every watch a terminal has opened: on what, from which revision, what it delivered, and how it
// ended (Ctrl-C, or cancelled because its start revision was compacted).
import type { ClusterView } from '../../worker/protocol.ts';
import { useStore } from '../store.ts';
import { useT } from '../useT.ts';

export function Watches({ view }: { view: ClusterView }) {
  const terminals = useStore((s) => s.terminals);
  const t = useT();
  const title = (id: string) => terminals.find((x) => x.id === id)?.title ?? (id || t('watches.program'));
  const watches = [...view.watches].reverse();
  return (
    <section className="panel watches" aria-label="watches">
      {watches.length === 0 && <p className="empty">{t('watches.empty')}</p>}
      {watches.map((w) => (
        <article key={w.id} className={`watch ${w.state}`} aria-label={`watch ${w.id}`}>
          <header>
            <b>{title(w.terminal)}</b> {t('watches.watches')}{' '}
            {w.prefix ? t('watches.prefix', { key: w.key }) : w.rangeEnd ? `[${w.key}, ${w.rangeEnd})` : w.key}
            {w.startRevision ? t('watches.from', { rev: w.startRevision }) : ''} ·{' '}
            <span className="state">
              {w.state === 'compacted' ? t('watches.compacted', { rev: w.compactRevision }) : t(`watches.${w.state}`)}
            </span>
          </header>
          <div>
            {t(w.eventCount === 1 ? 'watches.delivered1' : 'watches.delivered', { n: w.eventCount })}
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
