// A picture of the simulated world as plain data, for the UI (one per animation frame) and for
// lessons: members and their Raft state, log tails, the keyspace's revisions, leases, messages
// in flight, partitions, and the recent trace.

import { toUtf8 } from './base/bytes.ts';
import { hexId } from './base/ids.ts';
import type { TraceEvent } from './base/trace.ts';
import { unpackRev } from './mvcc/revision.ts';
import { EntryType, type Message } from './raft/messages.ts';
import { HEARTBEAT_MS, type World } from './sim/world.ts';
import type { V2TreeNode } from './v2store/store.ts';

export interface MemberView {
  name: string;
  id: string;
  running: boolean;
  role: 'leader' | 'follower' | 'candidate' | 'precandidate' | 'learner' | 'stopped' | 'removed';
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
  /** The first leases (by ID), and how many more there are. */
  leases: LeaseView[];
  leasesMore: number;
  /** While links are cut: whether this member's side of the partition holds a quorum. */
  side?: 'quorum' | 'minority';
}

export interface LeaseView {
  id: string;
  ttl: number;
  /** Ms left before it expires (the full TTL on a member that is not the leader). */
  remainingMs: number;
  /** The first keys attached, and how many more. */
  keys: string[];
  keysMore: number;
  keepAlives: number;
}

/** One key as the keyspace picture shows it, with the history that explains its numbers. */
export interface KeyView {
  key: string;
  value: string;
  createRevision: number;
  modRevision: number;
  version: number;
  lease: string;
  /** Deleted: its newest revision is a tombstone (modRevision), kept until compaction removes it. */
  deleted?: boolean;
  /** Generations, oldest first: each a list of revisions; a finished one ends with its tombstone. */
  generations: { revs: { main: number; sub: number }[]; tombstone: boolean }[];
}

export interface KeyspaceView {
  /** Whose store this is (the leader's, unless asked for another member's). */
  member: string;
  revision: number;
  compactRevision: number;
  keys: KeyView[];
  /** Live keys left out (the picture shows the first `keyLimit`). */
  more: number;
}

export interface WatchView {
  id: number;
  terminal: string;
  key: string;
  rangeEnd: string;
  prefix: boolean;
  startRevision: number;
  state: 'active' | 'cancelled' | 'compacted';
  compactRevision: number;
  eventCount: number;
  recent: { type: 'PUT' | 'DELETE'; key: string; modRevision: number }[];
}

/** A member `member add` announced that has not started yet. */
export interface PendingMemberView {
  id: string;
  name: string | undefined;
  peerURLs: string[];
}

export interface MessageView {
  /** The delivery event's sequence number: the same message has the same one in every picture. */
  seq: number;
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
  trace: TraceEvent[];
  keyspace: KeyspaceView | undefined;
  /** The v2 store of the same member (the keys API's tree): a store apart from the v3 keyspace. */
  v2: { index: number; nodes: V2TreeNode[]; more: number } | undefined;
  watches: WatchView[];
  pending: PendingMemberView[];
  /** Messages sent after `sentSince` (when the world records sends), oldest first. */
  sent: MessageView[];
  /** Messages the network dropped in the last virtual second. */
  dropped: { t: number; from: string; to: string; type: string }[];
  /**
   * The cluster is quiet and dozing: only heartbeats would flow, so they are not simulated (the
   * picture draws them) until the next input wakes it.
   */
  dozing: boolean;
  /** How often a leader sends heartbeats, in virtual ms (what the picture draws while dozing). */
  heartbeatMs: number;
}

export interface ViewOptions {
  logTail?: number;
  traceTail?: number;
  /** Whose keyspace to draw (default: the leader, else the first running member). */
  keyspaceOf?: string;
  keyLimit?: number;
  /** Report the messages sent at or after this virtual time (default: the last virtual second). */
  sentSince?: number;
}

/** Leases per member in a picture, and keys per lease: the rest are counted ("N more"). */
const LEASE_LIMIT = 50;
const LEASE_KEY_LIMIT = 20;

function* take<T>(items: Iterable<T>, n: number): Iterable<T> {
  if (n <= 0) return;
  for (const x of items) {
    yield x;
    if (--n <= 0) return;
  }
}

/** At most this many sent messages per picture (the newest). */
const SENT_LIMIT = 200;

