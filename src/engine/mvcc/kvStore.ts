// The multi-version key-value store (etcd's mvcc store): every write transaction gets the next
// main revision; each change in it a sub revision. The backend maps packed revision -> the
// KeyValue written at it (a tombstone is a KeyValue with version 0). The tree index says which
// revision of a key is visible at a given store revision.
import { Crc32c } from '../base/crc32c.ts';
import { Errors } from '../base/errors.ts';
import type { KeyValue } from '../etcdserverpb.ts';
import { marshalKeyValue, revisionKeyBytes } from './encoding.ts';
import { packRev, unpackRev } from './revision.ts';
import { TreeIndex } from './treeIndex.ts';

export const NO_LEASE = 0n;

/** What the store needs from the lessor: which lease a key is attached to, and (de)attachment. */
export interface LeaseAttacher {
  leaseOf(key: string): bigint;
  attach(lease: bigint, key: string): void;
  detach(lease: bigint, key: string): void;
}

export interface RangeOptions {
  limit?: number;
  rev?: number;
  count?: boolean;
}

export interface RangeResult {
  kvs: KeyValue[];
  rev: number;
  count: number;
}

export interface TxnRead {
  range(key: string, end: string | undefined, ro?: RangeOptions): RangeResult;
  rev(): number;
}

export interface TxnWrite extends TxnRead {
  put(key: string, value: string, lease: bigint): void;
  deleteRange(key: string, end: string | undefined): number;
  changes(): readonly KeyValue[];
  end(): void;
}

export function isTombstone(kv: KeyValue): boolean {
  return kv.version === 0;
}

export class KVStore {
  readonly index = new TreeIndex();
  /** packed revision -> what was written at it */
  readonly backend = new Map<number, KeyValue>();
  /** How many changes each main revision made (compaction leaves holes in the sub numbers). */
  readonly changeCounts = new Map<number, number>();
  currentRev = 1;
  compactMainRev = -1;
  /** Called with every write transaction's changes, in order, once it ends (watches hook in here). */
  onCommit: ((changes: readonly KeyValue[], rev: number) => void) | undefined;

  constructor(public leases: LeaseAttacher = noLeases) {}

  read(): TxnRead {
    const rev = this.currentRev;
    return {
      rev: () => rev,
      range: (key, end, ro = {}) => this.rangeKeys(key, end, rev, ro),
    };
  }

  write(): TxnWrite {
    return new StoreTxnWrite(this);
  }

  /** The KeyValue stored at a packed revision. */
  at(packed: number): KeyValue | undefined {
    return this.backend.get(packed);
  }

  rangeKeys(key: string, end: string | undefined, curRev: number, ro: RangeOptions): RangeResult {
    let rev = ro.rev ?? 0;
    if (rev > curRev) throw Errors.futureRev();
    if (rev <= 0) rev = curRev;
    if (rev < this.compactMainRev) throw Errors.compacted();
    const limit = ro.limit ?? 0;
    const { revs, total } = this.index.range(key, end, rev, ro.count ? -1 : limit);
    if (ro.count) return { kvs: [], rev: curRev, count: total };
    const kvs: KeyValue[] = [];
    for (const r of revs) {
      const kv = this.backend.get(packRev(r.modified.main, r.modified.sub));
      if (!kv)
        throw new Error(`mvcc: revision ${r.modified.main}_${r.modified.sub} of ${JSON.stringify(r.key)} missing`);
      kvs.push(kv);
    }
    return { kvs, rev: curRev, count: total };
  }

  /** Forget history before `rev`: reads below it fail from now on. */
  compact(rev: number): void {
    if (rev <= this.compactMainRev) throw Errors.compacted();
    if (rev > this.currentRev) throw Errors.futureRev();
    this.compactMainRev = rev;
    const keep = this.index.compact(rev);
    const upper = packRev(rev + 1, 0);
    for (const packed of this.backend.keys()) {
      if (packed >= upper) break;
      if (!keep.has(packed)) this.backend.delete(packed);
    }
    for (const main of this.changeCounts.keys()) {
      if (main >= rev) break;
      this.changeCounts.delete(main);
    }
  }

