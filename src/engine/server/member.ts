// One etcd member: a Raft node with its durable storage, the state machines behind the applier
// (MVCC store with watches, lessor, membership), and the client requests waiting on the log.
// Writes are proposed and answered once applied here; linearizable reads wait for a ReadIndex
// round; leases expire only on the leader, which revokes them through the log.

import { AuthErrors, AuthStore, type Permission } from '../auth/authStore.ts';
import { toUtf8 } from '../base/bytes.ts';
import { Errors, GrpcCode, GrpcStatusError } from '../base/errors.ts';
import { memberId as deriveMemberId } from '../base/ids.ts';
import type { Prng } from '../base/prng.ts';
import type { ScheduledEvent, Scheduler } from '../base/scheduler.ts';
import type { Outcome } from '../base/task.ts';
import type { SimEvent } from '../base/trace.ts';
import type {
  CompactionRequest,
  DeleteRangeRequest,
  DeleteRangeResponse,
  HashKVResponse,
  InternalRaftRequest,
  LeaseGrantRequest,
  LeaseGrantResponse,
  LeaseKeepAliveResponse,
  LeaseLeasesResponse,
  LeaseRevokeRequest,
  LeaseTimeToLiveRequest,
  LeaseTimeToLiveResponse,
  PutRequest,
  PutResponse,
  RangeRequest,
  RangeResponse,
  RequestOp,
  ResponseHeader,
  StatusResponse,
  TxnRequest,
  TxnResponse,
  V2Request,
  WatchCreateRequest,
  WatchResponse,
} from '../etcdserverpb.ts';
import { Lessor } from '../lease/lessor.ts';
import { KVStore } from '../mvcc/kvStore.ts';
import { WatchableStore, type Watcher } from '../mvcc/watchableStore.ts';
import { type ConfChange, ConfChangeType, type Entry, EntryType, type Message, NONE } from '../raft/messages.ts';
import { type RaftBugs, type RaftEvent, StateType } from '../raft/raft.ts';
import { RawNode } from '../raft/rawNode.ts';
import { MemoryStorage } from '../raft/storage.ts';
import { applyV2 } from '../v2store/apply.ts';
import { type V2Event, V2Store } from '../v2store/store.ts';
import { Applier } from './applier.ts';
import { IdGenerator } from './idGenerator.ts';
import { type MemberInfo, Membership } from './membership.ts';

const CONF_CHANGE = {
  [ConfChangeType.AddNode]: 'add',
  [ConfChangeType.AddLearnerNode]: 'add-learner',
  [ConfChangeType.RemoveNode]: 'remove',
  [ConfChangeType.UpdateNode]: 'update',
} as const;

export type Reply<T> = (o: Outcome<T>) => void;

/** A member's state machines at one applied index: what a Raft snapshot carries. */
export interface MemberState {
  kv: {
    records: [number, number, import('../etcdserverpb.ts').KeyValue][];
    currentRev: number;
    compactMainRev: number;
  };
  leases: { id: bigint; ttl: number; keys: string[] }[];
  membership: Membership;
  /** The request IDs applied lately, oldest first (a duplicate in the log is applied once). */
  recentIds?: bigint[];
}

/** How many applied request IDs a member remembers to recognise a duplicated proposal. */
const RECENT_IDS = 4096;

export interface MemberConfig {
  name: string;
  peerUrls: string[];
  clientUrls: string[];
  clusterToken: string;
  /** A member added at run time joins with the ID `member add` gave it. */
  id?: bigint;
}

/** etcd's defaults: 100 ms heartbeat, 1000 ms election timeout. */
export const HEARTBEAT_MS = 100;
export const ELECTION_MS = 1000;
export const ELECTION_TICKS = ELECTION_MS / HEARTBEAT_MS;
/** The lessor checks for expired leases every 500 ms. */
export const LEASE_CHECK_MS = 500;
/** etcd's --max-txn-ops default. */
export const MAX_TXN_OPS = 128;
/** 1.5 × the election timeout, rounded up to whole seconds: 2 s. */
export const MIN_LEASE_TTL = Math.ceil((3 * ELECTION_MS) / 2 / 1000);
/** The server's own deadline for a request: 5 s + 2 × the election timeout. */
export const REQUEST_TIMEOUT_MS = 5000 + 2 * ELECTION_MS;
/** How often the leader sweeps expired v2 keys. */
export const V2_SYNC_MS = 500;
/** The version this simulated etcd reports. */
export const SERVER_VERSION = '3.4.23';
export const CLUSTER_VERSION = '3.4.0';
/** etcd refuses to add a voting member unless every voter has been connected this long. */
export const HEALTH_INTERVAL_MS = 5000;

/** What the member needs from the world around it. */
export interface MemberHost {
  readonly scheduler: Scheduler;
  /** Send a Raft message to a peer over the simulated network. */
  sendRaft(m: Message): void;
  /** Run `f` at another member, over the network, if it is reachable (leader forwarding). */
  forward(from: Member, to: bigint, f: (m: Member) => void): boolean;
  /** Something happened worth a line in the event log (and a fact for lessons' goals). */
  emit(e: SimEvent): void;
  /** A peer's name by ID, for the event log (the members' own names are only published later). */
  nameOf?(id: bigint): string | undefined;
  /** Whether the leader also traces each entry it applies (the UI's event log; off for speed otherwise). */
  readonly traceCommits?: boolean;
  /** Since when this member's stream to a peer has been up, if it is (etcd's transport ActiveSince). */
  connectedSince(self: Member, peer: bigint): number | undefined;
  /** Checkers watch what every member applies and persists (tests, the fuzzer). */
  observer?: MemberObserver;
}

export interface MemberObserver {
  applied(m: Member, e: Entry): void;
  becameLeader(m: Member, term: number): void;
}

/** Deliberate, test-only faults of a member (besides the Raft core's): the fuzzer must catch each. */
export interface MemberBugs {
  /** Persist the hard state without the vote: after a crash the member may vote twice in one term. */
  forgetVote?: boolean;
  /** Serve linearizable reads from local state without a ReadIndex round: a deposed leader reads stale data. */
  staleReads?: boolean;
}

export interface WatchHandle {
  readonly watchId: number;
  cancel(): void;
  requestProgress(): void;
}

interface Pending {
  reply: Reply<unknown>;
  timer: ScheduledEvent;
}

