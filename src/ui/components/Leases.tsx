// Leases as the leader counts them down: TTL, time left, attached keys, keep-alives answered.
import type { ClusterView } from '../../worker/protocol.ts';
import { useT } from '../useT.ts';
import { leaderLeases, moreLeases } from '../viewModel.ts';

export function Leases({ view }: { view: ClusterView }) {
  const leases = leaderLeases(view);
  const more = moreLeases(view);
  const t = useT();
  return (
    <section className="panel leases" aria-label="leases">
      {leases.length === 0 && <p className="empty">{t('leases.empty')}</p>}
      {leases.map((l) => {
        const left = Math.ceil(l.remainingMs / 1000);
        return (
          <article key={l.id} className="lease" aria-label={`lease ${l.id}`}>
            <header>
              <b>{l.id}</b> TTL {l.ttl}s · <span className="countdown">{t('leases.left', { s: left })}</span>
              {l.keepAlives > 0 &&
                ` · ${t(l.keepAlives === 1 ? 'leases.keepAlive1' : 'leases.keepAlives', { n: l.keepAlives })}`}
            </header>
            <meter min={0} max={l.ttl * 1000} value={l.remainingMs} aria-label={`lease ${l.id} time left`} />
            <div className="keys">
              {l.keys.length ? t('leases.keys', { keys: l.keys.join(', ') }) : t('leases.noKeys')}
              {l.keysMore > 0 && t('leases.keysMore', { n: l.keysMore })}
            </div>
          </article>
        );
      })}
      {more > 0 && <p className="more">{t('leases.more', { n: more })}</p>}
    </section>
  );
}
