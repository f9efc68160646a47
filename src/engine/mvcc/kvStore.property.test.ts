// Model-based test of the MVCC store: random puts, deletes, txns, compactions and ranges at
// random revisions, checked after every step against a reference model that simply keeps a full
// copy of the keyspace for every revision.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { KVStore } from './kvStore.ts';

interface MKv {
  value: string;
  create: number;
  mod: number;
  version: number;
}

class Model {
  snapshots: Map<string, MKv>[] = [new Map(), new Map()]; // revision 1 is the empty store
  compacted = -1; // etcd starts with compactMainRev = -1: compacting at 0 is allowed once
  get rev(): number {
    return this.snapshots.length - 1;
  }
  txn(ops: Op[]): void {
    const next = new Map(this.snapshots[this.rev]);
    const rev = this.rev + 1;
    let changed = false;
    for (const op of ops) {
      if (op.t === 'put') {
        const cur = next.get(op.k);
        next.set(op.k, { value: op.v, create: cur?.create ?? rev, mod: rev, version: (cur?.version ?? 0) + 1 });
        changed = true;
      } else {
        for (const k of [...next.keys()]) {
          if (inRange(k, op.k, op.end)) {
            next.delete(k);
            changed = true;
          }
        }
      }
    }
    if (changed) this.snapshots.push(next);
  }
}

type Op = { t: 'put'; k: string; v: string } | { t: 'del'; k: string; end?: string };

function inRange(k: string, key: string, end?: string): boolean {
  if (end === undefined) return k === key;
  if (end === '\x00') return k >= key;
  return k >= key && k < end;
}

const KEYS = ['a', 'aa', 'ab', 'b', 'b\xff', 'c', '\xff'];
const key = fc.constantFrom(...KEYS);
const end = fc.option(fc.constantFrom('\x00', 'b', 'c', 'ab', '\xff'), { nil: undefined });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('put' as const), k: key, v: fc.string({ maxLength: 3 }) }),
  fc.record({ t: fc.constant('del' as const), k: key, end }),
);

interface Real {
  kv: KVStore;
}

function applyReal(s: KVStore, ops: Op[]): void {
  const t = s.write();
  for (const o of ops) {
    if (o.t === 'put') t.put(o.k, o.v, 0n);
    else t.deleteRange(o.k, o.end);
  }
  t.end();
}

class TxnCmd implements fc.Command<Model, Real> {
  constructor(readonly ops: Op[]) {}
  check = () => true;
  run(m: Model, r: Real): void {
    m.txn(this.ops);
    applyReal(r.kv, this.ops);
    if (m.rev !== r.kv.currentRev) throw new Error(`revision ${r.kv.currentRev}, model ${m.rev}`);
  }
  toString = () => `txn(${JSON.stringify(this.ops)})`;
}

class CompactCmd implements fc.Command<Model, Real> {
  constructor(readonly back: number) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const rev = m.rev - this.back;
    let want: string;
    if (rev <= m.compacted) want = 'compacted';
    else if (rev > m.rev) want = 'future';
    else {
      want = 'ok';
      m.compacted = rev;
    }
    let got = 'ok';
    try {
      r.kv.compact(rev);
    } catch (e) {
      got = (e as Error).message.includes('compacted') ? 'compacted' : 'future';
    }
    if (got !== want) throw new Error(`compact(${rev}): ${got}, model ${want}`);
  }
  toString = () => `compact(-${this.back})`;
}

class RangeCmd implements fc.Command<Model, Real> {
  constructor(
    readonly k: string,
    readonly end: string | undefined,
    readonly back: number,
    readonly limit: number,
  ) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const rev = this.back < 0 ? 0 : m.rev - this.back;
    const at = rev <= 0 ? m.rev : rev;
    let want: string;
    if (rev > m.rev) want = 'future';
    else if (at < m.compacted) want = 'compacted';
    else {
      const rows = [...m.snapshots[at]]
        .filter(([k]) => inRange(k, this.k, this.end))
        .sort(([a], [b]) => (a < b ? -1 : 1));
      const shown = this.limit > 0 ? rows.slice(0, this.limit) : rows;
      want = JSON.stringify({
        count: rows.length,
        kvs: shown.map(([k, v]) => [k, v.value, v.create, v.mod, v.version]),
      });
    }
    let got: string;
    try {
      const res = r.kv.read().range(this.k, this.end, { rev, limit: this.limit });
      got = JSON.stringify({
        count: res.count,
        kvs: res.kvs.map((kv) => [kv.key, kv.value, kv.createRevision, kv.modRevision, kv.version]),
      });
    } catch (e) {
      got = (e as Error).message.includes('compacted') ? 'compacted' : 'future';
    }
    if (got !== want) throw new Error(`range(${JSON.stringify([this.k, this.end, rev])}): ${got}\nmodel: ${want}`);
  }
  toString = () => `range(${JSON.stringify([this.k, this.end, this.back, this.limit])})`;
}

const commands = [
  fc.array(op, { minLength: 1, maxLength: 4 }).map((ops) => new TxnCmd(ops)),
  op.map((o) => new TxnCmd([o])),
  fc.integer({ min: -1, max: 6 }).map((b) => new CompactCmd(b)),
  fc
    .tuple(key, end, fc.integer({ min: -2, max: 8 }), fc.integer({ min: 0, max: 3 }))
    .map(([k, e, b, l]) => new RangeCmd(k, e, b, l)),
];

describe('MVCC store against a reference model', () => {
  it('agrees on every range at every revision, through writes, deletes, txns and compactions', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 60 }), (cmds) => {
        fc.modelRun(() => ({ model: new Model(), real: { kv: new KVStore() } }), cmds);
      }),
      { numRuns: 300 },
    );
  });
});
