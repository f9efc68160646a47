// Leases as the leader counts them down: TTL, time left, attached keys, keep-alives answered.
import type { ClusterView } from '../../worker/protocol.ts';
import { leaderLeases, moreLeases } from '../viewModel.ts';

export function Leases({ view }: { view: ClusterView }) {
  const leases = leaderLeases(view);
  const more = moreLeases(view);
  return (
    <section className="panel leases" aria-label="leases">
      {leases.length === 0 && <p className="empty">No leases. Try `etcdctl lease grant 30`.</p>}
      {leases.map((l) => {
        const left = Math.ceil(l.remainingMs / 1000);
        return (
          <article key={l.id} className="lease" aria-label={`lease ${l.id}`}>
            <header>
              <b>{l.id}</b> TTL {l.ttl}s · <span className="countdown">{left}s left</span>
              {l.keepAlives > 0 && ` · ${l.keepAlives} keep-alive${l.keepAlives === 1 ? '' : 's'}`}
            </header>
            <meter min={0} max={l.ttl * 1000} value={l.remainingMs} aria-label={`lease ${l.id} time left`} />
            <div className="keys">
              {l.keys.length ? `keys: ${l.keys.join(', ')}` : 'no keys attached'}
              {l.keysMore > 0 && ` and ${l.keysMore} more`}
            </div>
          </article>
        );
      })}
      {more > 0 && <p className="more">and {more} more leases (etcdctl lease list shows them all)</p>}
    </section>
  );
}
