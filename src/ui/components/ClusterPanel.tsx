// The cluster: the network picture, one card per member (role, term, vote, commit / applied,
// election timer, log colored by term) with its failure controls, members announced by
// `member add` waiting to start, and the network controls (partition by groups, heal, latency,
// loss).
import { memo, useState } from 'react';
import type { ClusterView, MemberView } from '../../worker/protocol.ts';
import type { EngineClient } from '../engineClient.ts';
import { useStore } from '../store.ts';
import { useT } from '../useT.ts';
import { ROLE_COLOR, termColor } from './colors.ts';
import { NetworkPicture } from './NetworkPicture.tsx';

export function ClusterPanel({ engine }: { engine: EngineClient }) {
  const view = useStore((s) => s.view);
  const t = useT();
  const leader = view?.members.find((m) => m.role === 'leader');
  const cutOff = new Set(view?.cut.flatMap((link) => link.split('->')));
  return (
    <section className="cluster" aria-label="cluster">
      <div className="cluster-head">
        <h2>{t('cluster.title')}</h2>
        <span className="cluster-status" role="status">
          {leader ? t('cluster.leader', { name: leader.name, term: leader.term }) : t('cluster.noLeader')}
        </span>
        {view && <NetworkControls engine={engine} view={view} />}
      </div>
      {view && (
        <div className="cluster-body">
          <NetworkPicture view={view} />
          <div className="members">
            {view.members.map((m) => (
              <MemberCard key={m.name} m={m} cutOff={cutOff.has(m.name)} engine={engine} />
            ))}
            {view.pending.map((p) => (
              <article key={p.id} className="member" aria-label={p.name ?? p.id} data-role="unstarted">
                <header>
                  <strong>{p.name ?? p.id}</strong> <span className="role">{t('cluster.addedNotStarted')}</span>
                </header>
                <div className="facts">
                  id {p.id} · {p.peerURLs.join(', ')}
                </div>
                <div className="controls">
                  {p.name && (
                    <button
                      type="button"
                      aria-label={`start ${p.name}`}
                      onClick={() => engine.control('start', { member: p.name })}
                    >
                      {t('cluster.start')} {p.name}
                    </button>
                  )}
                </div>
              </article>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

const MemberCard = memo(function MemberCard({
  m,
  cutOff,
  engine,
}: {
  m: MemberView;
  cutOff: boolean;
  engine: EngineClient;
}) {
  const t = useT();
  const act = (action: 'stop' | 'kill' | 'start' | 'isolate' | 'transfer') =>
    engine.control(action, { member: m.name });
  // The accessible name stays English (what tests and scripts find); the text is the learner's language.
  const button = (action: 'stop' | 'kill' | 'start' | 'isolate' | 'transfer', label: string, disabled: boolean) => (
    <button type="button" aria-label={`${label} ${m.name}`} disabled={disabled} onClick={() => act(action)}>
      {t(`cluster.${action}`)}
    </button>
  );
  return (
    <article className="member" aria-label={m.name} data-role={m.role}>
      <header>
        <strong>{m.name}</strong>{' '}
        <span className="role" style={{ color: ROLE_COLOR[m.role] }}>
          {m.role === 'removed' ? t('cluster.removed') : m.role}
          {m.side === 'minority' && t('cluster.minority')}
          {m.side === 'quorum' && t('cluster.quorumSide')}
        </span>
      </header>
      <div className="facts">
        {m.running
          ? t('cluster.facts', {
              term: m.term,
              vote: m.vote || '–',
              commit: m.commit,
              applied: m.applied,
              rev: m.revision,
            })
          : m.role === 'removed'
            ? t('cluster.removedWhy')
            : t('cluster.stopped')}
      </div>
      {m.running && m.role !== 'leader' && (
        <div className="timer" title={t('cluster.timerTitle')}>
          {t('cluster.electionIn', { n: m.electionIn })}
          <meter min={0} max={20} value={m.electionIn} aria-label={`${m.name} election timer`} />
        </div>
      )}
      <div className="log" aria-hidden="true">
        {m.log.map((e) => (
          <span
            key={e.index}
            title={`index ${e.index}, term ${e.term}, ${e.kind}${e.committed ? '' : ' (not committed)'}`}
            style={{ background: termColor(e.term), opacity: e.committed ? 1 : 0.4 }}
          />
        ))}
      </div>
      <div className="controls">
        {button('stop', 'stop', !m.running)}
        {button('kill', 'kill', !m.running)}
        {button('start', 'start', m.running || m.role === 'removed')}
        {button('isolate', 'isolate', !m.running || cutOff)}
        {button('transfer', 'make leader', !m.running || m.role === 'leader')}
      </div>
    </article>
  );
});

function NetworkControls({ engine, view }: { engine: EngineClient; view: ClusterView }) {
  const t = useT();
  const [groups, setGroups] = useState<Record<string, string>>({});
  const [latency, setLatency] = useState('');
  const [loss, setLoss] = useState('');
  const names = view.members.map((m) => m.name);
  const partition = () => {
    const by = new Map<string, string[]>();
    for (const n of names) {
      const g = groups[n] ?? 'A';
      by.set(g, [...(by.get(g) ?? []), n]);
    }
    if (by.size > 1) engine.control('partition', { groups: [...by.values()] });
  };
  return (
    <fieldset className="net-controls" aria-label="network">
      <fieldset className="partition" aria-label="partition groups">
        {names.map((n) => (
          <label key={n}>
            {n.replace('infra', '')}
            <select
              aria-label={`group of ${n}`}
              value={groups[n] ?? 'A'}
              onChange={(e) => setGroups({ ...groups, [n]: e.target.value })}
            >
              <option>A</option>
              <option>B</option>
              <option>C</option>
            </select>
          </label>
        ))}
        <button type="button" onClick={partition}>
          {t('cluster.partition')}
        </button>
      </fieldset>
      <button type="button" className="heal" onClick={() => engine.control('heal')}>
        {t('cluster.heal')}
      </button>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (latency !== '') engine.control('latency', { value: Number(latency) });
          if (loss !== '') engine.control('loss', { value: Number(loss) / 100 });
        }}
      >
        <label>
          {t('cluster.latency')}{' '}
          <input
            type="number"
            min={0}
            max={5000}
            placeholder={String(view.faults.latencyMs)}
            aria-label="latency (ms)"
            value={latency}
            onChange={(e) => setLatency(e.target.value)}
          />
          ms
        </label>
        <label>
          {t('cluster.loss')}{' '}
          <input
            type="number"
            min={0}
            max={100}
            placeholder={String(Math.round(view.faults.loss * 100))}
            aria-label="loss (%)"
            value={loss}
            onChange={(e) => setLoss(e.target.value)}
          />
          %
        </label>
        <button type="submit">{t('cluster.apply')}</button>
      </form>
    </fieldset>
  );
}
