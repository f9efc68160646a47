// A picture of the simulated world as plain data, for the UI (one per animation frame) and for
// lessons: members and their Raft state, log tails, the keyspace's revisions, leases, messages
// in flight, partitions, and the recent trace.

import { toUtf8 } from './base/bytes.ts';
import { hexId } from './base/ids.ts';
import { EntryType, type Message } from './raft/messages.ts';
import type { World } from './sim/world.ts';

export interface MemberView {
  name: string;
  id: string;
  running: boolean;
  role: 'leader' | 'follower' | 'candidate' | 'precandidate' | 'learner' | 'stopped';
  /** The Raft node's current term, and the term of its last applied entry (what etcd reports). */
  term: number;
  appliedTerm: number;
  vote: string;
  leader: string;
  commit: number;
  applied: number;
  lastIndex: number;
  /** Ticks left before this member would start an election (followers and candidates). */
  electionIn: number;
  log: { index: number; term: number; kind: string; committed: boolean }[];
  revision: number;
  compactRevision: number;
  keys: number;
  leases: { id: string; ttl: number; remainingMs: number; keys: string[] }[];
}

export interface MessageView {
  from: string;
  to: string;
  type: string;
  term: number;
  sentAt: number;
  arrivesAt: number;
}

export interface ClusterView {
  virtualMs: number;
  members: MemberView[];
  leader: string | undefined;
  messages: MessageView[];
  /** Network links that are cut, as "from->to" member names. */
  cut: string[];
  faults: { latencyMs: number; loss: number; duplicate: number; jitterMs: number };
  trace: { t: number; event: string }[];
}

function kindOf(data: unknown, type: EntryType): string {
  if (type === EntryType.ConfChange) return 'conf change';
  if (data === undefined) return 'empty';
  const d = data as Record<string, unknown>;
  for (const k of [
    'put',
    'deleteRange',
    'txn',
    'compaction',
    'leaseGrant',
    'leaseRevoke',
    'memberAttr',
    'clusterVersion',
  ])
    if (k in d) return k;
  return 'request';
}

export function clusterView(world: World, opts: { logTail?: number; traceTail?: number } = {}): ClusterView {
  const now = world.scheduler.now();
  const names = new Map(world.members.map((m) => [m.id, m.name]));
  const members: MemberView[] = world.members.map((m) => {
    const r = m.node?.raft;
    const learner = m.membership.members.get(m.id)?.isLearner ?? false;
    const role: MemberView['role'] = !r
      ? 'stopped'
      : learner
        ? 'learner'
        : (r.state.toLowerCase() as MemberView['role']);
    const storage = m.raftStorage;
    const last = r ? r.log.lastIndex() : storage.lastIndex();
    const first = Math.max(r ? r.log.firstIndex() : storage.firstIndex(), last - (opts.logTail ?? 20) + 1);
    const commit = r ? r.log.committed : storage.hardState.commit;
    const ents = r ? r.log.entries(first) : storage.entries(first, last + 1);
    return {
      name: m.name,
      id: hexId(m.id),
      running: m.running,
      role,
      term: m.raftTerm(),
      appliedTerm: m.term(),
      vote: r?.vote ? (names.get(r.vote) ?? hexId(r.vote)) : '',
      leader: m.leader ? (names.get(m.leader) ?? hexId(m.leader)) : '',
      commit,
      applied: m.appliedIndex,
      lastIndex: last,
      electionIn: r && r.state !== 'Leader' ? Math.max(0, r.randomizedElectionTimeout - r.electionElapsed) : 0,
      log: ents.map((e) => ({
        index: e.index,
        term: e.term,
        kind: kindOf(e.data, e.type),
        committed: e.index <= commit,
      })),
      revision: m.kv.currentRev,
      compactRevision: m.kv.compactMainRev,
      keys: m.kv.read().range('\x00', '\x00', { count: true }).count,
      leases: m.lessor.all().map((l) => ({
        id: l.id.toString(16).padStart(16, '0'),
        ttl: l.ttl,
        remainingMs: m.lessor.remainingMs(l),
        keys: [...l.keys].map(toUtf8),
      })),
    };
  });
  const messages: MessageView[] = [];
  for (const ev of world.scheduler.events()) {
    const m = ev.data as Message | undefined;
    if (!m?.type) continue;
    messages.push({
      from: names.get(m.from) ?? hexId(m.from),
      to: names.get(m.to) ?? hexId(m.to),
      type: m.type,
      term: m.term,
      sentAt: ev.time - world.network.faults.latencyMs,
      arrivesAt: ev.time,
    });
  }
  messages.sort((a, b) => a.arrivesAt - b.arrivesAt);
  return {
    virtualMs: now,
    members,
    leader: world.leader()?.name,
    messages,
    cut: [...world.network.cut].sort(),
    faults: { ...world.network.faults },
    trace: opts.traceTail === 0 ? [] : world.traceLog.slice(-(opts.traceTail ?? 100)),
  };
}