  /** etcd's HashByRev: CRC-32C over the backend's revision keys and values up to `rev`. */
  hashByRev(rev: number): { hash: number; currentRev: number; compactRev: number } {
    if (rev > 0 && rev <= this.compactMainRev) throw Errors.compacted();
    if (rev > this.currentRev) throw Errors.futureRev();
    if (rev === 0) rev = this.currentRev;
    const keep = this.index.keep(rev);
    const upper = packRev(rev + 1, 0);
    const lower = packRev(this.compactMainRev + 1, 0);
    const h = new Crc32c().update('key');
    for (const [packed, kv] of this.backend) {
      if (packed >= upper) break;
      if (packed < lower && keep.size > 0 && !keep.has(packed)) continue;
      const { main, sub } = unpackRev(packed);
      h.update(revisionKeyBytes(main, sub, isTombstone(kv)));
      h.update(marshalKeyValue(isTombstone(kv) ? { ...kv, modRevision: 0 } : kv));
    }
    return { hash: h.digest(), currentRev: this.currentRev, compactRev: this.compactMainRev };
  }

  /** Every change written at main revisions in [from, to], in revision order (for catching up watches). */
  changesBetween(from: number, to: number, visit: (kv: KeyValue, main: number) => void): void {
    for (let main = Math.max(from, 1); main <= to; main++) {
      const n = this.changeCounts.get(main) ?? 0;
      for (let sub = 0; sub < n; sub++) {
        const kv = this.backend.get(packRev(main, sub));
        if (kv) visit(kv, main);
      }
    }
  }
}

class StoreTxnWrite implements TxnWrite {
  private readonly beginRev: number;
  private readonly changed: KeyValue[] = [];

  constructor(private readonly s: KVStore) {
    this.beginRev = s.currentRev;
  }

  rev(): number {
    return this.changed.length ? this.beginRev + 1 : this.beginRev;
  }

  range(key: string, end: string | undefined, ro: RangeOptions = {}): RangeResult {
    return this.s.rangeKeys(key, end, this.rev(), ro);
  }

  put(key: string, value: string, lease: bigint): void {
    const rev = this.beginRev + 1;
    let created = rev;
    let oldLease = NO_LEASE;
    const at = this.s.index.get(key, rev);
    let ver = 1;
    if (at) {
      created = at.created.main;
      ver = at.ver + 1;
      oldLease = this.s.leases.leaseOf(key);
    }
    const sub = this.changed.length;
    const kv: KeyValue = { key, createRevision: created, modRevision: rev, version: ver, value, lease };
    this.s.backend.set(packRev(rev, sub), kv);
    this.s.index.put(key, { main: rev, sub });
    this.changed.push(kv);
    if (oldLease !== NO_LEASE) this.s.leases.detach(oldLease, key);
    if (lease !== NO_LEASE) this.s.leases.attach(lease, key);
  }

  deleteRange(key: string, end: string | undefined): number {
    const { revs } = this.s.index.range(key, end, this.rev());
    for (const r of revs) this.delete(r.key);
    return revs.length;
  }

  private delete(key: string): void {
    const rev = this.beginRev + 1;
    const sub = this.changed.length;
    const kv: KeyValue = { key, createRevision: 0, modRevision: rev, version: 0, value: '', lease: NO_LEASE };
    this.s.backend.set(packRev(rev, sub), kv);
    this.s.index.tombstone(key, { main: rev, sub });
    this.changed.push(kv);
    const lease = this.s.leases.leaseOf(key);
    if (lease !== NO_LEASE) this.s.leases.detach(lease, key);
  }

  changes(): readonly KeyValue[] {
    return this.changed;
  }

  end(): void {
    if (this.changed.length === 0) return;
    this.s.currentRev++;
    this.s.changeCounts.set(this.s.currentRev, this.changed.length);
    this.s.onCommit?.(this.changed, this.s.currentRev);
  }
}

const noLeases: LeaseAttacher = {
  leaseOf: () => NO_LEASE,
  attach: () => {},
  detach: () => {},
};