export class Member {
  readonly id: bigint;
  clusterId = 0n;
  // --- durable: survives a crash (etcd's WAL, snapshot and bbolt backend) ---
  readonly raftStorage = new MemoryStorage();
  readonly kv = new KVStore();
  readonly lessor: Lessor;
  readonly watchable: WatchableStore;
  readonly applier: Applier;
  readonly membership = new Membership();
  /** Users, roles and permissions. */
  readonly auth = new AuthStore();
  /** The v2 store: the keys of the v2 API under /1, and etcd's own member records under /0. */
  readonly v2 = new V2Store();
  appliedIndex = 0;
  /** Index of the last entry that changed the MVCC store (etcd saves it as consistent_index). */
  consistentIndex = 0;
  /** Term of the last applied entry: what etcd reports as the raft term (its s.Term()). */
  appliedTerm = 0;
  // --- volatile: gone when the process stops ---
  node: RawNode | undefined;
  reqIds: IdGenerator;
  /** Request IDs applied lately: part of the applied state (snapshots carry it). */
  private readonly recentIds = new RecentIds(RECENT_IDS);
  private pending = new Map<bigint, Pending>();
  private blocked: { req: InternalRaftRequest; at: number }[] = [];
  private readWaiters = new Map<string, () => void>();
  private appliedWaiters: { index: number; f: () => void }[] = [];
  private timers: ScheduledEvent[] = [];
  private revoking = new Set<bigint>();
  private nextRead = 1;
  private published = false;
  private watchers = new Map<Watcher, (() => void) | undefined>();
  /** Virtual time the member's process started (its uptime, lease IDs). */
  startedAt = 0;
  /** Which member this one believes leads, and since when. */
  leader: bigint = NONE;
  bugs: RaftBugs = {};
  /** etcd 3.4 runs without pre-vote unless --pre-vote is given. */
  preVote = false;
  /** Entries per append message (etcd sends up to 1 MB: many). */
  maxEntriesPerMsg = 64;
  /** Entries applied between two snapshots of the state (etcd's --snapshot-count). */
  snapshotCount = 100_000;
  /** Entries kept in the log behind a snapshot, for followers a little behind (etcd: 5000). */
  catchUpEntries = 5_000;
  memberBugs: MemberBugs = {};

  constructor(
    readonly config: MemberConfig,
    private readonly host: MemberHost,
    private readonly rng: Prng,
  ) {
    this.id = config.id ?? deriveMemberId(config.peerUrls, config.clusterToken);
    this.lessor = new Lessor(MIN_LEASE_TTL, () => host.scheduler.now());
    this.kv.leases = this.lessor;
    this.watchable = new WatchableStore(this.kv, host.scheduler);
    this.applier = new Applier(this.kv, this.lessor);
    this.reqIds = new IdGenerator(this.id, host.scheduler.unixMs());
  }

  get name(): string {
    return this.config.name;
  }

  get running(): boolean {
    return this.node !== undefined;
  }

  get scheduler(): Scheduler {
    return this.host.scheduler;
  }

  // ---- life cycle ----

  /**
   * A member of a new cluster: its log starts with one ConfChange per initial member, at term 1,
   * already committed (as etcd-io/raft's Bootstrap does).
   */
  bootstrap(initial: MemberInfo[]): void {
    const ents: Entry[] = initial.map((m, i) => ({
      term: 1,
      index: i + 1,
      type: EntryType.ConfChange,
      data: { type: ConfChangeType.AddNode, nodeId: m.id, context: { ...m, name: '' } } satisfies ConfChange,
    }));
    this.raftStorage.append(ents);
    this.raftStorage.setHardState({ term: 1, vote: NONE, commit: ents.length });
  }

  /** Start the process: a Raft node from what is on disk, the tick and lease loops, and publishing its attributes. */
  start(): void {
    if (this.node) return;
    this.startedAt = this.scheduler.now();
    this.reqIds = new IdGenerator(this.id, this.scheduler.unixMs());
    this.node = new RawNode({
      id: this.id,
      electionTick: ELECTION_TICKS,
      heartbeatTick: 1,
      storage: this.raftStorage,
      applied: this.appliedIndex,
      // etcd 3.4's defaults: --pre-vote=false, and check-quorum always on.
      preVote: this.preVote,
      checkQuorum: true,
      maxEntriesPerMsg: this.maxEntriesPerMsg,
      rand: (n) => this.rng.int(0, n - 1),
      bugs: this.bugs,
    });
    // Raft's configuration comes from the snapshot; the conf changes this member applied after
    // it (and, when bootstrapping, the committed initial ones) are applied to it again here.
    const r = this.node.raft;
    const upto = Math.max(this.appliedIndex, r.prs.size === 0 ? this.raftStorage.hardState.commit : 0);
    const from = this.raftStorage.firstIndex();
    if (upto >= from) {
      for (const e of this.raftStorage.entries(from, upto + 1)) {
        if (e.type === EntryType.ConfChange) r.applyConfChange(e.data as ConfChange);
      }
    }
    this.published = false;
    this.leader = NONE;
    this.lessor.demote();
    this.timers.push(this.scheduler.after(HEARTBEAT_MS, `raft: tick ${this.name}`, () => this.tickLoop()));
    this.timers.push(this.scheduler.after(LEASE_CHECK_MS, `lease: check ${this.name}`, () => this.leaseLoop()));
    this.timers.push(this.scheduler.after(V2_SYNC_MS, `v2: sync ${this.name}`, () => this.v2SyncLoop()));
    this.host.emit({ type: 'started', member: this.name });
    this.processReady();
    this.publish();
  }

  /** The process ends: everything volatile is lost, the disk stays. */
  stop(): void {
    if (!this.node) return;
    this.node = undefined;
    for (const t of this.timers) this.scheduler.cancel(t);
    this.timers = [];
    for (const p of this.pending.values()) this.scheduler.cancel(p.timer);
    this.pending.clear();
    this.blocked = [];
    this.readWaiters.clear();
    this.appliedWaiters = [];
    const closed = [...this.watchers];
    this.watchers.clear();
    for (const [w, onClose] of closed) {
      this.watchable.cancel(w);
      // The client sees its stream break.
      if (onClose) this.scheduler.after(0, 'watch: stream closed', onClose);
    }
    this.lessor.demote();
    this.leader = NONE;
    this.host.emit({ type: 'stopped', member: this.name });
  }

  private tickLoop(): void {
    if (!this.node) return;
    this.node.tick();
    this.processReady();
    this.timers = this.timers.filter((t) => !t.cancelled && t.time > this.scheduler.now());
    this.timers.push(this.scheduler.after(HEARTBEAT_MS, `raft: tick ${this.name}`, () => this.tickLoop()));
  }

