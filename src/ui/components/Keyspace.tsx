// The keyspace: each key with its value, create / mod revision, version and lease; the store's
// revision and compacted revision; and, for the chosen key, its history in generations, which
// is what explains revision vs mod_revision vs version. The key the last write touched is lit.
import type { ClusterView, KeyspaceView } from '../../worker/protocol.ts';
import type { EngineClient } from '../engineClient.ts';
import { useStore } from '../store.ts';
import { useT } from '../useT.ts';

export function Keyspace({ engine, view }: { engine: EngineClient; view: ClusterView }) {
  const ks = view.keyspace;
  const keyspaceOf = useStore((s) => s.keyspaceOf);
  const selected = useStore((s) => s.selectedKey);
  const set = useStore((s) => s.set);
  const t = useT();
  if (!ks) return null;
  const chosen = ks.keys.find((k) => k.key === selected);
  return (
    <section className="panel keyspace" aria-label="keyspace">
      <div className="panel-head">
        <span role="status" aria-label="revisions">
          {t('keyspace.revision')} <b>{ks.revision}</b> · {t('keyspace.compacted')}{' '}
          <b>{ks.compactRevision < 0 ? '–' : ks.compactRevision}</b>
        </span>
        <label>
          {t('keyspace.storeOf')}{' '}
          <select
            aria-label="whose keyspace"
            value={keyspaceOf ?? ''}
            onChange={(e) => {
              const m = e.target.value || undefined;
              set({ keyspaceOf: m });
              engine.keyspaceOf(m);
            }}
          >
            <option value="">{t('keyspace.theLeader', { name: ks.member })}</option>
            {view.members.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {ks.keys.length === 0 ? (
        <p className="empty">{t('keyspace.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('keyspace.key')}</th>
              <th>{t('keyspace.value')}</th>
              <th title="create_revision">{t('keyspace.create')}</th>
              <th title="mod_revision">{t('keyspace.mod')}</th>
              <th>{t('keyspace.version')}</th>
              <th>{t('keyspace.lease')}</th>
            </tr>
          </thead>
          <tbody>
            {ks.keys.map((k) => (
              <tr
                key={k.key}
                aria-label={`key ${k.key}`}
                aria-selected={k.key === selected}
                className={
                  [k.modRevision === ks.revision ? 'latest' : '', k.deleted ? 'deleted' : ''].join(' ').trim() ||
                  undefined
                }
                onClick={() => set({ selectedKey: k.key === selected ? undefined : k.key })}
              >
                <td>
                  <button type="button" className="link">
                    {k.key}
                  </button>
                </td>
                <td className="value">
                  {k.deleted
                    ? t('keyspace.deletedAt', { rev: k.modRevision })
                    : k.value.length > 40
                      ? `${k.value.slice(0, 40)}…`
                      : k.value}
                </td>
                <td>{k.deleted ? '' : k.createRevision}</td>
                <td>{k.modRevision}</td>
                <td>{k.deleted ? '' : k.version}</td>
                <td>{k.lease}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ks.more > 0 && <p className="empty">{t('keyspace.more', { n: ks.more })}</p>}
      {chosen && <KeyHistory ks={ks} k={chosen} />}
      {view.v2 && <V2Store v2={view.v2} />}
    </section>
  );
}

/** The v2 store beside the v3 keyspace: the same member keeps both, and they never share a key. */
function V2Store({ v2 }: { v2: NonNullable<ClusterView['v2']> }) {
  const t = useT();
  return (
    <section className="v2store" aria-label="v2 store">
      <h3>
        {t('keyspace.v2Title')} <small>{t('keyspace.v2Index', { index: v2.index })}</small>
      </h3>
      {v2.nodes.length === 0 ? (
        <p className="empty">{t('keyspace.v2Empty')}</p>
      ) : (
        <ul className="v2-tree">
          {v2.nodes.map((n) => (
            <li key={n.key} aria-label={`v2 ${n.key}`} style={{ paddingLeft: `${n.depth * 1.2}em` }}>
              <code>
                {n.key.slice(n.key.lastIndexOf('/') + 1)}
                {n.dir ? '/' : ''}
              </code>
              {!n.dir && <> = {n.value}</>}
              {n.ttl !== undefined && <small> · {t('keyspace.v2Ttl', { s: n.ttl })}</small>}
            </li>
          ))}
        </ul>
      )}
      {v2.more > 0 && <p className="empty">{t('keyspace.more', { n: v2.more })}</p>}
      <p className="explain">{t('keyspace.v2Apart')}</p>
    </section>
  );
}

function KeyHistory({ ks, k }: { ks: KeyspaceView; k: KeyspaceView['keys'][number] }) {
  const t = useT();
  return (
    <section className="history" aria-label={`history of ${k.key}`}>
      <h3>{t('keyspace.historyOf', { key: k.key })}</h3>
      {k.generations.map((g, i) => (
        <div key={g.revs[0] ? `${g.revs[0].main}.${g.revs[0].sub}` : i} className="generation">
          <span className="gen-label">{t('keyspace.generation', { n: i + 1 })}</span>
          {g.revs.map((r, j) => {
            const tomb = g.tombstone && j === g.revs.length - 1;
            return (
              <span
                key={`${r.main}.${r.sub}`}
                className={tomb ? 'rev tomb' : 'rev'}
                title={tomb ? t('keyspace.tombstone') : 'put'}
              >
                {r.main}
                {r.sub ? `.${r.sub}` : ''}
                {tomb ? ' ✕' : ''}
              </span>
            );
          })}
        </div>
      ))}
      <p className="explain">
        {k.deleted
          ? t('keyspace.explainDeleted', { rev: ks.revision, key: k.key, at: k.modRevision })
          : t('keyspace.explain', {
              rev: ks.revision,
              key: k.key,
              create: k.createRevision,
              mod: k.modRevision,
              version: k.version,
            })}
      </p>
    </section>
  );
}
