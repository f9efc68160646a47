// The ordered index from key to its KeyIndex, on a B+ tree (sorted-btree), as etcd keeps a
// google/btree of keyIndex. Keys are byte strings, so the tree's default string order is byte order.
import BTreeExport from 'sorted-btree';

// sorted-btree is CommonJS: Node's ESM loader hands over module.exports, bundlers the class.
const BTree = (BTreeExport as unknown as { default?: typeof BTreeExport }).default ?? BTreeExport;

import { FROM_KEY_END } from '../base/bytes.ts';
import { type KeyAt, KeyIndex } from './keyIndex.ts';
import type { Revision } from './revision.ts';

export interface IndexedRev extends KeyAt {
  key: string;
}

export class TreeIndex {
  private readonly tree: BTreeExport<string, KeyIndex> = new BTree<string, KeyIndex>();

  put(key: string, rev: Revision): void {
    let ki = this.tree.get(key);
    if (!ki) {
      ki = new KeyIndex(key);
      this.tree.set(key, ki);
    }
    ki.put(rev.main, rev.sub);
  }

  tombstone(key: string, rev: Revision): void {
    const ki = this.tree.get(key);
    if (!ki) throw new Error(`tombstone of a key not in the index: ${JSON.stringify(key)}`);
    ki.tombstone(rev.main, rev.sub);
  }

  get(key: string, atRev: number): KeyAt | undefined {
    return this.tree.get(key)?.get(atRev);
  }

  keyIndex(key: string): KeyIndex | undefined {
    return this.tree.get(key);
  }

  /**
   * Visit the keys in [key, end) alive at `atRev`, in key order; `visit` returns false to stop.
   * No end: just `key`. End "\x00": every key from `key` on.
   */
  visit(key: string, end: string | undefined, atRev: number, visit: (r: IndexedRev) => boolean | undefined): void {
    if (end === undefined || end === '') {
      const at = this.get(key, atRev);
      if (at) visit({ key, ...at });
      return;
    }
    const high = end === FROM_KEY_END ? undefined : end;
    if (high !== undefined && high <= key) return;
    const it = this.tree.entries(key);
    for (let r = it.next(); !r.done; r = it.next()) {
      const [k, ki] = r.value;
      if (high !== undefined && k >= high) break;
      const at = ki.get(atRev);
      if (at && visit({ key: k, ...at }) === false) break;
    }
  }

  range(key: string, end: string | undefined, atRev: number, limit = 0): { revs: IndexedRev[]; total: number } {
    const revs: IndexedRev[] = [];
    let total = 0;
    this.visit(key, end, atRev, (r) => {
      total++;
      if (limit <= 0 || revs.length < limit) revs.push(r);
      return true;
    });
    return { revs, total };
  }

  /** Compact every key's history at `rev`; returns the packed revisions that must stay. */
  compact(rev: number): Set<number> {
    const available = new Set<number>();
    const empty: string[] = [];
    this.tree.forEach((ki, k) => {
      ki.compact(rev, available);
      if (ki.isEmpty()) empty.push(k);
    });
    for (const k of empty) this.tree.delete(k);
    return available;
  }

  keep(rev: number): Set<number> {
    const available = new Set<number>();
    this.tree.forEach((ki) => {
      ki.keep(rev, available);
    });
    return available;
  }

  get size(): number {
    return this.tree.size;
  }
}