  private leaseLoop(): void {
    if (!this.node) return;
    if (this.isLeader() && this.lessor.isPrimary()) {
      for (const l of this.lessor.expired()) {
        if (this.revoking.has(l.id)) continue;
        this.revoking.add(l.id);
        this.host.emit({
          type: 'lease-expired',
          member: this.name,
          id: l.id.toString(16),
          keys: [...l.keys].sort().map(toUtf8),
        });
        this.propose({ leaseRevoke: { ID: l.id } }, () => this.revoking.delete(l.id));
      }
    }
    this.timers.push(this.scheduler.after(LEASE_CHECK_MS, `lease: check ${this.name}`, () => this.leaseLoop()));
  }

  /** Publish this member's name and client URLs through the log, retrying until it is applied. */
  private publish(): void {
    if (!this.node || this.published) return;
    this.propose({ memberAttr: { memberId: this.id, name: this.name, clientURLs: this.config.clientUrls } }, (o) => {
      if (o.ok) this.published = true;
      else this.timers.push(this.scheduler.after(500, `publish retry ${this.name}`, () => this.publish()));
    });
  }

  // ---- Raft plumbing ----

  isLeader(): boolean {
    return this.node?.raft.state === StateType.Leader;
  }

  /**
   * The raft term etcd reports in headers and endpoint status: the term of the last entry it
   * applied (etcd's s.Term()), which stays put while a member without quorum campaigns.
   */
  term(): number {
    return this.appliedTerm;
  }

  /** The Raft node's own current term. */
  raftTerm(): number {
    return this.node?.raft.term ?? this.raftStorage.hardState.term;
  }

  /** A message from a peer. */
  receive(m: Message): void {
    if (!this.node) return;
    this.node.step(m);
    this.processReady();
  }

  /** Persist, send, apply: one round of the Ready loop (etcd's raftNode.start). */
  processReady(): void {
    const node = this.node;
    // Applying an entry can propose (a single member commits at once) and so ask for another
    // round: the loop already running takes it, after it has advanced past this one.
    if (!node || this.inReady) return;
    this.inReady = true;
    try {
      this.readyLoop(node);
    } finally {
      this.inReady = false;
    }
    this.flushAppliedWaiters();
  }

  private inReady = false;
  /** The conf change being applied promotes a learner. */
  private promoting = false;
  /** The Ready being handled lets the leader go on purpose (a transfer, or a campaign of its own). */
  private handingOver = false;

  private readyLoop(node: RawNode): void {
    while (node.hasReady()) {
      const rd = node.ready();
      // Letting the leader go for a transfer, or to campaign, is not losing it: the log says which.
      this.handingOver = rd.events.some((e) => e.type === 'handover' || e.type === 'campaign');
      if (rd.softState) this.onSoftState(rd.softState.lead, rd.softState.state);
      if (rd.snapshot) {
        this.raftStorage.applySnapshot(rd.snapshot);
        this.restoreState(rd.snapshot.data as MemberState, rd.snapshot.metadata.index, rd.snapshot.metadata.term);
      }
      if (rd.entries.length) this.raftStorage.append(rd.entries);
      if (rd.hardState) {
        this.raftStorage.setHardState(this.memberBugs.forgetVote ? { ...rd.hardState, vote: NONE } : rd.hardState);
      }
      for (const e of rd.events) if (e.type !== 'handover') this.host.emit(this.described(e));
      for (const m of rd.messages) this.host.sendRaft(m);
      for (const e of rd.committedEntries) this.applyEntry(e);
      for (const rs of rd.readStates) this.onReadState(rs.requestCtx, rs.index);
      node.advance(rd);
      if (this.node !== node) return; // removed from the cluster while applying
      this.maybeSnapshot();
    }
  }

  /** Every snapshotCount applied entries, snapshot the state and compact the log behind it. */
  private maybeSnapshot(): void {
    const snapIndex = this.raftStorage.snapshot.metadata.index;
    if (this.appliedIndex - snapIndex < this.snapshotCount || !this.node) return;
    this.raftStorage.createSnapshot(this.appliedIndex, this.node.raft.confState(), this.snapshotState());
    const compactTo = this.appliedIndex - this.catchUpEntries;
    if (compactTo > this.raftStorage.firstIndex()) this.raftStorage.compact(compactTo);
    this.host.emit({
      type: 'snapshot',
      member: this.name,
      index: this.appliedIndex,
      firstIndex: this.raftStorage.firstIndex(),
    });
  }

  /** What a snapshot carries: the applied state of every state machine. */
  snapshotState(): MemberState {
    return {
      kv: { records: this.kv.records(), currentRev: this.kv.currentRev, compactMainRev: this.kv.compactMainRev },
      leases: this.lessor.all().map((l) => ({ id: l.id, ttl: l.ttl, keys: [...l.keys] })),
      membership: this.membership.clone(),
      recentIds: this.recentIds.list(),
    };
  }

  /** Install a snapshot from the leader: the state machines become what it carries. */
  private restoreState(s: MemberState, index: number, term: number): void {
    this.kv.restore(s.kv.records, s.kv.currentRev, s.kv.compactMainRev);
    this.lessor.restore(s.leases);
    this.membership.members.clear();
    for (const m of s.membership.list()) this.membership.add(m);
    for (const id of s.membership.removed) this.membership.removed.add(id);
    this.membership.clusterVersion = s.membership.clusterVersion;
    this.recentIds.restore(s.recentIds ?? []);
    this.appliedIndex = index;
    this.appliedTerm = term;
    this.consistentIndex = index;
    this.watchable.resync();
    this.host.emit({ type: 'snapshot-installed', member: this.name, index });
  }

  /** A member's name for its ID (hex when it has none yet, as etcd prints IDs). */
  private nameOf(id: bigint): string {
    return this.host.nameOf?.(id) ?? id.toString(16);
  }

  /** The state machine's decision as an event of the world, with members named. */
  private described(e: RaftEvent): SimEvent {
    const member = this.name;
    switch (e.type) {
      case 'campaign':
        return { type: 'campaign', member, term: e.term, pre: e.pre, cause: e.cause };
      case 'vote':
        return {
          type: 'vote',
          member,
          candidate: this.nameOf(e.candidate),
          term: e.term,
          pre: e.pre,
          granted: e.granted,
          ...(e.refusal ? { refusal: e.refusal } : {}),
          ...(e.votedFor !== undefined ? { votedFor: this.nameOf(e.votedFor) } : {}),
        };
      case 'vote-ignored':
        return { type: 'vote-ignored', member, candidate: this.nameOf(e.candidate), term: e.term, pre: e.pre };
      case 'campaign-lost':
        return { type: 'campaign-lost', member, term: e.term, pre: e.pre };
      case 'quorum-lost':
        return { type: 'quorum-lost', member, term: e.term };
      case 'transfer':
      case 'handover':
        return { type: 'transfer', member, to: this.nameOf(e.type === 'transfer' ? e.to : e.candidate), term: e.term };
    }
  }

