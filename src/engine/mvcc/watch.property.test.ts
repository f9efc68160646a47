// Watch guarantees on random runs (etcd's docs, "Watch API guarantees"): every watcher gets
// the events of its range in revision order (ordered), each once (unique), all events of one
// revision in the same response (atomic), and from the revision it asked for on (resumable) —
// unless that revision was compacted, which cancels it with the compaction revision.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { Scheduler } from '../base/scheduler.ts';
import { EventType } from '../etcdserverpb.ts';
import { KVStore } from './kvStore.ts';
import { WatchableStore, type WatchBatch } from './watchableStore.ts';

type Action =
  | { t: 'write'; ops: { put: boolean; k: string }[] }
  | { t: 'watch'; k: string; end?: string; back: number }
  | { t: 'compact'; back: number }
  | { t: 'wait'; ms: number };

const key = fc.constantFrom('a', 'b', 'ba', 'c');
// etcd's API refuses a txn that writes one key twice, so a write touches each key once.
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('write' as const),
      ops: fc.uniqueArray(fc.record({ put: fc.boolean(), k: key }), {
        minLength: 1,
        maxLength: 3,
        selector: (o) => o.k,
      }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('watch' as const),
      k: key,
      end: fc.option(fc.constantFrom('\x00', 'c'), { nil: undefined }),
      back: fc.integer({ min: -1, max: 6 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('compact' as const), back: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 250 }) }) },
);

function inRange(k: string, key: string, end?: string): boolean {
  if (end === undefined) return k === key;
  if (end === '\x00') return k >= key;
  return k >= key && k < end;
}

describe('watch guarantees', () => {
  it('ordered, unique, atomic and resumable on random histories', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 50 }), (actions) => {
        const sched = new Scheduler();
        const kv = new KVStore();
        const ws = new WatchableStore(kv, sched);
        /** Every change ever committed: revision, sub index, key, type. */
        const history: { rev: number; key: string; type: EventType }[] = [];
        const watchers: { k: string; end?: string; start: number; got: WatchBatch[] }[] = [];
        const compactions: number[] = [];
        for (const a of actions) {
          if (a.t === 'write') {
            const t = kv.write();
            for (const o of a.ops) {
              if (o.put) t.put(o.k, 'v', 0n);
              else t.deleteRange(o.k, undefined);
            }
            for (const c of t.changes())
              history.push({
                rev: c.modRevision,
                key: c.key,
                type: c.version === 0 ? EventType.DELETE : EventType.PUT,
              });
            t.end();
          } else if (a.t === 'watch') {
            const start = a.back < 0 ? 0 : Math.max(1, kv.currentRev - a.back);
            const w = { k: a.k, end: a.end, start, got: [] as WatchBatch[] };
            watchers.push(w);
            ws.watch({ key: a.k, end: a.end, startRev: start, send: (b) => w.got.push(b) });
          } else if (a.t === 'compact') {
            const rev = kv.currentRev - a.back;
            if (rev > kv.compactMainRev && rev >= 1) {
              kv.compact(rev);
              compactions.push(rev);
            }
          } else sched.advance(a.ms);
        }
        sched.advance(200); // let every sync pass run
        for (const w of watchers) {
          const cancelled = w.got.find((b) => b.compactRevision > 0);
          if (cancelled) {
            if (w.got.length !== 1 || w.got[0].events.length) throw new Error('a compacted watcher got events');
            continue;
          }
          const events = w.got.flatMap((b) =>
            b.events.map((e) => ({ rev: e.kv.modRevision, key: e.kv.key, type: e.type })),
          );
          // ordered and unique
          for (let i = 1; i < events.length; i++) {
            const p = events[i - 1];
            const e = events[i];
            if (e.rev < p.rev) throw new Error(`out of order: ${JSON.stringify(events)}`);
            if (e.rev === p.rev && e.key === p.key && e.type === p.type) throw new Error('duplicate event');
          }
          // atomic: a revision never spans two responses
          const revsPerBatch = w.got.map((b) => new Set(b.events.map((e) => e.kv.modRevision)));
          for (let i = 0; i < revsPerBatch.length; i++)
            for (let j = i + 1; j < revsPerBatch.length; j++)
              for (const r of revsPerBatch[i])
                if (revsPerBatch[j].has(r)) throw new Error(`revision ${r} split across responses`);
          // resumable: exactly the history of its range from its start revision
          const from = w.start === 0 ? Number.POSITIVE_INFINITY : w.start;
          const want = history.filter(
            (h) => h.rev >= Math.min(from, Number.MAX_SAFE_INTEGER) && inRange(h.key, w.k, w.end),
          );
          const expected = w.start === 0 ? events : want;
          // As in etcd: compaction at revision N drops a tombstone written at N, so a watcher
          // that starts exactly at the compaction revision does not see deletes made at it.
          const withoutCompactedTombstones = want.filter(
            (h) => !(h.type === EventType.DELETE && h.rev === w.start && compactions.includes(w.start)),
          );
          if (
            JSON.stringify(events) !== JSON.stringify(expected) &&
            JSON.stringify(events) !== JSON.stringify(withoutCompactedTombstones)
          ) {
            throw new Error(
              `watch ${JSON.stringify([w.k, w.end, w.start])} got ${JSON.stringify(events)}, want ${JSON.stringify(expected)}`,
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
