// The multi-version key-value store (etcd's mvcc store): every write transaction gets the next
// main revision; each change in it a sub revision. The backend maps packed revision -> the
// KeyValue written at it (a tombstone is a KeyValue with version 0). The tree index says which
// revision of a key is visible at a given store revision.

import { FROM_KEY_END } from '../base/bytes.ts';
import { Crc32c } from '../base/crc32c.ts';
import { Errors } from '../base/errors.ts';
import type { KeyValue } from '../etcdserverpb.ts';
import { Backend } from './backend.ts';
import { marshalKeyValue, revisionKeyBytes } from './encoding.ts';
import type { KeyIndex } from './keyIndex.ts';
import { mainOf, packRev } from './revision.ts';
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
  index = new TreeIndex();
  /** What every revision wrote. */
  backend = new Backend();
  currentRev = 1;
  compactMainRev = -1;
  /** Keys alive now, kept as writes happen (pictures show it every frame; counting is a walk). */
  liveKeys = 0;
  /** Called with every write transaction's changes, in order, once it ends (watches hook in here). */
  onCommit: ((changes: readonly KeyValue[], rev: number) => void) | undefined;

  constructor(public leases: LeaseAttacher = noLeases) {}

  /** Every record the backend holds, in revision order: the store's part of a snapshot. */
  records(): [number, number, KeyValue][] {
    const out: [number, number, KeyValue][] = [];
    this.backend.forEachIn(0, this.currentRev, (kv, main, sub) => out.push([main, sub, kv]));
    return out;
  }

  /** Replace everything with a snapshot's records (a member that installs a snapshot). */
  restore(records: readonly [number, number, KeyValue][], currentRev: number, compactMainRev: number): void {
    this.index = new TreeIndex();
    this.backend = new Backend();
    for (const [main, sub, kv] of records) {
      this.backend.set(main, sub, kv);
      const ki = this.index.getOrCreate(kv.key);
      if (isTombstone(kv)) {
        if (ki.alive) ki.tombstone(main, sub, kv);
      } else ki.put(main, sub, kv);
    }
    this.currentRev = currentRev;
    this.compactMainRev = compactMainRev;
    this.liveKeys = this.index.range('\x00', FROM_KEY_END, currentRev, -1, (p) => this.backend.get(p)).total;
  }

  /** The first `limit` keys alive now, in key order, with their index entries, without walking the rest. */
  firstKeys(limit: number): { kv: KeyValue; ki: KeyIndex }[] {
    return this.index.first(limit);
  }

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

  rangeKeys(key: string, end: string | undefined, curRev: number, ro: RangeOptions): RangeResult {
    let rev = ro.rev ?? 0;
    if (rev > curRev) throw Errors.futureRev();
    if (rev <= 0) rev = curRev;
    if (rev < this.compactMainRev) throw Errors.compacted();
    const limit = ro.limit ?? 0;
    const { kvs, total } = this.index.range(key, end, rev, ro.count ? -1 : limit, (p) => this.backend.get(p));
    return { kvs: ro.count ? [] : kvs, rev: curRev, count: total };
  }

  /** Forget history before `rev`: reads below it fail from now on. */
  compact(rev: number): void {
    if (rev <= this.compactMainRev) throw Errors.compacted();
    if (rev > this.currentRev) throw Errors.futureRev();
    const from = Math.max(0, this.compactMainRev);
    this.compactMainRev = rev;
    const keep = this.index.compact(rev);
    const drop: [number, number][] = [];
    this.backend.forEachIn(from, rev, (_kv, main, sub) => {
      if (!keep.has(packRev(main, sub))) drop.push([main, sub]);
    });
    for (const [main, sub] of drop) this.backend.delete(main, sub);
  }

  /** etcd's HashByRev: CRC-32C over the backend's revision keys and values up to `rev`. */
  hashByRev(rev: number): { hash: number; currentRev: number; compactRev: number } {
    if (rev > 0 && rev <= this.compactMainRev) throw Errors.compacted();
    if (rev > this.currentRev) throw Errors.futureRev();
    if (rev === 0) rev = this.currentRev;
    const keep = this.index.keep(rev);
    const lower = this.compactMainRev + 1;
    const h = new Crc32c().update('key');
    this.backend.forEachIn(0, rev, (kv, main, sub) => {
      if (main < lower && keep.size > 0 && !keep.has(packRev(main, sub))) return;
      h.update(revisionKeyBytes(main, sub, isTombstone(kv)));
      h.update(marshalKeyValue(isTombstone(kv) ? { ...kv, modRevision: 0 } : kv));
    });
    return { hash: h.digest(), currentRev: this.currentRev, compactRev: this.compactMainRev };
  }

  /** Every change written at main revisions in [from, to], in revision order (for catching up watches). */
  changesBetween(from: number, to: number, visit: (kv: KeyValue, main: number) => void): void {
    this.backend.forEachIn(Math.max(from, 1), to, visit);
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
    const ki = this.s.index.getOrCreate(key);
    let created = rev;
    let oldLease = NO_LEASE;
    let ver = 1;
    if (!ki.alive) this.s.liveKeys++;
    else {
      const live = ki.liveVersion()!;
      created = mainOf(live.created);
      ver = live.ver + 1;
      oldLease = this.s.leases.leaseOf(key);
    }
    const sub = this.changed.length;
    const kv: KeyValue = { key, createRevision: created, modRevision: rev, version: ver, value, lease };
    this.s.backend.set(rev, sub, kv);
    ki.put(rev, sub, kv);
    this.changed.push(kv);
    if (oldLease !== NO_LEASE) this.s.leases.detach(oldLease, key);
    if (lease !== NO_LEASE) this.s.leases.attach(lease, key);
  }

  deleteRange(key: string, end: string | undefined): number {
    const keys = this.s.index.range(key, end, this.rev(), 0, (p) => this.s.backend.get(p)).kvs.map((kv) => kv.key);
    for (const k of keys) this.delete(k);
    return keys.length;
  }

  private delete(key: string): void {
    const rev = this.beginRev + 1;
    const sub = this.changed.length;
    const kv: KeyValue = { key, createRevision: 0, modRevision: rev, version: 0, value: '', lease: NO_LEASE };
    this.s.backend.set(rev, sub, kv);
    this.s.index.tombstone(key, rev, sub, kv);
    this.s.liveKeys--;
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
    this.s.onCommit?.(this.changed, this.s.currentRev);
  }
}

const noLeases: LeaseAttacher = {
  leaseOf: () => NO_LEASE,
  attach: () => {},
  detach: () => {},
};