function sentView(world: World, names: Map<bigint, string>, since: number): MessageView[] {
  const out: MessageView[] = [];
  const s = world.recentSends;
  for (let i = s.length - 1; i >= 0 && out.length < SENT_LIMIT && s[i].sentAt >= since; i--) {
    const m = s[i];
    out.push({
      seq: m.seq,
      from: names.get(m.from) ?? hexId(m.from),
      to: names.get(m.to) ?? hexId(m.to),
      type: m.type,
      term: m.term,
      sentAt: m.sentAt,
      arrivesAt: m.arrivesAt,
    });
  }
  return out.reverse();
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

/** Whose stores the picture shows: the one asked for, else the leader, else the first running member. */
function viewedMember(world: World, opts: ViewOptions) {
  return (
    (opts.keyspaceOf ? world.member(opts.keyspaceOf) : undefined) ??
    world.leader() ??
    world.members.find((x) => x.running) ??
    world.members[0]
  );
}

function keyspaceView(world: World, opts: ViewOptions): KeyspaceView | undefined {
  const m = viewedMember(world, opts);
  if (!m) return undefined;
  const limit = opts.keyLimit ?? 100;
  // The first keys only and the kept count: a picture costs what it shows, not the keyspace's size.
  const first = m.kv.firstKeys(limit);
  const count = m.kv.liveKeys;
  const keys = first.map(({ kv, ki }): KeyView => {
    const gens = ki.generations;
    const deleted = !ki.alive;
    return {
      key: toUtf8(ki.key),
      value: deleted ? '' : toUtf8(kv.value),
      createRevision: deleted ? 0 : kv.createRevision,
      modRevision: deleted ? ki.latestMain : kv.modRevision,
      version: deleted ? 0 : kv.version,
      lease: !deleted && kv.lease ? kv.lease.toString(16) : '',
      ...(deleted ? { deleted: true } : {}),
      generations: gens
        .filter((g) => g.revs.length)
        .map((g, i, all) => ({ revs: g.revs.map(unpackRev), tombstone: i < all.length - 1 || deleted })),
    };
  });
  return {
    member: m.name,
    revision: m.kv.currentRev,
    compactRevision: m.kv.compactMainRev,
    keys,
    more: Math.max(0, count - keys.filter((k) => !k.deleted).length),
  };
}

function v2View(world: World, opts: ViewOptions): ClusterView['v2'] {
  const m = viewedMember(world, opts);
  if (!m) return undefined;
  return { index: m.v2.index, ...m.v2.tree('/1', opts.keyLimit ?? 100, world.scheduler.unixMs()) };
}

export function clusterView(world: World, opts: ViewOptions = {}): ClusterView {
  const now = world.scheduler.now();
  const side = new Map<string, 'quorum' | 'minority'>();
  if (world.network.cut.size)
    for (const g of world.sides()) for (const n of g.members) side.set(n, g.quorum ? 'quorum' : 'minority');
  const names = new Map(world.members.map((m) => [m.id, m.name]));
  const members: MemberView[] = world.members.map((m) => {
    const r = m.node?.raft;
    const learner = m.membership.members.get(m.id)?.isLearner ?? false;
    const role: MemberView['role'] = !r
      ? world.removed(m)
        ? 'removed'
        : 'stopped'
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
      keys: m.kv.liveKeys,
      leasesMore: Math.max(0, m.lessor.count() - LEASE_LIMIT),
      leases: m.lessor.first(LEASE_LIMIT).map((l) => ({
        id: l.id.toString(16).padStart(16, '0'),
        ttl: l.ttl,
        remainingMs: m.lessor.remainingMs(l),
        keys: [...take(l.keys, LEASE_KEY_LIMIT)].map(toUtf8),
        keysMore: Math.max(0, l.keys.size - LEASE_KEY_LIMIT),
        keepAlives: l.keepAlives ?? 0,
      })),
      ...(side.has(m.name) ? { side: side.get(m.name) } : {}),
    };
  });
  const messages: MessageView[] = [];
  for (const ev of world.scheduler.events()) {
    const m = ev.data as Message | undefined;
    if (!m?.type) continue;
    messages.push({
      seq: ev.seq,
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
    keyspace: keyspaceView(world, opts),
    v2: v2View(world, opts),
    watches: world.watches.records.map((w) => ({
      id: w.id,
      terminal: w.owner,
      key: w.key,
      rangeEnd: w.rangeEnd,
      prefix: w.prefix,
      startRevision: w.startRevision,
      state: w.state,
      compactRevision: w.compactRevision,
      eventCount: w.eventCount,
      recent: [...w.recent],
    })),
    sent: sentView(world, names, opts.sentSince ?? now - 1000),
    dropped: world.recentDrops
      .filter((d) => d.t > now - 1000)
      .map((d) => ({
        t: d.t,
        type: d.type,
        from: names.get(d.from) ?? hexId(d.from),
        to: names.get(d.to) ?? hexId(d.to),
      })),
    pending: world.pendingJoiners().map((p) => ({ id: hexId(p.id), name: p.name, peerURLs: p.peerURLs })),
    dozing: world.scheduler.dozing,
    heartbeatMs: HEARTBEAT_MS,
  };
}
