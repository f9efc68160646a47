// The ordered index from key to its KeyIndex, on a B+ tree (sorted-btree), as etcd keeps a
// google/btree of keyIndex. Keys are byte strings, so the tree's default string order is byte order.
import BTreeExport from 'sorted-btree';
import { FROM_KEY_END } from '../base/bytes.ts';
import type { KeyValue } from '../etcdserverpb.ts';
import { type KeyAt, KeyIndex } from './keyIndex.ts';

// sorted-btree is CommonJS: Node's ESM loader hands over module.exports, bundlers the class.
const BTree = (BTreeExport as unknown as { default?: typeof BTreeExport }).default ?? BTreeExport;

export class TreeIndex {
  private readonly tree: BTreeExport<string, KeyIndex> = new BTree<string, KeyIndex>();

  /**
   * The key's index entry, created if new, in one descent of the tree for a new key: insert a
   * fresh entry unless the key is there (then take the existing one with a second descent).
   * Measured against get-then-insert and against a hash map beside the tree: both slower.
   */
  getOrCreate(key: string): KeyIndex {
    const fresh = new KeyIndex(key);
    if (this.tree.set(key, fresh, false)) return fresh;
    return this.tree.get(key)!;
  }

  put(key: string, main: number, sub: number, kv?: KeyValue): void {
    this.getOrCreate(key).put(main, sub, kv);
  }

  tombstone(key: string, main: number, sub: number, kv?: KeyValue): void {
    const ki = this.tree.get(key);
    if (!ki) throw new Error(`tombstone of a key not in the index: ${JSON.stringify(key)}`);
    ki.tombstone(main, sub, kv);
  }

  get(key: string, atRev: number): KeyAt | undefined {
    return this.tree.get(key)?.get(atRev);
  }

  keyIndex(key: string): KeyIndex | undefined {
    return this.tree.get(key);
  }

  /**
   * The keys in [key, end) alive at `atRev`, in key order: at most `limit` of their values
   * (0: all) and how many there are in all. No end: just `key`; end "\x00": every key from
   * `key` on. `lookup` reads an older revision's value from the backend.
   */
  range(
    key: string,
    end: string | undefined,
    atRev: number,
    limit: number,
    lookup: (packed: number) => KeyValue | undefined,
  ): { kvs: KeyValue[]; total: number } {
    const kvs: KeyValue[] = [];
    let total = 0;
    const visit = (ki: KeyIndex) => {
      let kv = ki.latestAt(atRev);
      if (kv === null) return;
      if (kv === undefined) {
        const r = ki.modifiedAt(atRev);
        if (r < 0) return;
        kv = lookup(r);
        if (!kv) throw new Error(`mvcc: revision ${r} of ${JSON.stringify(ki.key)} missing from the backend`);
      }
      total++;
      if (limit <= 0 || kvs.length < limit) kvs.push(kv);
    };
    if (end === undefined || end === '') {
      const ki = this.tree.get(key);
      if (ki) visit(ki);
      return { kvs, total };
    }
    const fromKey = end === FROM_KEY_END;
    if (!fromKey && end <= key) return { kvs, total };
    const high = fromKey ? this.tree.maxKey() : end;
    if (high === undefined) return { kvs, total };
    this.tree.forRange(key, high, fromKey, (_k, ki) => {
      // The common case inline: the key's newest value is the one asked for.
      if (ki.latest !== undefined && ki.latestMain <= atRev) {
        if (!ki.alive) return;
        total++;
        if (limit <= 0 || kvs.length < limit) kvs.push(ki.latest);
        return;
      }
      visit(ki);
    });
    return { kvs, total };
  }

  /**
   * The first `limit` keys in key order with their newest entries (a picture's first rows):
   * those alive now, and those deleted whose history compaction has not removed yet.
   */
  first(limit: number): { kv: KeyValue; ki: KeyIndex }[] {
    const out: { kv: KeyValue; ki: KeyIndex }[] = [];
    if (limit <= 0) return out;
    for (const [, ki] of this.tree.entries()) {
      if (ki.latest) out.push({ kv: ki.latest, ki });
      if (out.length >= limit) break;
    }
    return out;
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
