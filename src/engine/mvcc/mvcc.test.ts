import { describe, expect, it } from 'vitest';
import { Scheduler } from '../base/scheduler.ts';
import { EventType, WatchFilterType } from '../etcdserverpb.ts';
import { KeyIndex } from './keyIndex.ts';
import { KVStore } from './kvStore.ts';
import { mainOf, packRev, unpackRev } from './revision.ts';
import { WatchableStore, type WatchBatch } from './watchableStore.ts';

function put(s: KVStore, key: string, value: string, lease = 0n): void {
  const t = s.write();
  t.put(key, value, lease);
  t.end();
}

function del(s: KVStore, key: string, end?: string): number {
  const t = s.write();
  const n = t.deleteRange(key, end);
  t.end();
  return n;
}

describe('revisions', () => {
  it('pack and unpack (main, sub)', () => {
    expect(unpackRev(packRev(12345, 17))).toEqual({ main: 12345, sub: 17 });
    expect(packRev(2, 0) < packRev(2, 1) && packRev(2, 99) < packRev(3, 0)).toBe(true);
  });
});

describe('key index generations (etcd key_index.go)', () => {
  // put@2 put@3 del@4 put@5: generations {2,3,4(t)} {5}
  const ki = () => {
    const k = new KeyIndex('foo');
    k.put(2, 0);
    k.put(3, 0);
    k.tombstone(4, 0);
    k.put(5, 0);
    return k;
  };

  it('records a generation per life of the key', () => {
    const k = ki();
    expect(k.generations.map((g) => g.revs.map(mainOf))).toEqual([[2, 3, 4], [5]]);
    expect(k.generations.map((g) => g.ver)).toEqual([3, 1]);
  });

  it('reads the key as of any revision', () => {
    const k = ki();
    expect(k.get(1)).toBeUndefined();
    expect(k.get(2)).toMatchObject({ modified: { main: 2 }, created: { main: 2 }, ver: 1 });
    expect(k.get(3)).toMatchObject({ modified: { main: 3 }, created: { main: 2 }, ver: 2 });
    expect(k.get(4)).toBeUndefined(); // deleted at 4
    expect(k.get(5)).toMatchObject({ modified: { main: 5 }, created: { main: 5 }, ver: 1 });
    expect(k.get(100)).toMatchObject({ modified: { main: 5 } });
  });

  it('compacts, keeping the newest revision at or below the point in each generation', () => {
    const k = ki();
    const avail = new Set<number>();
    k.compact(3, avail);
    expect(k.generations.map((g) => g.revs.map(mainOf))).toEqual([[3, 4], [5]]);
    expect([...avail]).toEqual([packRev(3, 0)]);
    const avail2 = new Set<number>();
    k.compact(4, avail2); // only the tombstone would be left: the generation goes
    expect(k.generations.map((g) => g.revs.map(mainOf))).toEqual([[5]]);
    expect(avail2.size).toBe(0);
  });

  it('refuses to delete a key that is not alive', () => {
    const k = new KeyIndex('x');
    expect(() => k.tombstone(2, 0)).toThrow();
  });
});

describe('MVCC store', () => {
  it('gives every write transaction the next revision, starting from 2', () => {
    const s = new KVStore();
    expect(s.currentRev).toBe(1);
    put(s, 'foo', 'v1');
    put(s, 'foo', 'v2');
    expect(s.currentRev).toBe(3);
    const kv = s.read().range('foo', undefined).kvs[0];
    expect(kv).toMatchObject({ createRevision: 2, modRevision: 3, version: 2, value: 'v2' });
  });

  it('does not move the revision for a delete of nothing', () => {
    const s = new KVStore();
    expect(del(s, 'nope')).toBe(0);
    expect(s.currentRev).toBe(1);
  });

  it('deletes a range in one revision, and recreates keys with a new generation', () => {
    const s = new KVStore();
    put(s, 'k1', 'a');
    put(s, 'k2', 'b');
    expect(del(s, 'k', 'l')).toBe(2);
    expect(s.currentRev).toBe(4);
    put(s, 'k1', 'c');
    expect(s.read().range('k1', undefined).kvs[0]).toMatchObject({ createRevision: 5, version: 1 });
    expect(s.read().range('k1', undefined, { rev: 3 }).kvs[0]).toMatchObject({ value: 'a' });
    expect(s.read().range('k1', undefined, { rev: 4 }).kvs).toEqual([]);
  });

  it('ranges over [key, end), from a key, with limits and counts', () => {
    const s = new KVStore();
    for (const k of ['a', 'b', 'c', 'd']) put(s, k, k.toUpperCase());
    const keys = (end: string | undefined, limit = 0) =>
      s
        .read()
        .range('b', end, { limit })
        .kvs.map((kv) => kv.key);
    expect(keys('d')).toEqual(['b', 'c']);
    expect(keys('\x00')).toEqual(['b', 'c', 'd']);
    expect(keys('\x00', 1)).toEqual(['b']);
    expect(s.read().range('b', '\x00', { limit: 1 }).count).toBe(3);
    expect(s.read().range('b', '\x00', { count: true })).toMatchObject({ kvs: [], count: 3 });
    expect(keys('a')).toEqual([]);
  });

  it('refuses compacted and future revisions with etcd errors', () => {
    const s = new KVStore();
    put(s, 'foo', 'a');
    put(s, 'foo', 'b');
    put(s, 'foo', 'c');
    s.compact(3);
    expect(() => s.read().range('foo', undefined, { rev: 2 })).toThrow('required revision has been compacted');
    expect(s.read().range('foo', undefined, { rev: 3 }).kvs[0].value).toBe('b');
    expect(() => s.read().range('foo', undefined, { rev: 9 })).toThrow('required revision is a future revision');
    expect(() => s.compact(3)).toThrow('compacted');
    expect(() => s.compact(99)).toThrow('future');
  });

  it('compaction drops old revisions from the backend', () => {
    const s = new KVStore();
    for (let i = 0; i < 10; i++) put(s, 'k', `v${i}`);
    del(s, 'gone');
    put(s, 'x', '1');
    del(s, 'x');
    expect(s.backend.size).toBe(12);
    s.compact(s.currentRev);
    expect(s.backend.size).toBe(1); // k's last value; x's tombstone generation is gone
  });

  it('hashes the empty store as etcd does (hashkv 1084519789)', () => {
    expect(new KVStore().hashByRev(0).hash).toBe(1084519789);
  });

  it('hash changes with writes and is the same for the same history', () => {
    const a = new KVStore();
    const b = new KVStore();
    for (const s of [a, b]) {
      put(s, 'foo', 'bar');
      del(s, 'foo');
    }
    expect(a.hashByRev(0).hash).toBe(b.hashByRev(0).hash);
    expect(a.hashByRev(0).hash).not.toBe(1084519789);
  });
});

