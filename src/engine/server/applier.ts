// Applies committed requests to a member's state (etcd's applierV3backend): the same entry
// applied on every member gives the same revision and the same answer. Results carry no
// header cluster/member/term: the member that answers the client adds those.
import { Errors } from '../base/errors.ts';
import {
  type CompactionRequest,
  type Compare,
  CompareResult,
  CompareTarget,
  type DeleteRangeRequest,
  type DeleteRangeResponse,
  type InternalRaftRequest,
  type KeyValue,
  type LeaseGrantRequest,
  type LeaseGrantResponse,
  type LeaseRevokeRequest,
  type PutRequest,
  type PutResponse,
  type RangeRequest,
  type RangeResponse,
  type RequestOp,
  type ResponseHeader,
  type ResponseOp,
  SortOrder,
  SortTarget,
  type TxnRequest,
  type TxnResponse,
} from '../etcdserverpb.ts';
import type { Lessor } from '../lease/lessor.ts';
import { type KVStore, NO_LEASE, type TxnRead, type TxnWrite } from '../mvcc/kvStore.ts';

export type ApplyResult = { ok: true; resp: unknown } | { ok: false; error: unknown };

/** A header with only the revision: the serving member fills in the rest. */
function hdr(revision: number): ResponseHeader {
  return { clusterId: 0n, memberId: 0n, revision, raftTerm: 0 };
}

/** etcd's mkGteRange: a range end of "\x00" means "every key from here". */
function rangeEnd(end: string | undefined): string | undefined {
  return end === undefined || end === '' ? undefined : end;
}

export class Applier {
  constructor(
    readonly kv: KVStore,
    readonly lessor: Lessor,
  ) {}

  apply(req: InternalRaftRequest): ApplyResult {
    try {
      if ('put' in req) return { ok: true, resp: this.put(req.put) };
      if ('deleteRange' in req) return { ok: true, resp: this.deleteRange(req.deleteRange) };
      if ('txn' in req) return { ok: true, resp: this.txn(req.txn) };
      if ('compaction' in req) return { ok: true, resp: this.compaction(req.compaction) };
      if ('leaseGrant' in req) return { ok: true, resp: this.leaseGrant(req.leaseGrant) };
      if ('leaseRevoke' in req) return { ok: true, resp: this.leaseRevoke(req.leaseRevoke) };
      if ('range' in req) return { ok: true, resp: this.range(req.range) };
      return { ok: false, error: new Error('unknown request') };
    } catch (error) {
      return { ok: false, error };
    }
  }

  range(r: RangeRequest, txn?: TxnRead): RangeResponse {
    const t = txn ?? this.kv.read();
    const filtered =
      (r.sortOrder ?? SortOrder.NONE) !== SortOrder.NONE ||
      !!r.minModRevision ||
      !!r.maxModRevision ||
      !!r.minCreateRevision ||
      !!r.maxCreateRevision;
    let limit = filtered ? 0 : (r.limit ?? 0);
    if (limit > 0) limit++; // one more than asked tells whether there is more
    const rr = t.range(r.key, rangeEnd(r.rangeEnd), { limit, rev: r.revision ?? 0, count: r.countOnly });
    let kvs = rr.kvs;
    if (r.maxModRevision) kvs = kvs.filter((kv) => kv.modRevision <= r.maxModRevision!);
    if (r.minModRevision) kvs = kvs.filter((kv) => kv.modRevision >= r.minModRevision!);
    if (r.maxCreateRevision) kvs = kvs.filter((kv) => kv.createRevision <= r.maxCreateRevision!);
    if (r.minCreateRevision) kvs = kvs.filter((kv) => kv.createRevision >= r.minCreateRevision!);
    let order = r.sortOrder ?? SortOrder.NONE;
    const target = r.sortTarget ?? SortTarget.KEY;
    if (target !== SortTarget.KEY && order === SortOrder.NONE) order = SortOrder.ASCEND;
    if (order !== SortOrder.NONE) kvs = sortKvs(kvs, target, order);
    let more = false;
    if (r.limit && r.limit > 0 && kvs.length > r.limit) {
      kvs = kvs.slice(0, r.limit);
      more = true;
    }
    if (r.keysOnly) kvs = kvs.map((kv) => ({ ...kv, value: '' }));
    return { header: hdr(rr.rev), kvs, more, count: rr.count };
  }

  put(p: PutRequest, txn?: TxnWrite): PutResponse {
    let value = p.value;
    let lease = p.lease ?? NO_LEASE;
    let t = txn;
    if (!t) {
      if (lease !== NO_LEASE && !this.lessor.lookup(lease)) throw Errors.leaseNotFound();
      t = this.kv.write();
    }
    try {
      let prev: KeyValue | undefined;
      if (p.ignoreValue || p.ignoreLease || p.prevKv) prev = t.range(p.key, undefined).kvs[0];
      if ((p.ignoreValue || p.ignoreLease) && !prev) throw Errors.keyNotFound();
      if (p.ignoreValue) value = prev!.value;
      if (p.ignoreLease) lease = prev!.lease;
      t.put(p.key, value, lease);
      const resp: PutResponse = { header: hdr(t.rev()) };
      if (p.prevKv && prev) resp.prevKv = prev;
      return resp;
    } finally {
      if (!txn) t.end();
    }
  }

  deleteRange(d: DeleteRangeRequest, txn?: TxnWrite): DeleteRangeResponse {
    const t = txn ?? this.kv.write();
    try {
      const end = rangeEnd(d.rangeEnd);
      const prevKvs = d.prevKv ? t.range(d.key, end).kvs : [];
      const deleted = t.deleteRange(d.key, end);
      return { header: hdr(t.rev()), deleted, prevKvs };
    } finally {
      if (!txn) t.end();
    }
  }

