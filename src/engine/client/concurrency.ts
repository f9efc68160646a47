// etcd's concurrency recipes (clientv3/concurrency), built on leases, txns and watches:
// a session is a lease kept alive; a mutex and an election are keys under a prefix, ordered by
// create revision, each waiter watching the deletion of the key just before its own.
import { prefixRangeEnd } from '../base/bytes.ts';
import { hexId } from '../base/ids.ts';
import type { Scheduler } from '../base/scheduler.ts';
import { suspend, type Task, TaskRunner } from '../base/task.ts';
import {
  CompareResult,
  CompareTarget,
  EventType,
  type KeyValue,
  type RangeRequest,
  type ResponseHeader,
  SortOrder,
  SortTarget,
} from '../etcdserverpb.ts';
import type { Client } from './client.ts';

export class Session {
  private keepAlive?: ReturnType<Scheduler['after']>;
  private closed = false;
  /** Called if the lease is lost (expired or revoked). */
  onExpired?: () => void;

  private constructor(
    readonly client: Client,
    readonly lease: bigint,
    readonly ttl: number,
    private readonly scheduler: Scheduler,
  ) {}

  static *create(client: Client, scheduler: Scheduler, ttl = 60): Task<Session> {
    const resp = yield* client.leaseGrant(ttl);
    const s = new Session(client, resp.ID, resp.TTL, scheduler);
    s.scheduleKeepAlive();
    return s;
  }

  /** Renew every TTL/3 in the background, as clientv3's KeepAlive does. */
  private scheduleKeepAlive(): void {
    this.keepAlive = this.scheduler.after((this.ttl * 1000) / 3, 'session: keep-alive', () => {
      if (this.closed) return;
      const c = this.client;
      // Fire and forget: a failed renewal means the lease is gone.
      const task = c.leaseKeepAliveOnce(this.lease);
      new TaskRunner(task, (o) => {
        if (this.closed) return;
        if (o.ok) this.scheduleKeepAlive();
        else this.onExpired?.();
      }).start();
    });
  }

  /** Stop renewing (the lease then expires on its own, as when etcdctl exits). */
  orphan(): void {
    this.closed = true;
    this.scheduler.cancel(this.keepAlive);
  }

  *close(): Task<void> {
    this.orphan();
    yield* this.client.leaseRevoke(this.lease);
  }
}

function firstCreate(prefix: string): RangeRequest {
  return {
    key: prefix,
    rangeEnd: prefixRangeEnd(prefix),
    sortTarget: SortTarget.CREATE,
    sortOrder: SortOrder.ASCEND,
    limit: 1,
  };
}

/** Wait until every key under `prefix` created at or before `maxCreateRev` is deleted. */
function* waitDeletes(client: Client, prefix: string, maxCreateRev: number): Task<void> {
  for (;;) {
    const resp = yield* client.get({
      key: prefix,
      rangeEnd: prefixRangeEnd(prefix),
      sortTarget: SortTarget.CREATE,
      sortOrder: SortOrder.DESCEND,
      limit: 1,
      maxCreateRevision: maxCreateRev,
    });
    if (!resp.kvs.length) return;
    yield* waitDelete(client, resp.kvs[0].key, resp.header.revision);
  }
}

function waitDelete(client: Client, key: string, rev: number): Task<void> {
  return suspend<void>((resume) => {
    const sub = client.watch({ key, startRevision: rev }, (r) => {
      if (r.events.some((e) => e.type === EventType.DELETE)) {
        sub.cancel();
        resume({ ok: true, value: undefined });
      }
    });
    return () => sub.cancel();
  });
}

export class Mutex {
  myKey = '';
  myRev = -1;
  header?: ResponseHeader;

  constructor(
    readonly session: Session,
    readonly prefix: string,
  ) {}

  *lock(): Task<void> {
    const c = this.session.client;
    const pfx = this.prefix + '/';
    this.myKey = pfx + hexId(this.session.lease);
    const resp = yield* c.txn({
      compare: [{ key: this.myKey, target: CompareTarget.CREATE, result: CompareResult.EQUAL, createRevision: 0 }],
      success: [
        { requestPut: { key: this.myKey, value: '', lease: this.session.lease } },
        { requestRange: firstCreate(pfx) },
      ],
      failure: [{ requestRange: { key: this.myKey } }, { requestRange: firstCreate(pfx) }],
    });
    this.myRev = resp.header.revision;
    const r0 = resp.responses[0];
    if (!resp.succeeded && 'responseRange' in r0) this.myRev = r0.responseRange.kvs[0].createRevision;
    const r1 = resp.responses[1];
    const owner = 'responseRange' in r1 ? r1.responseRange.kvs : [];
    if (!owner.length || owner[0].createRevision === this.myRev) {
      this.header = resp.header;
      return;
    }
    yield* waitDeletes(c, pfx, this.myRev - 1);
  }

  *unlock(): Task<void> {
    yield* this.session.client.delete({ key: this.myKey });
    this.myKey = '\x00';
    this.myRev = -1;
  }
}

export class Election {
  leaderKey = '';
  leaderRev = 0;

  constructor(
    readonly session: Session,
    readonly prefix: string,
  ) {}

  get keyPrefix(): string {
    return this.prefix + '/';
  }

  *campaign(value: string): Task<void> {
    const c = this.session.client;
    const k = this.keyPrefix + hexId(this.session.lease);
    const resp = yield* c.txn({
      compare: [{ key: k, target: CompareTarget.CREATE, result: CompareResult.EQUAL, createRevision: 0 }],
      success: [{ requestPut: { key: k, value, lease: this.session.lease } }],
      failure: [{ requestRange: { key: k } }],
    });
    this.leaderKey = k;
    this.leaderRev = resp.header.revision;
    const r0 = resp.responses[0];
    if (!resp.succeeded && 'responseRange' in r0) {
      const kv = r0.responseRange.kvs[0];
      this.leaderRev = kv.createRevision;
      if (kv.value !== value) yield* this.proclaim(value);
    }
    yield* waitDeletes(c, this.keyPrefix, this.leaderRev - 1);
  }

  *proclaim(value: string): Task<void> {
    const c = this.session.client;
    const resp = yield* c.txn({
      compare: [
        {
          key: this.leaderKey,
          target: CompareTarget.CREATE,
          result: CompareResult.EQUAL,
          createRevision: this.leaderRev,
        },
      ],
      success: [{ requestPut: { key: this.leaderKey, value, lease: this.session.lease } }],
      failure: [],
    });
    if (!resp.succeeded) throw new Error('election: not leader');
  }

  *resign(): Task<void> {
    if (!this.leaderKey) return;
    const c = this.session.client;
    yield* c.txn({
      compare: [
        {
          key: this.leaderKey,
          target: CompareTarget.CREATE,
          result: CompareResult.EQUAL,
          createRevision: this.leaderRev,
        },
      ],
      success: [{ requestDeleteRange: { key: this.leaderKey } }],
      failure: [],
    });
    this.leaderKey = '';
  }

  /** The current leader's key-value, if there is one. */
  *leader(): Task<KeyValue | undefined> {
    const resp = yield* this.session.client.get(firstCreate(this.keyPrefix));
    return resp.kvs[0];
  }
}