describe('watchable store', () => {
  const setup = () => {
    const sched = new Scheduler();
    const kv = new KVStore();
    const ws = new WatchableStore(kv, sched);
    const got: WatchBatch[] = [];
    return { sched, kv, ws, got, send: (b: WatchBatch) => got.push(b) };
  };

  it('delivers every change of a txn in one response', () => {
    const { kv, ws, got, send } = setup();
    ws.watch({ key: 'a', end: 'z', send });
    const t = kv.write();
    t.put('b', '1', 0n);
    t.put('c', '2', 0n);
    t.end();
    expect(got.length).toBe(1);
    expect(got[0].events.map((e) => e.kv.key)).toEqual(['b', 'c']);
    expect(got[0].revision).toBe(2);
  });

  it('catches up a watcher from a past revision in a sync pass, then follows', () => {
    const { sched, kv, ws, got, send } = setup();
    put(kv, 'foo', 'a');
    put(kv, 'bar', 'x');
    put(kv, 'foo', 'b');
    ws.watch({ key: 'foo', startRev: 2, send });
    expect(got.length).toBe(0);
    sched.advance(100);
    expect(got[0].events.map((e) => e.kv.value)).toEqual(['a', 'b']);
    put(kv, 'foo', 'c');
    expect(got[1].events.map((e) => e.kv.value)).toEqual(['c']);
  });

  it('gives prev_kv and applies filters', () => {
    const { kv, ws, got, send } = setup();
    put(kv, 'k', 'old');
    ws.watch({ key: 'k', prevKv: true, filters: [WatchFilterType.NOPUT], send });
    put(kv, 'k', 'new');
    del(kv, 'k');
    expect(got.length).toBe(1);
    expect(got[0].events[0].type).toBe(EventType.DELETE);
    expect(got[0].events[0].prevKv?.value).toBe('new');
  });

  it('cancels a watcher whose start revision was compacted', () => {
    const { sched, kv, ws, got, send } = setup();
    put(kv, 'k', '1');
    put(kv, 'k', '2');
    put(kv, 'k', '3');
    kv.compact(3);
    ws.watch({ key: 'k', startRev: 2, send });
    sched.advance(100);
    expect(got).toHaveLength(1);
    expect(got[0].compactRevision).toBe(3);
    expect(ws.synced.size + ws.unsynced.size).toBe(0);
  });

  it('catches up from the compaction revision across the holes compaction leaves (found by the watch property test)', () => {
    const { sched, kv, ws, got, send } = setup();
    put(kv, 'a', '1');
    const t = kv.write();
    t.deleteRange('a', undefined); // (3,0): a tombstone, dropped by compacting at 3
    t.put('c', '2', 0n); // (3,1): kept
    t.end();
    ws.watch({ key: 'a', end: '\x00', startRev: 3, send });
    kv.compact(3);
    sched.advance(100);
    expect(got.flatMap((b) => b.events.map((e) => e.kv.key))).toEqual(['c']);
  });

  it('stops delivering after cancel', () => {
    const { kv, ws, got, send } = setup();
    const w = ws.watch({ key: 'k', send });
    ws.cancel(w);
    put(kv, 'k', 'v');
    expect(got).toHaveLength(0);
  });
});