  private onReadState(ctx: string, index: number): void {
    const f = this.readWaiters.get(ctx);
    if (!f) return;
    this.readWaiters.delete(ctx);
    this.waitApplied(index, f);
  }

  private onSoftState(lead: bigint, state: StateType): void {
    const wasLeader = this.lessor.isPrimary();
    if (lead !== this.leader) {
      // A new leader is told by its own event ("became leader"), not as following itself.
      if (lead === NONE) {
        if (!this.handingOver) this.host.emit({ type: 'leader-lost', member: this.name, term: this.raftTerm() });
      } else if (lead !== this.id)
        this.host.emit({ type: 'follows', member: this.name, leader: this.nameOf(lead), term: this.raftTerm() });
      this.leader = lead;
    }
    if (state === StateType.Leader && !wasLeader) {
      // A new leader gives every lease its full TTL again, plus the election timeout (etcd's Promote).
      this.lessor.promote(ELECTION_MS);
      this.host.emit({ type: 'leader', member: this.name, term: this.raftTerm() });
      this.host.observer?.becameLeader(this, this.raftTerm());
    } else if (state !== StateType.Leader && wasLeader) this.lessor.demote();
    if (lead !== NONE && this.blocked.length) {
      const blocked = this.blocked;
      this.blocked = [];
      for (const b of blocked) this.node?.propose(b.req);
    }
  }

  private waitApplied(index: number, f: () => void): void {
    if (this.appliedIndex >= index) f();
    else this.appliedWaiters.push({ index, f });
  }

  private flushAppliedWaiters(): void {
    if (!this.appliedWaiters.length) return;
    const ready = this.appliedWaiters.filter((w) => w.index <= this.appliedIndex);
    this.appliedWaiters = this.appliedWaiters.filter((w) => w.index > this.appliedIndex);
    for (const w of ready) w.f();
  }

  private applyEntry(e: Entry): void {
    if (e.index <= this.appliedIndex) return;
    this.appliedIndex = e.index;
    this.appliedTerm = e.term;
    this.host.observer?.applied(this, e);
    if (e.type === EntryType.ConfChange) {
      this.applyConfChange(e.data as ConfChange);
      return;
    }
    const req = e.data as InternalRaftRequest | undefined;
    if (!req) return; // a new leader's empty entry
    // A proposal the network delivered twice is in the log twice: the second copy changes
    // nothing (its request ID was applied already), or it would undo what came in between.
    if (this.recentIds.seen(req.id)) return;
    if (this.host.traceCommits && this.isLeader())
      this.host.emit({
        type: 'commit',
        member: this.name,
        index: e.index,
        op: Object.keys(req).find((k) => k !== 'id' && k !== 'header') ?? '',
      });
    if ('compaction' in req && this.isLeader())
      this.host.emit({ type: 'compaction', member: this.name, revision: req.compaction.revision });
    let result: Outcome<unknown>;
    if ('memberAttr' in req) {
      this.v2.setInternal(
        `/0/members/${req.memberAttr.memberId.toString(16)}/attributes`,
        JSON.stringify({ name: req.memberAttr.name, clientURLs: req.memberAttr.clientURLs }),
        this.scheduler.unixMs(),
      );
      const m = this.membership.members.get(req.memberAttr.memberId);
      if (m) {
        m.name = req.memberAttr.name;
        m.clientURLs = [...req.memberAttr.clientURLs];
      }
      result = { ok: true, value: undefined };
      this.maybeSetClusterVersion();
    } else if ('health' in req) {
      result = { ok: true, value: undefined };
    } else if ('v2' in req) {
      try {
        result = { ok: true, value: applyV2(this.v2, req.v2) };
      } catch (error) {
        result = { ok: false, error };
      }
    } else if ('auth' in req) {
      try {
        this.auth.apply(req.auth);
        result = { ok: true, value: { header: { revision: this.kv.currentRev } } };
      } catch (error) {
        result = { ok: false, error };
      }
    } else if ('v2Sync' in req) {
      this.v2.deleteExpired(req.v2Sync);
      result = { ok: true, value: undefined };
    } else if ('clusterVersion' in req) {
      this.v2.setInternal('/0/version', req.clusterVersion, this.scheduler.unixMs());
      this.membership.clusterVersion = req.clusterVersion;
      result = { ok: true, value: undefined };
    } else {
      const rev = this.kv.currentRev;
      const r = this.applier.apply(req);
      if (this.kv.currentRev !== rev) this.consistentIndex = e.index;
      result = r.ok ? { ok: true, value: r.resp } : { ok: false, error: r.error };
    }
    const p = this.pending.get(req.id);
    if (!p) return;
    this.pending.delete(req.id);
    this.scheduler.cancel(p.timer);
    if (result.ok && result.value && typeof result.value === 'object' && 'header' in result.value) {
      const resp = result.value as { header: ResponseHeader };
      resp.header = this.header(resp.header.revision);
    }
    p.reply(result);
  }

  private applyConfChange(cc: ConfChange): void {
    const info = cc.context as (MemberInfo & { reqId?: bigint }) | undefined;
    this.applyConfChangeState(cc, info);
    const p = info?.reqId !== undefined ? this.pending.get(info.reqId) : undefined;
    if (p && info?.reqId !== undefined) {
      this.pending.delete(info.reqId);
      this.scheduler.cancel(p.timer);
      p.reply({ ok: true, value: { header: this.header(), members: this.membership.list() } });
    }
  }

