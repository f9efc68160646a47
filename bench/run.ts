// npm run bench: the engine's hot paths against baselines measured in the same run, printed as
// ratios (timings differ between machines; ratios much less). Results go to docs/benchmarks.md.
//
//   MVCC put          vs a bare B-tree insert of the same keys      target ≥ 0.5×
//   10k prefix range  vs a bare B-tree walk of the same records     target ≤ 2×
//                     (the walk reads each record it passes, as any range must; a walk
//                     that touches only the keys is printed too, for comparison)
//   heap, 1M keys × 2 revisions vs a Map of the same data           target ≤ 3×
import BTreeExport from 'sorted-btree';
import { prefixRangeEnd } from '../src/engine/base/bytes.ts';
import { KVStore } from '../src/engine/mvcc/kvStore.ts';
import { RECORDED_REAL_ETCD_PUTS_PER_S, realEtcdPutsPerSecond, simulatedPutsPerSecond } from './cluster.ts';

const BTree = (BTreeExport as unknown as { default?: typeof BTreeExport }).default ?? BTreeExport;
const N = Number(process.env.BENCH_KEYS ?? 1_000_000);
const PREFIX_KEYS = 10_000;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function heap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function time(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** 1M keys in a shuffled order; 10k of them share the prefix "hot/". */
function makeKeys(): string[] {
  const keys: string[] = [];
  for (let i = 0; i < N; i++)
    keys.push(i < PREFIX_KEYS ? `hot/${i.toString(36).padStart(5, '0')}` : `key/${i.toString(36).padStart(6, '0')}`);
  let s = 12345;
  for (let i = keys.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [keys[i], keys[j]] = [keys[j], keys[i]];
  }
  return keys;
}

interface Row {
  what: string;
  subject: string;
  baseline: string;
  ratio: number;
  target: string;
  ok: boolean;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  // --- the cluster (issue #3): committed puts/s through 3 simulated members vs real etcd ---
  const seq = simulatedPutsPerSecond(30_000, 1);
  const conc = simulatedPutsPerSecond(60_000, 8);
  const real = await realEtcdPutsPerSecond(1_000);
  const realRate = real ?? RECORDED_REAL_ETCD_PUTS_PER_S;
  const realWhat = real
    ? `real etcd 3.4 (3 members, loopback, measured now) ${real.toFixed(0)} puts/s`
    : `real etcd: last recorded ${realRate} puts/s (etcd not installed)`;
  if (realRate > 0) {
    rows.push({
      what: 'committed puts/s, 3 members, 1 client (sequential)',
      subject: `${(seq.rate / 1000).toFixed(1)}k puts/s`,
      baseline: realWhat,
      ratio: seq.rate / realRate,
      target: '≥ 100× real etcd',
      ok: seq.rate / realRate >= 100,
    });
    rows.push({
      what: 'committed puts/s, 3 members, 8 clients',
      subject: `${(conc.rate / 1000).toFixed(1)}k puts/s`,
      baseline: realWhat,
      ratio: conc.rate / realRate,
      target: '≥ 100× real etcd',
      ok: conc.rate / realRate >= 100,
    });
  }

  const keys = makeKeys();
  const values = keys.map((_, i) => `v${i}`);
  /** The same data as plain records, allocated before timing, in the same shuffled order. */
  const records = keys.map((_, i) => ({ value: values[i], rev: i + 2 }));

  // --- puts ---
  const tree = new BTree<string, { value: string; rev: number }>();
  const tTree = time(() => {
    for (let i = 0; i < N; i++) tree.set(keys[i], records[i]);
  });
  const map = new Map<string, string>();
  const tMap = time(() => {
    for (let i = 0; i < N; i++) map.set(keys[i], values[i]);
  });
  const kv = new KVStore();
  const tPut = time(() => {
    for (let i = 0; i < N; i++) {
      const t = kv.write();
      t.put(keys[i], values[i], 0n);
      t.end();
    }
  });
  const putRate = N / (tPut / 1000);
  rows.push({
    what: `put ${N} keys (one txn each)`,
    subject: `${(putRate / 1000).toFixed(0)}k puts/s`,
    baseline: `B-tree insert ${(((N / tTree) * 1000) / 1000).toFixed(0)}k/s, Map ${(((N / tMap) * 1000) / 1000).toFixed(0)}k/s`,
    ratio: tTree / tPut,
    target: '≥ 0.5× B-tree',
    ok: tTree / tPut >= 0.5,
  });

  // --- prefix range ---
  const lo = 'hot/';
  const hi = prefixRangeEnd(lo);
  const reps = 20;
  // Warm both paths up first, so neither pays for the JIT in the timed runs.
  for (let r = 0; r < 5; r++) {
    tree.forRange(lo, hi, false, () => {});
    kv.read().range(lo, hi);
  }
  let walked = 0;
  let sum = 0;
  const tWalk =
    time(() => {
      for (let r = 0; r < reps; r++) {
        walked = 0;
        tree.forRange(lo, hi, false, (_k, v) => {
          walked++;
          sum += v.rev;
        });
      }
    }) / reps;
  const tKeysOnly =
    time(() => {
      for (let r = 0; r < reps; r++) {
        tree.forRange(lo, hi, false, () => {
          walked++;
        });
      }
    }) / reps;
  walked = PREFIX_KEYS;
  void sum;
  let got = 0;
  const tRange =
    time(() => {
      for (let r = 0; r < reps; r++) got = kv.read().range(lo, hi).kvs.length;
    }) / reps;
  if (got !== PREFIX_KEYS || walked !== PREFIX_KEYS) throw new Error(`range found ${got}, walk ${walked}`);
  rows.push({
    what: `range over a ${PREFIX_KEYS}-key prefix among ${N}`,
    subject: `${tRange.toFixed(2)} ms`,
    baseline: `B-tree walk ${tWalk.toFixed(2)} ms (keys only: ${tKeysOnly.toFixed(2)} ms, ${(tRange / tKeysOnly).toFixed(1)}×)`,
    ratio: tRange / tWalk,
    target: '≤ 2× B-tree walk',
    ok: tRange / tWalk <= 2,
  });

  // --- heap: 1M keys × 2 revisions ---
  tree.clear();
  map.clear();
  const h0 = heap();
  const store = new KVStore();
  for (let rev = 0; rev < 2; rev++) {
    for (let i = 0; i < N; i++) {
      const t = store.write();
      t.put(keys[i], `${values[i]}.${rev}`, 0n);
      t.end();
    }
  }
  const hStore = heap() - h0;
  const h1 = heap();
  const same = new Map<string, { value: string; rev: number }[]>();
  for (let rev = 0; rev < 2; rev++) {
    for (let i = 0; i < N; i++) {
      const e = { value: `${values[i]}.${rev}`, rev: rev * N + i + 2 };
      const cur = same.get(keys[i]);
      if (cur) cur.push(e);
      else same.set(keys[i], [e]);
    }
  }
  const hMap = heap() - h1;
  rows.push({
    what: `heap for ${N} keys × 2 revisions`,
    subject: `${(hStore / 2 ** 20).toFixed(0)} MiB`,
    baseline: `Map of the same data ${(hMap / 2 ** 20).toFixed(0)} MiB`,
    ratio: hStore / hMap,
    target: '≤ 3× Map',
    ok: hStore / hMap <= 3,
  });
  void store.currentRev;
  void same.size;

  const lines = [
    '| benchmark | engine | baseline (same run) | ratio | target | met |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.what} | ${r.subject} | ${r.baseline} | ${r.ratio.toFixed(2)}× | ${r.target} | ${r.ok ? 'yes' : 'NO'} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!(globalThis as { gc?: unknown }).gc)
    process.stdout.write('\n(heap figures need --expose-gc: run through `npm run bench`)\n');
}

await main();
