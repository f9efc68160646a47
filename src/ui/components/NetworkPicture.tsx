// The members on a ring, the links between them (cut ones dashed red), and every Raft message
// in flight as a dot moving from sender to receiver, colored by type. Slow time down to watch.
import { useRef } from 'react';
import type { UiKey } from '../../i18n/ui.ts';
import type { ClusterView, MessageView } from '../../worker/protocol.ts';
import { useStore } from '../store.ts';
import { useT } from '../useT.ts';
import { ROLE_COLOR } from './colors.ts';

export const MESSAGE_COLOR: Record<string, string> = {
  MsgApp: '#3fb950',
  MsgAppResp: '#2ea043',
  MsgHeartbeat: '#8b949e',
  MsgHeartbeatResp: '#6e7681',
  MsgVote: '#f0883e',
  MsgVoteResp: '#d29922',
  MsgPreVote: '#db61a2',
  MsgPreVoteResp: '#bf4b8a',
  MsgSnap: '#a371f7',
  MsgReadIndex: '#58a6ff',
  MsgReadIndexResp: '#388bfd',
  MsgTimeoutNow: '#f85149',
};

const LEGEND: [UiKey, string][] = [
  ['network.append', 'MsgApp'],
  ['network.heartbeat', 'MsgHeartbeat'],
  ['network.vote', 'MsgVote'],
  ['network.preVote', 'MsgPreVote'],
  ['network.snapshot', 'MsgSnap'],
  ['network.readIndex', 'MsgReadIndex'],
];

const SIZE = 220;
const R = 80;

/** A message crossing faster than this (wall time) is drawn over this long, so it can be seen. */
export const MIN_FLIGHT_MS = 300;

type Flight = MessageView & { f: number };

/**
 * Where each message is on its way, as a fraction: by virtual time when paused or when its
 * crossing is slow enough to watch; otherwise stretched to MIN_FLIGHT_MS of wall time from when
 * the page first saw it (at 1× a LAN message takes 0.2 ms, too short for any frame).
 */
function useFlights(view: ClusterView, paused: boolean, speed: number): Flight[] {
  const seen = useRef(new Map<number, { m: MessageView; t0: number }>());
  /** Virtual time of the last picture drawn: messages sent since are new. */
  const last = useRef<number | undefined>(undefined);
  const beat = useRef({ at: 0, seq: -1 });
  const now = performance.now();
  const inFlight = new Map(view.messages.map((m) => [m.seq, m]));
  const since = last.current ?? view.virtualMs - 50;
  last.current = view.virtualMs;
  if (paused) {
    seen.current.clear();
    return view.messages.map((m) => ({ ...m, f: trueFraction(m, view.virtualMs) }));
  }
  for (const m of [...view.sent, ...view.messages])
    if (!seen.current.has(m.seq) && (m.sentAt > since || m.arrivesAt > view.virtualMs))
      seen.current.set(m.seq, { m, t0: now });
  if (view.dozing) beats(view, now, speed, seen.current, beat.current);
  const out: Flight[] = [];
  for (const [seq, { m, t0 }] of seen.current) {
    const wallSpan = (m.arrivesAt - m.sentAt) / speed;
    const f =
      wallSpan >= MIN_FLIGHT_MS && inFlight.has(seq)
        ? trueFraction(m, view.virtualMs)
        : Math.min(1, (now - t0) / MIN_FLIGHT_MS);
    if (f >= 1 && !inFlight.has(seq)) seen.current.delete(seq);
    else if (f >= 0) out.push({ ...m, f });
  }
  return out;
}

/**
 * A dozing cluster (quiet: nothing but heartbeats would flow) does not simulate its heartbeats
 * one by one; the picture draws them as they go: the leader to each follower it can reach, every
 * heartbeat interval, and the answer back.
 */