  private applyConfChangeState(cc: ConfChange, info: MemberInfo | undefined): void {
    const now = this.scheduler.unixMs();
    // Adding a voter that is a learner now is a promotion (etcdctl member promote).
    this.promoting = cc.type === ConfChangeType.AddNode && !!this.membership.members.get(cc.nodeId)?.isLearner;
    // etcd validates a conf change against the members it keeps in the v2 store first
    // (membersFromStore: the members, then the removed ones), which its store stats count.
    try {
      this.v2.get('/0/members', true, true, now);
      this.v2.get('/0/removed_members', true, true, now);
    } catch {
      // not there yet: nothing to validate against
    }
    const rec = `/0/members/${cc.nodeId.toString(16)}`;
    if (
      cc.type === ConfChangeType.AddNode ||
      cc.type === ConfChangeType.AddLearnerNode ||
      cc.type === ConfChangeType.UpdateNode
    ) {
      if (info && !(cc.type === ConfChangeType.AddNode && this.membership.members.get(cc.nodeId)?.isLearner)) {
        this.v2.setInternal(
          `${rec}/raftAttributes`,
          JSON.stringify({ peerURLs: info.peerURLs, ...(info.isLearner ? { isLearner: true } : {}) }),
          now,
          cc.type !== ConfChangeType.UpdateNode,
        );
      }
    } else if (cc.type === ConfChangeType.RemoveNode) {
      this.v2.setInternal(rec, undefined, now);
      this.v2.setInternal(`/0/removed_members/${cc.nodeId.toString(16)}`, 'removed', now);
    }
    switch (cc.type) {
      case ConfChangeType.AddNode:
      case ConfChangeType.AddLearnerNode: {
        const existing = this.membership.members.get(cc.nodeId);
        if (existing && cc.type === ConfChangeType.AddNode) existing.isLearner = false;
        else if (info) {
          const { reqId: _, ...m } = info as MemberInfo & { reqId?: bigint };
          this.membership.add({ ...m, isLearner: cc.type === ConfChangeType.AddLearnerNode });
        }
        break;
      }
      case ConfChangeType.RemoveNode:
        this.membership.remove(cc.nodeId);
        break;
      case ConfChangeType.UpdateNode:
        if (info) {
          const m = this.membership.members.get(cc.nodeId);
          if (m) m.peerURLs = [...info.peerURLs];
        }
        break;
    }
    this.node?.applyConfChange(cc);
    this.host.emit({
      type: 'conf-change',
      member: this.name,
      change: this.promoting ? 'promote' : CONF_CHANGE[cc.type],
      id: cc.nodeId.toString(16),
    });
    if (cc.type === ConfChangeType.RemoveNode && cc.nodeId === this.id) {
      // A removed member stops serving.
      this.scheduler.after(0, `${this.name} removed`, () => this.stop());
    }
  }

  /** The leader sets the cluster version once every member has published its attributes. */
  private maybeSetClusterVersion(): void {
    if (!this.isLeader() || this.membership.clusterVersion) return;
    if (this.membership.list().some((m) => !m.name)) return;
    this.propose({ clusterVersion: CLUSTER_VERSION }, () => {});
  }

  header(revision = this.kv.currentRev): ResponseHeader {
    return { clusterId: this.clusterId, memberId: this.id, revision, raftTerm: this.term() };
  }

  /** Propose a request; `reply` gets the result once it is applied here, or a timeout. */
  propose<T>(req: Omit<InternalRaftRequest, 'id'> & Record<string, unknown>, reply: Reply<T>): void {
    const node = this.node;
    if (!node) return;
    const id = this.reqIds.next();
    const full = { id, ...req } as InternalRaftRequest;
    const noLeader = node.raft.lead === NONE;
    const timer = this.scheduler.after(REQUEST_TIMEOUT_MS, `request timeout ${this.name}`, () => {
      this.pending.delete(id);
      const stillBlocked = this.blocked.findIndex((b) => b.req.id === id);
      if (stillBlocked >= 0) {
        // Never reached Raft (no leader to take it): the server's context ran out.
        this.blocked.splice(stillBlocked, 1);
        reply({ ok: false, error: new GrpcStatusError(GrpcCode.Unknown, 'context deadline exceeded') });
      } else reply({ ok: false, error: Errors.timeout() });
    });
    this.pending.set(id, { reply: reply as Reply<unknown>, timer });
    if (noLeader) {
      // etcd's raft node takes no proposal while it knows no leader: it waits for one.
      this.blocked.push({ req: full, at: this.scheduler.now() });
      return;
    }
    node.propose(full);
    this.processReady();
  }

  /** A linearizable read: confirm leadership with a ReadIndex round, wait to apply up to it, then read. */
  private linearizable(read: () => void, fail: (e: unknown) => void): void {
    const node = this.node;
    if (!node) return;
    if (this.memberBugs.staleReads) return read();
    const ctx = `${this.name}-${this.nextRead++}`;
    let done = false;
    const timer = this.scheduler.after(REQUEST_TIMEOUT_MS, `read timeout ${this.name}`, () => {
      if (done) return;
      done = true;
      this.readWaiters.delete(ctx);
      fail(Errors.timeout());
    });
    this.readWaiters.set(ctx, () => {
      if (done) return;
      done = true;
      this.scheduler.cancel(timer);
      read();
    });
    node.readIndex(ctx);
    this.processReady();
  }

  // ---- KV ----

  range(r: RangeRequest, reply: Reply<RangeResponse>): void {
    if (!r.key) return reply({ ok: false, error: Errors.emptyKey() });
    const serve = () => this.answer(() => this.applier.range(r), reply);
    if (r.serializable) serve();
    else this.linearizable(serve, (error) => reply({ ok: false, error }));
  }

  put(p: PutRequest, reply: Reply<PutResponse>): void {
    if (!p.key) return reply({ ok: false, error: Errors.emptyKey() });
    if (p.ignoreValue && p.value) return reply({ ok: false, error: Errors.valueProvided() });
    if (p.ignoreLease && p.lease) return reply({ ok: false, error: Errors.leaseProvided() });
    this.propose({ put: p }, reply);
  }

  deleteRange(d: DeleteRangeRequest, reply: Reply<DeleteRangeResponse>): void {
    if (!d.key) return reply({ ok: false, error: Errors.emptyKey() });
    this.propose({ deleteRange: d }, reply);
  }

  txn(t: TxnRequest, reply: Reply<TxnResponse>): void {
    const err = checkTxn(t);
    if (err) return reply({ ok: false, error: err });
    if (isReadOnly(t)) {
      this.linearizable(
        () => this.answer(() => this.applier.txn(t), reply),
        (error) => reply({ ok: false, error }),
      );
      return;
    }
    this.propose({ txn: t }, reply);
  }

  /**
   * A harness's bulk write (`sim load`): one entry of many puts, past the request limits a
   * client meets (etcd's --max-txn-ops), so that a large keyspace takes seconds, not hours.
   */
  bulkLoad(t: TxnRequest, reply: Reply<TxnResponse>): void {
    this.propose({ txn: t }, reply);
  }

