// One etcd member: its log, its state machines (MVCC store with watches, lessor) behind the
// applier, and the requests waiting for their entries to apply. Clients reach it through the
// simulated network (sim/), never directly.
import { Errors } from '../base/errors.ts';
import { memberId as deriveMemberId } from '../base/ids.ts';
import type { Scheduler } from '../base/scheduler.ts';
import type { Outcome } from '../base/task.ts';
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
  TxnRequest,
  TxnResponse,
  WatchCreateRequest,
  WatchResponse,
} from '../etcdserverpb.ts';
import { Lessor } from '../lease/lessor.ts';
import { KVStore } from '../mvcc/kvStore.ts';
import { WatchableStore, type Watcher } from '../mvcc/watchableStore.ts';
import { Applier } from './applier.ts';
import { IdGenerator } from './idGenerator.ts';
import { type Entry, SoloLog } from './soloLog.ts';

export type Reply<T> = (o: Outcome<T>) => void;

export interface MemberConfig {
  name: string;
  peerUrls: string[];
  clientUrls: string[];
  clusterToken: string;
}

/** etcd's defaults: 100 ms heartbeat, 1000 ms election timeout. */
export const HEARTBEAT_MS = 100;
export const ELECTION_MS = 1000;
/** The lessor checks for expired leases every 500 ms. */
export const LEASE_CHECK_MS = 500;
/** etcd's --max-txn-ops default. */
export const MAX_TXN_OPS = 128;
/** 1.5 × the election timeout, rounded up to whole seconds: 2 s. */
export const MIN_LEASE_TTL = Math.ceil((3 * ELECTION_MS) / 2 / 1000);

type Proposal = Omit<InternalRaftRequest, 'id'> & Record<string, unknown>;

export interface WatchHandle {
  readonly watchId: number;
  cancel(): void;
  requestProgress(): void;
}

export class Member {
  readonly id: bigint;
  readonly kv = new KVStore();
  readonly lessor: Lessor;
  readonly watchable: WatchableStore;
  readonly applier: Applier;
  readonly log: SoloLog<InternalRaftRequest>;
  readonly reqIds: IdGenerator;
  clusterId = 0n;
  private readonly pending = new Map<number, Reply<unknown>>();
  private readonly revoking = new Set<bigint>();
  private nextReq = 1;

  constructor(
    readonly config: MemberConfig,
    private readonly scheduler: Scheduler,
  ) {
    this.id = deriveMemberId(config.peerUrls, config.clusterToken);
    this.lessor = new Lessor(MIN_LEASE_TTL, () => scheduler.now());
    // The store asks the lessor which lease a key has, so the two are wired after both exist.
    this.kv.leases = this.lessor;
    this.watchable = new WatchableStore(this.kv, scheduler);
    this.applier = new Applier(this.kv, this.lessor);
    this.log = new SoloLog(scheduler, (e) => this.applyEntry(e));
    this.reqIds = new IdGenerator(this.id, scheduler.unixMs());
  }

  get name(): string {
    return this.config.name;
  }

  /** Boot: win the (only) election, take over the leases, start the lease expiry loop. */
  start(): void {
    this.log.campaign();
    this.lessor.promote(0);
    this.scheduleLeaseCheck();
  }

  header(revision = this.kv.currentRev): ResponseHeader {
    return { clusterId: this.clusterId, memberId: this.id, revision, raftTerm: this.log.term };
  }

  // ---- KV ----

  range(r: RangeRequest, reply: Reply<RangeResponse>): void {
    if (!r.key) return reply({ ok: false, error: Errors.emptyKey() });
    this.answer(() => this.applier.range(r), reply);
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
    if (isReadOnly(t)) return this.answer(() => this.applier.txn(t), reply);
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

  leaseKeepAlive(id: bigint, reply: Reply<LeaseKeepAliveResponse>): void {
    this.answer(() => ({ header: this.header(), ID: id, TTL: this.lessor.renew(id) }), reply);
  }

  leaseTimeToLive(r: LeaseTimeToLiveRequest, reply: Reply<LeaseTimeToLiveResponse>): void {
    this.answer(() => {
      const l = this.lessor.lookup(r.ID);
      if (!l) return { header: this.header(), ID: r.ID, TTL: -1, grantedTTL: 0, keys: [] };
      return {
        header: this.header(),
        ID: r.ID,
        TTL: Math.floor(this.lessor.remainingMs(l) / 1000),
        grantedTTL: l.ttl,
        keys: r.keys ? [...l.keys].sort() : [],
      };
    }, reply);
  }

  leaseLeases(reply: Reply<LeaseLeasesResponse>): void {
    this.answer(() => ({ header: this.header(), leases: this.lessor.all().map((l) => ({ ID: l.id })) }), reply);
  }

  // ---- Watch ----

  watch(req: WatchCreateRequest, send: (r: WatchResponse) => void): WatchHandle {
    const w: Watcher = this.watchable.watch({
      key: req.key,
      end: req.rangeEnd,
      startRev: req.startRevision,
      prevKv: req.prevKv,
      filters: req.filters,
      send: (b) =>
        send({
          header: this.header(b.revision),
          watchId: w.id,
          created: false,
          canceled: b.compactRevision !== 0,
          compactRevision: b.compactRevision,
          cancelReason: '',
          fragment: false,
          events: b.events,
        }),
    });
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
      cancel: () => this.watchable.cancel(w),
      requestProgress: () => this.watchable.requestProgress(w),
    };
  }

  // ---- Maintenance ----

  hashKV(revision: number, reply: Reply<HashKVResponse>): void {
    this.answer(() => {
      const h = this.kv.hashByRev(revision);
      return { header: this.header(), hash: h.hash, compactRevision: h.compactRev };
    }, reply);
  }

  // ---- internals ----

  /** Answer from local state now (reads); errors become failed outcomes. */
  private answer<T extends { header: ResponseHeader }>(f: () => T, reply: Reply<T>): void {
    let resp: T;
    try {
      resp = f();
    } catch (error) {
      return reply({ ok: false, error });
    }
    resp.header = this.header(resp.header.revision);
    reply({ ok: true, value: resp });
  }

  private propose<T>(req: Proposal, reply: Reply<T>): void {
    const id = this.nextReq++;
    this.reqIds.next();
    this.pending.set(id, reply as Reply<unknown>);
    this.log.propose({ id, ...req } as InternalRaftRequest);
  }

  private applyEntry(e: Entry<InternalRaftRequest>): void {
    if (!e.data) return;
    const result = this.applier.apply(e.data);
    const reply = this.pending.get(e.data.id);
    if ('leaseRevoke' in e.data) this.revoking.delete(e.data.leaseRevoke.ID);
    if (!reply) return;
    this.pending.delete(e.data.id);
    if (!result.ok) return reply({ ok: false, error: result.error });
    const resp = result.resp as { header: ResponseHeader };
    resp.header = this.header(resp.header.revision);
    reply({ ok: true, value: resp });
  }

  private scheduleLeaseCheck(): void {
    this.scheduler.after(LEASE_CHECK_MS, 'lease: revoke expired', () => {
      if (this.lessor.isPrimary()) {
        for (const l of this.lessor.expired()) {
          if (this.revoking.has(l.id)) continue;
          this.revoking.add(l.id);
          this.propose({ leaseRevoke: { ID: l.id } }, () => {});
        }
      }
      this.scheduleLeaseCheck();
    });
  }
}

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