function beats(
  view: ClusterView,
  now: number,
  speed: number,
  seen: Map<number, { m: MessageView; t0: number }>,
  beat: { at: number; seq: number },
): void {
  if (now - beat.at < view.heartbeatMs / speed) return;
  beat.at = now;
  const leader = view.members.find((m) => m.name === view.leader);
  if (!leader) return;
  const cut = new Set(view.cut);
  for (const f of view.members) {
    if (f === leader || !f.running || cut.has(`${leader.name}->${f.name}`)) continue;
    const base = { term: leader.term, sentAt: view.virtualMs, arrivesAt: view.virtualMs };
    // Negative numbers: never a real message's.
    const out = beat.seq--;
    const back = beat.seq--;
    seen.set(out, { m: { ...base, seq: out, from: leader.name, to: f.name, type: 'MsgHeartbeat' }, t0: now });
    seen.set(back, {
      m: { ...base, seq: back, from: f.name, to: leader.name, type: 'MsgHeartbeatResp' },
      t0: now + MIN_FLIGHT_MS,
    });
  }
}

function trueFraction(m: MessageView, virtualMs: number): number {
  const span = Math.max(1e-6, m.arrivesAt - m.sentAt);
  return Math.min(1, Math.max(0, (virtualMs - m.sentAt) / span));
}

export function NetworkPicture({ view }: { view: ClusterView }) {
  const t = useT();
  const clock = useStore((s) => s.clock);
  const flights = useFlights(view, clock.paused, clock.speed);
  const names = view.members.map((m) => m.name);
  const pos = new Map(
    names.map((n, i) => {
      const a = (i / names.length) * 2 * Math.PI - Math.PI / 2;
      return [n, { x: SIZE / 2 + R * Math.cos(a), y: SIZE / 2 + R * Math.sin(a) }];
    }),
  );
  const cut = new Set(view.cut);
  const links: { a: string; b: string; cut: boolean }[] = [];
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++)
      links.push({
        a: names[i],
        b: names[j],
        cut: cut.has(`${names[i]}->${names[j]}`) || cut.has(`${names[j]}->${names[i]}`),
      });
  return (
    <figure className="network" aria-label="network">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label="members and messages in flight"
      >
        {links.map((l) => {
          const p = pos.get(l.a)!;
          const q = pos.get(l.b)!;
          return (
            <line
              key={`${l.a}-${l.b}`}
              x1={p.x}
              y1={p.y}
              x2={q.x}
              y2={q.y}
              className={l.cut ? 'link cut' : 'link'}
              data-cut={l.cut || undefined}
            />
          );
        })}
        {flights.map((m) => {
          const p = pos.get(m.from);
          const q = pos.get(m.to);
          if (!p || !q) return null;
          return (
            <circle
              key={m.seq}
              cx={p.x + (q.x - p.x) * m.f}
              cy={p.y + (q.y - p.y) * m.f}
              r={3.5}
              fill={MESSAGE_COLOR[m.type] ?? '#c9d1d9'}
            >
              <title>{`${m.type} ${m.from}→${m.to} term ${m.term}`}</title>
            </circle>
          );
        })}
        {view.dropped.map((d, i) => {
          const p = pos.get(d.from);
          const q = pos.get(d.to);
          if (!p || !q) return null;
          const x = p.x + (q.x - p.x) * 0.3;
          const y = p.y + (q.y - p.y) * 0.3;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: drops have no identity
            <text key={`d${i}`} x={x} y={y} className="dropped" textAnchor="middle" dominantBaseline="middle">
              ×
            </text>
          );
        })}
        {view.members.map((m) => {
          const p = pos.get(m.name)!;
          return (
            <g key={m.name}>
              <circle
                cx={p.x}
                cy={p.y}
                r={17}
                fill="var(--panel)"
                stroke={ROLE_COLOR[m.role]}
                strokeWidth={m.role === 'leader' ? 4 : 2}
              />
              <text x={p.x} y={p.y + 4} textAnchor="middle" className="node-label">
                {m.name.replace('infra', '')}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {LEGEND.map(([label, type]) => (
          <span key={type}>
            <i style={{ background: MESSAGE_COLOR[type] }} />
            {t(label)}
          </span>
        ))}
        <span>
          <i className="x">×</i>
          {t('network.dropped')}
        </span>
        {view.dozing && <span className="hint">{t('network.quiet')}</span>}
        {!view.dozing && view.faults.latencyMs < 5 && (
          <span className="hint">{t('network.fast', { ms: view.faults.latencyMs })}</span>
        )}
      </figcaption>
    </figure>
  );
}