  compact(c: CompactionRequest, reply: Reply<{ header: ResponseHeader }>): void {
    this.propose({ compaction: c }, reply);
  }

  // ---- Lease ----

  leaseGrant(g: LeaseGrantRequest, reply: Reply<LeaseGrantResponse>): void {
    // etcd picks the ID when the client leaves it 0; the top bit is cleared so it stays positive.
    const ID = g.ID === 0n ? this.reqIds.next() & ((1n << 63n) - 1n) : g.ID;
    this.propose({ leaseGrant: { ID, TTL: g.TTL } }, reply);
  }

  leaseRevoke(r: LeaseRevokeRequest, reply: Reply<{ header: ResponseHeader }>): void {
    this.propose({ leaseRevoke: r }, reply);
  }

  /** Keep-alives and time-to-live are the leader's business: a follower forwards them. */
  private atLeader<T>(reply: Reply<T>, f: (leader: Member, reply: Reply<T>) => void): void {
    if (this.isLeader()) return f(this, reply);
    const lead = this.leader;
    if (
      lead === NONE ||
      !this.host.forward(this, lead, (l) =>
        l.isLeader() ? f(l, reply) : reply({ ok: false, error: Errors.noLeader() }),
      )
    ) {
      // Like etcd, wait for a leader up to the request timeout.
      this.scheduler.after(REQUEST_TIMEOUT_MS, 'lease: no leader', () =>
        reply({ ok: false, error: Errors.noLeader() }),
      );
    }
  }

  leaseKeepAlive(id: bigint, reply: Reply<LeaseKeepAliveResponse>): void {
    this.atLeader(reply, (l, r) => l.answer(() => ({ header: l.header(), ID: id, TTL: l.lessor.renew(id) }), r));
  }

  leaseTimeToLive(req: LeaseTimeToLiveRequest, reply: Reply<LeaseTimeToLiveResponse>): void {
    this.atLeader(reply, (l, r) =>
      l.answer(() => {
        const lease = l.lessor.lookup(req.ID);
        if (!lease) return { header: l.header(), ID: req.ID, TTL: -1, grantedTTL: 0, keys: [] };
        return {
          header: l.header(),
          ID: req.ID,
          TTL: Math.floor(l.lessor.remainingMs(lease) / 1000),
          grantedTTL: lease.ttl,
          keys: req.keys ? [...lease.keys].sort() : [],
        };
      }, r),
    );
  }

  leaseLeases(reply: Reply<LeaseLeasesResponse>): void {
    this.answer(() => ({ header: this.header(), leases: this.lessor.all().map((l) => ({ ID: l.id })) }), reply);
  }

  // ---- Watch ----

  watch(req: WatchCreateRequest, send: (r: WatchResponse) => void, onClose?: () => void): WatchHandle {
    const w: Watcher = this.watchable.watch({
      key: req.key,
      end: req.rangeEnd,
      startRev: req.startRevision,
      prevKv: req.prevKv,
      filters: req.filters,
      send: (b) => {
        if (b.events.length)
          this.host.emit({
            type: 'watch-delivered',
            member: this.name,
            watchId: String(w.id),
            key: toUtf8(req.key),
            rangeEnd: toUtf8(req.rangeEnd ?? ''),
            events: b.events.map((e) => ({ type: e.type === 1 ? 'DELETE' : 'PUT', key: toUtf8(e.kv.key) })),
          });
        send({
          header: this.header(b.revision),
          watchId: w.id,
          created: false,
          canceled: b.compactRevision !== 0,
          compactRevision: b.compactRevision,
          cancelReason: '',
          fragment: false,
          events: b.events,
        });
      },
    });
    this.watchers.set(w, onClose);
    send({
      header: this.header(),
      watchId: w.id,
      created: true,
      canceled: false,
      compactRevision: 0,
      cancelReason: '',
      fragment: false,
      events: [],
    });
    return {
      watchId: w.id,
      cancel: () => {
        this.watchable.cancel(w);
        this.watchers.delete(w);
      },
      requestProgress: () => this.watchable.requestProgress(w),
    };
  }

  // ---- Cluster and maintenance ----

  memberList(reply: Reply<{ header: ResponseHeader; members: MemberInfo[] }>): void {
    reply({ ok: true, value: { header: this.header(), members: this.membership.list() } });
  }

  status(): StatusResponse {
    const errors: string[] = [];
    if (this.leader === NONE) errors.push('etcdserver: no leader');
    const isLearner = this.membership.members.get(this.id)?.isLearner ?? false;
    return {
      header: this.header(),
      version: SERVER_VERSION,
      dbSize: this.dbSize(),
      leader: this.leader,
      raftIndex: this.node?.raft.log.committed ?? this.raftStorage.hardState.commit,
      raftTerm: this.term(),
      raftAppliedIndex: this.appliedIndex,
      errors,
      dbSizeInUse: this.dbSize(),
      isLearner,
    };
  }

  /** A stand-in for the bbolt file size: 20 kB for an empty store, growing with what it holds. */
  dbSize(): number {
    const pages = 5 + Math.ceil((this.kv.backend.size * 128) / 4096);
    return pages * 4096;
  }

  hashKV(revision: number, reply: Reply<HashKVResponse>): void {
    this.answer(() => {
      const h = this.kv.hashByRev(revision);
      return { header: this.header(), hash: h.hash, compactRevision: h.compactRev };
    }, reply);
  }

  /** Hand leadership to `transferee` (etcd's MoveLeader); answers once it moved or the wait ran out. */
  moveLeader(transferee: bigint, reply: Reply<{ header: ResponseHeader }>): void {
    const node = this.node;
    if (!node) return;
    if (!this.isLeader()) return reply({ ok: false, error: Errors.notLeader() });
    if (!this.membership.members.has(transferee) || this.membership.members.get(transferee)?.isLearner) {
      return reply({ ok: false, error: Errors.badLeaderTransferee() });
    }
    if (transferee === this.id) return reply({ ok: true, value: { header: this.header() } });
    node.transferLeader(transferee);
    this.processReady();
    const start = this.scheduler.now();
    const poll = () => {
      if (this.leader === transferee) return reply({ ok: true, value: { header: this.header() } });
      if (this.scheduler.now() - start > REQUEST_TIMEOUT_MS)
        return reply({ ok: false, error: Errors.timeoutLeaderTransfer() });
      this.scheduler.after(HEARTBEAT_MS / 10, 'move-leader: wait', poll);
    };
    poll();
  }