  txn(rt: TxnRequest): TxnResponse {
    const t = this.kv.write();
    let resp: TxnResponse;
    try {
      resp = this.applyTxn(t, rt);
    } catch (e) {
      t.end();
      throw e;
    }
    t.end();
    resp.header.revision = this.kv.currentRev;
    return resp;
  }

  private applyTxn(t: TxnWrite, rt: TxnRequest): TxnResponse {
    const succeeded = rt.compare.every((c) => this.compare(t, c));
    const ops = succeeded ? rt.success : rt.failure;
    this.checkRequests(t, ops);
    const responses: ResponseOp[] = ops.map((op) => {
      if ('requestRange' in op) return { responseRange: this.range(op.requestRange, t) };
      if ('requestPut' in op) return { responsePut: this.put(op.requestPut, t) };
      if ('requestDeleteRange' in op) return { responseDeleteRange: this.deleteRange(op.requestDeleteRange, t) };
      const sub = this.applyTxn(t, op.requestTxn);
      sub.header.revision = t.rev();
      return { responseTxn: sub };
    });
    return { header: hdr(t.rev()), succeeded, responses };
  }

  /** Requests that would fail are refused before anything of the txn is applied. */
  private checkRequests(t: TxnWrite, ops: readonly RequestOp[]): void {
    for (const op of ops) {
      if ('requestPut' in op) {
        const p = op.requestPut;
        if (p.lease && p.lease !== NO_LEASE && !this.lessor.lookup(p.lease)) throw Errors.leaseNotFound();
        if ((p.ignoreValue || p.ignoreLease) && !t.range(p.key, undefined).kvs.length) throw Errors.keyNotFound();
      } else if ('requestRange' in op) {
        const rev = op.requestRange.revision ?? 0;
        if (rev > t.rev()) throw Errors.futureRev();
        if (rev > 0 && rev < this.kv.compactMainRev) throw Errors.compacted();
      } else if ('requestTxn' in op) {
        // A nested txn's branch is checked when it runs.
      }
    }
  }

  private compare(t: TxnRead, c: Compare): boolean {
    const end = rangeEnd(c.rangeEnd);
    const kvs = t.range(c.key, end).kvs;
    if (kvs.length === 0) {
      // A missing key compares as zero for numeric targets; a value compare on it fails.
      if (c.target === CompareTarget.VALUE) return false;
      return compareOne(c, zeroKv(c.key));
    }
    return kvs.every((kv) => compareOne(c, kv));
  }

  compaction(c: CompactionRequest): { header: ResponseHeader } {
    this.kv.compact(c.revision);
    return { header: hdr(this.kv.currentRev) };
  }

  leaseGrant(g: LeaseGrantRequest): LeaseGrantResponse {
    const l = this.lessor.grant(g.ID, g.TTL);
    return { header: hdr(this.kv.currentRev), ID: l.id, TTL: l.ttl, error: '' };
  }

  /** Revoking deletes every attached key in one revision. */
  leaseRevoke(r: LeaseRevokeRequest): { header: ResponseHeader } {
    if (!this.lessor.lookup(r.ID)) throw Errors.leaseNotFound();
    const keys = [...this.lessor.lookup(r.ID)!.keys].sort();
    const t = this.kv.write();
    for (const k of keys) t.deleteRange(k, undefined);
    this.lessor.revoke(r.ID);
    t.end();
    return { header: hdr(this.kv.currentRev) };
  }
}

function zeroKv(key: string): KeyValue {
  return { key, createRevision: 0, modRevision: 0, version: 0, value: '', lease: NO_LEASE };
}

function compareOne(c: Compare, kv: KeyValue): boolean {
  let cmp: number;
  switch (c.target) {
    case CompareTarget.VALUE: {
      const v = c.value ?? '';
      cmp = kv.value < v ? -1 : kv.value > v ? 1 : 0;
      break;
    }
    case CompareTarget.VERSION:
      cmp = Math.sign(kv.version - (c.version ?? 0));
      break;
    case CompareTarget.CREATE:
      cmp = Math.sign(kv.createRevision - (c.createRevision ?? 0));
      break;
    case CompareTarget.MOD:
      cmp = Math.sign(kv.modRevision - (c.modRevision ?? 0));
      break;
    case CompareTarget.LEASE: {
      const l = c.lease ?? 0n;
      cmp = kv.lease < l ? -1 : kv.lease > l ? 1 : 0;
      break;
    }
  }
  switch (c.result) {
    case CompareResult.EQUAL:
      return cmp === 0;
    case CompareResult.NOT_EQUAL:
      return cmp !== 0;
    case CompareResult.GREATER:
      return cmp > 0;
    case CompareResult.LESS:
      return cmp < 0;
  }
}

function sortKvs(kvs: KeyValue[], target: SortTarget, order: SortOrder): KeyValue[] {
  const key = (kv: KeyValue): number | string => {
    switch (target) {
      case SortTarget.KEY:
        return kv.key;
      case SortTarget.VERSION:
        return kv.version;
      case SortTarget.CREATE:
        return kv.createRevision;
      case SortTarget.MOD:
        return kv.modRevision;
      case SortTarget.VALUE:
        return kv.value;
    }
  };
  const sign = order === SortOrder.DESCEND ? -1 : 1;
  return [...kvs].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return sign * (x < y ? -1 : x > y ? 1 : 0);
  });
}