  /** A v2 write through the log; the event comes back once it is applied here. */
  v2Write(req: Omit<V2Request, 'time'>, reply: Reply<V2Event>): void {
    this.propose({ v2: { ...req, time: this.scheduler.unixMs() } }, reply);
  }

  /** The leader sweeps expired v2 keys through the log (etcd's SYNC every 500 ms, when there are TTLs). */
  private v2SyncLoop(): void {
    if (!this.node) return;
    if (this.isLeader() && this.v2.hasTTLKeys()) this.propose({ v2Sync: this.scheduler.unixMs() }, () => {});
    this.timers.push(this.scheduler.after(V2_SYNC_MS, `v2: sync ${this.name}`, () => this.v2SyncLoop()));
  }

  /** A change of users, roles or permissions, or auth enable / disable, through the log. */
  authChange(op: string, args: string[], reply: Reply<{ header: ResponseHeader }>): void {
    this.propose({ auth: { op, args } }, reply);
  }

  /**
   * user get / list, role get / list from this member's auth state. (etcd 3.4 sends these through
   * the log too; they change nothing, so the playground answers from the member asked.)
   */
  authQuery(
    op: 'userGet' | 'userList' | 'roleGet' | 'roleList',
    name: string,
    reply: Reply<{ header: ResponseHeader; names: string[]; perms: Permission[] }>,
  ): void {
    this.answer(() => {
      const a = this.auth;
      let names: string[] = [];
      let perms: Permission[] = [];
      if (op === 'userGet') {
        const u = a.users.get(name);
        if (!u) throw AuthErrors.userNotFound();
        names = [...u.roles].sort();
      } else if (op === 'userList') names = [...a.users.keys()].sort();
      else if (op === 'roleList') names = [...a.roles.keys()].sort();
      else {
        const p = a.roles.get(name);
        if (!p && name !== 'root') throw AuthErrors.roleNotFound();
        perms = p ?? [];
      }
      return { header: this.header(), names, perms };
    }, reply);
  }

  /** Simple tokens this member handed out (etcd's are per member too, and random). */
  private tokens = new Map<string, string>();

  /** A simple token for `user`: 16 letters from the member's seeded randomness, a dot, a counter. */
  issueToken(user: string): string {
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    let s = '';
    for (let i = 0; i < 16; i++) s += letters[this.rng.int(0, letters.length - 1)];
    const token = `${s}.${this.tokens.size + 1}`;
    this.tokens.set(token, user);
    return token;
  }

  userOfToken(token: string | undefined): string | undefined {
    return token ? this.tokens.get(token) : undefined;
  }

  /** Check a user's password (etcd answers with a token; the simulated client keeps the name). */
  authenticate(name: string, password: string, reply: Reply<{ header: ResponseHeader }>): void {
    this.answer(() => {
      this.auth.authenticate(name, password);
      return { header: this.header() };
    }, reply);
  }

  /**
   * This member as `user` sees it: with auth on, every request is checked against the user's
   * permissions first ("user name is empty", "permission denied"), as etcd's auth layer does.
   */
  as(user: string | undefined): Member {
    if (!this.auth.enabled) return this;
    return new Proxy(this, {
      get: (target, prop, recv) => {
        const f = Reflect.get(target, prop, recv);
        const check = typeof prop === 'string' ? AUTH_CHECKS[prop] : undefined;
        if (typeof f !== 'function' || !check) return typeof f === 'function' ? f.bind(target) : f;
        return (...args: unknown[]) => {
          const reply = args.find((a) => typeof a === 'function') as Reply<unknown>;
          const denied = !user
            ? AuthErrors.userEmpty()
            : check(target.auth, user, args)
              ? undefined
              : AuthErrors.permissionDenied();
          if (denied) return reply({ ok: false, error: denied });
          return f.apply(target, args);
        };
      },
    });
  }

  /** etcd's /health: a read through Raft (a v2 quorum GET), within the request timeout. */
  healthCheck(done: (ok: boolean) => void): void {
    if (this.leader === NONE) {
      this.scheduler.after(0, 'health: no leader', () => done(false));
      return;
    }
    this.propose({ health: true }, (o) => done(o.ok));
  }

  // ---- membership changes (etcd's AddMember / RemoveMember / UpdateMember / PromoteMember) ----

  /** Propose a conf change; the reply carries the members once it is applied here. */
  private proposeConfChange(cc: ConfChange, reply: Reply<{ header: ResponseHeader; members: MemberInfo[] }>): void {
    const node = this.node;
    if (!node) return;
    const id = this.reqIds.next();
    cc.context = { ...(cc.context as object), reqId: id };
    const timer = this.scheduler.after(REQUEST_TIMEOUT_MS, `conf change timeout ${this.name}`, () => {
      this.pending.delete(id);
      reply({ ok: false, error: Errors.timeout() });
    });
    this.pending.set(id, { reply: reply as Reply<unknown>, timer });
    node.proposeConfChange(cc);
    this.processReady();
  }

  /** Every voting member has been connected to this one for the last 5 s (etcd's isConnectedFullySince). */
  private connectedFullySince(sinceMs: number): boolean {
    for (const m of this.membership.list()) {
      if (m.isLearner || m.id === this.id) continue;
      const at = this.host.connectedSince(this, m.id);
      if (at === undefined || at > sinceMs) return false;
    }
    return true;
  }

  memberAdd(
    peerURLs: string[],
    isLearner: boolean,
    reply: Reply<{ header: ResponseHeader; member: MemberInfo; members: MemberInfo[] }>,
  ): void {
    // The health check comes first: a taken peer URL is found only when the change is validated.
    if (!isLearner && !this.connectedFullySince(this.scheduler.now() - HEALTH_INTERVAL_MS)) {
      return reply({ ok: false, error: Errors.unhealthyCluster() });
    }
    for (const m of this.membership.members.values()) {
      if (m.peerURLs.some((u) => peerURLs.includes(u))) return reply({ ok: false, error: Errors.peerURLExist() });
    }
    // A member added at run time: SHA-1 over its peer URLs, an empty cluster name and the Unix second.
    const id = deriveMemberId(peerURLs, '', Math.floor(this.scheduler.unixMs() / 1000));
    const info: MemberInfo = { id, name: '', peerURLs: [...peerURLs], clientURLs: [], isLearner };
    this.proposeConfChange(
      { type: isLearner ? ConfChangeType.AddLearnerNode : ConfChangeType.AddNode, nodeId: id, context: info },
      (o) => reply(o.ok ? { ok: true, value: { ...o.value, member: info } } : o),
    );
  }

  memberRemove(id: bigint, reply: Reply<{ header: ResponseHeader; members: MemberInfo[] }>): void {
    if (!this.membership.members.has(id)) return reply({ ok: false, error: Errors.memberNotFound() });
    this.proposeConfChange({ type: ConfChangeType.RemoveNode, nodeId: id }, reply);
  }

  memberUpdate(id: bigint, peerURLs: string[], reply: Reply<{ header: ResponseHeader; members: MemberInfo[] }>): void {
    const m = this.membership.members.get(id);
    if (!m) return reply({ ok: false, error: Errors.memberNotFound() });
    for (const other of this.membership.members.values()) {
      if (other.id !== id && other.peerURLs.some((u) => peerURLs.includes(u)))
        return reply({ ok: false, error: Errors.peerURLExist() });
    }
    this.proposeConfChange(
      { type: ConfChangeType.UpdateNode, nodeId: id, context: { ...m, peerURLs: [...peerURLs] } },
      reply,
    );
  }

  memberPromote(id: bigint, reply: Reply<{ header: ResponseHeader; members: MemberInfo[] }>): void {
    this.atLeader(reply, (l, r) => {
      const m = l.membership.members.get(id);
      if (!m) return r({ ok: false, error: Errors.memberNotFound() });
      if (!m.isLearner) return r({ ok: false, error: Errors.memberNotLearner() });
      // A learner is promoted only once its log is within 90% of the leader's (etcd's isLearnerReady).
      const raft = l.node!.raft;
      const pr = raft.prs.get(id);
      if (!pr || pr.match < raft.log.committed * 0.9) return r({ ok: false, error: Errors.learnerNotReady() });
      l.proposeConfChange({ type: ConfChangeType.AddNode, nodeId: id, context: m }, r);
    });
  }

  // ---- internals ----

  /** Answer from local state now; errors become failed outcomes. */
  answer<T extends { header: ResponseHeader }>(f: () => T, reply: Reply<T>): void {
    let resp: T;
    try {
      resp = f();
    } catch (error) {
      return reply({ ok: false, error });
    }
    resp.header = this.header(resp.header.revision);
    reply({ ok: true, value: resp });
  }
}

type AuthCheck = (a: AuthStore, user: string, args: unknown[]) => boolean;

const admin: AuthCheck = (a, user) => a.isRoot(user);
const any: AuthCheck = () => true;

function txnPermitted(a: AuthStore, user: string, t: TxnRequest): boolean {
  if (!t.compare.every((c) => a.permitted(user, false, c.key, c.rangeEnd))) return false;
  return [...t.success, ...t.failure].every((op) => {
    if ('requestRange' in op) return a.permitted(user, false, op.requestRange.key, op.requestRange.rangeEnd);
    if ('requestPut' in op) return a.permitted(user, true, op.requestPut.key, undefined);
    if ('requestDeleteRange' in op)
      return a.permitted(user, true, op.requestDeleteRange.key, op.requestDeleteRange.rangeEnd);
    return txnPermitted(a, user, op.requestTxn);
  });
}

/** What each request needs once auth is on (etcd's auth layer in front of the applier). */
const AUTH_CHECKS: Record<string, AuthCheck> = {
  range: (a, u, [r]) => a.permitted(u, false, (r as RangeRequest).key, (r as RangeRequest).rangeEnd),
  put: (a, u, [p]) => a.permitted(u, true, (p as PutRequest).key, undefined),
  deleteRange: (a, u, [d]) => a.permitted(u, true, (d as DeleteRangeRequest).key, (d as DeleteRangeRequest).rangeEnd),
  txn: (a, u, [t]) => txnPermitted(a, u, t as TxnRequest),
  compact: admin,
  authChange: admin,
  // A user may read its own record, and the roles it has.
  authQuery: (a, u, [op, name]) =>
    a.isRoot(u) ||
    (op === 'userGet' && name === u) ||
    (op === 'roleGet' && (a.users.get(u)?.roles.has(name as string) ?? false)),
  memberAdd: admin,
  memberRemove: admin,
  memberUpdate: admin,
  memberPromote: admin,
  moveLeader: admin,
  hashKV: admin,
  leaseGrant: any,
  leaseRevoke: any,
  leaseKeepAlive: any,
  leaseTimeToLive: any,
  leaseLeases: any,
};

function opsOf(t: TxnRequest): RequestOp[] {
  return [...t.success, ...t.failure];
}

function isReadOnly(t: TxnRequest): boolean {
  return opsOf(t).every((op) => 'requestRange' in op || ('requestTxn' in op && isReadOnly(op.requestTxn)));
}

/** etcd's checkTxnRequest: at most MAX_TXN_OPS per branch, no key written twice in one branch. */
function checkTxn(t: TxnRequest): Error | undefined {
  if (t.compare.length > MAX_TXN_OPS || t.success.length > MAX_TXN_OPS || t.failure.length > MAX_TXN_OPS) {
    return Errors.tooManyOps();
  }
  for (const branch of [t.success, t.failure]) {
    const puts = new Set<string>();
    for (const op of branch) {
      if ('requestPut' in op) {
        if (puts.has(op.requestPut.key)) return Errors.duplicateKey();
        puts.add(op.requestPut.key);
      }
    }
    for (const op of branch) {
      if ('requestDeleteRange' in op) {
        const d = op.requestDeleteRange;
        for (const k of puts) {
          const end = d.rangeEnd;
          const hit = !end ? k === d.key : end === '\x00' ? k >= d.key : k >= d.key && k < end;
          if (hit) return Errors.duplicateKey();
        }
      }
    }
  }
  return undefined;
}

/** The last `size` request IDs applied, to tell a duplicate from a new request (a ring and a set). */
class RecentIds {
  private readonly set = new Set<bigint>();
  private ring: bigint[] = [];
  private next = 0;

  constructor(private readonly size: number) {}

  /** Whether `id` was applied lately; if not, it is now. */
  seen(id: bigint): boolean {
    if (this.set.has(id)) return true;
    if (this.ring.length < this.size) this.ring.push(id);
    else {
      this.set.delete(this.ring[this.next]);
      this.ring[this.next] = id;
      this.next = (this.next + 1) % this.size;
    }
    this.set.add(id);
    return false;
  }

  list(): bigint[] {
    return [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
  }

  restore(ids: readonly bigint[]): void {
    this.set.clear();
    this.ring = [];
    this.next = 0;
    for (const id of ids.slice(-this.size)) this.seen(id);
  }
}
