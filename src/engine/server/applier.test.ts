import { describe, expect, it } from 'vitest';
import { CompareResult, CompareTarget, SortOrder, SortTarget, type TxnRequest } from '../etcdserverpb.ts';
import { Lessor } from '../lease/lessor.ts';
import { KVStore } from '../mvcc/kvStore.ts';
import { Applier } from './applier.ts';

function setup() {
  const kv = new KVStore();
  const lessor = new Lessor(2, () => 0);
  kv.leases = lessor;
  return { kv, lessor, a: new Applier(kv, lessor) };
}

describe('applier: range', () => {
  const filled = () => {
    const s = setup();
    s.a.put({ key: 'b', value: '2' });
    s.a.put({ key: 'a', value: '3' });
    s.a.put({ key: 'c', value: '1' });
    s.a.put({ key: 'a', value: '4' });
    return s;
  };

  it('sorts by any target, ascending by default when a target is given', () => {
    const { a } = filled();
    const keys = (sortTarget: SortTarget, sortOrder = SortOrder.NONE) =>
      a.range({ key: 'a', rangeEnd: '\x00', sortTarget, sortOrder }).kvs.map((k) => k.key);
    expect(keys(SortTarget.VALUE)).toEqual(['c', 'b', 'a']);
    expect(keys(SortTarget.CREATE, SortOrder.DESCEND)).toEqual(['c', 'a', 'b']);
    expect(keys(SortTarget.MOD)).toEqual(['b', 'c', 'a']);
    expect(keys(SortTarget.KEY, SortOrder.DESCEND)).toEqual(['c', 'b', 'a']);
    expect(keys(SortTarget.VERSION, SortOrder.DESCEND)).toEqual(['a', 'b', 'c']);
  });

  it('limits, says there is more, and counts every match', () => {
    const { a } = filled();
    const r = a.range({ key: 'a', rangeEnd: '\x00', limit: 2 });
    expect(r.kvs.map((k) => k.key)).toEqual(['a', 'b']);
    expect(r.more).toBe(true);
    expect(r.count).toBe(3);
    expect(a.range({ key: 'a', rangeEnd: '\x00', limit: 3 }).more).toBe(false);
  });

  it('filters by mod and create revision and returns keys only', () => {
    const { a } = filled();
    expect(a.range({ key: 'a', rangeEnd: '\x00', minModRevision: 4 }).kvs.map((k) => k.key)).toEqual(['a', 'c']);
    expect(a.range({ key: 'a', rangeEnd: '\x00', maxCreateRevision: 3 }).kvs.map((k) => k.key)).toEqual(['a', 'b']);
    expect(a.range({ key: 'a', keysOnly: true }).kvs[0].value).toBe('');
  });
});

describe('applier: put', () => {
  it('keeps value or lease with ignore_value / ignore_lease, and needs the key to exist', () => {
    const { a, lessor } = setup();
    lessor.grant(5n, 100);
    expect(() => a.put({ key: 'k', value: '', ignoreValue: true })).toThrow('etcdserver: key not found');
    a.put({ key: 'k', value: 'v1', lease: 5n });
    a.put({ key: 'k', value: 'v2', ignoreLease: true });
    const r1 = a.range({ key: 'k' }).kvs[0];
    expect([r1.value, r1.lease]).toEqual(['v2', 5n]);
    a.put({ key: 'k', value: '', ignoreValue: true });
    expect(a.range({ key: 'k' }).kvs[0]).toMatchObject({ value: 'v2', lease: 0n });
  });

  it('refuses an unknown lease and returns the previous pair', () => {
    const { a } = setup();
    expect(() => a.put({ key: 'k', value: 'v', lease: 9n })).toThrow('requested lease not found');
    a.put({ key: 'k', value: 'old' });
    expect(a.put({ key: 'k', value: 'new', prevKv: true }).prevKv?.value).toBe('old');
  });
});

describe('applier: txn', () => {
  const cmp = (target: CompareTarget, result: CompareResult, v: Partial<TxnRequest['compare'][0]>) => ({
    key: 'k',
    target,
    result,
    ...v,
  });

  it('takes the success branch when every compare holds, in one revision', () => {
    const { a, kv } = setup();
    a.put({ key: 'k', value: 'bad' });
    const r = a.txn({
      compare: [cmp(CompareTarget.VALUE, CompareResult.EQUAL, { value: 'bad' })],
      success: [{ requestDeleteRange: { key: 'k' } }, { requestPut: { key: 'k2', value: 'good' } }],
      failure: [{ requestPut: { key: 'k', value: 'good' } }],
    });
    expect(r.succeeded).toBe(true);
    expect(kv.currentRev).toBe(3);
    expect(r.header.revision).toBe(3);
  });

  it('compares a missing key as zero, and a value on a missing key as false', () => {
    const { a } = setup();
    const run = (c: TxnRequest['compare'][0]) => a.txn({ compare: [c], success: [], failure: [] }).succeeded;
    expect(run(cmp(CompareTarget.CREATE, CompareResult.EQUAL, { createRevision: 0 }))).toBe(true);
    expect(run(cmp(CompareTarget.VERSION, CompareResult.LESS, { version: 1 }))).toBe(true);
    expect(run(cmp(CompareTarget.VALUE, CompareResult.NOT_EQUAL, { value: 'x' }))).toBe(false);
  });

  it('does not bump the revision for a txn that changes nothing', () => {
    const { a, kv } = setup();
    a.put({ key: 'k', value: 'v' });
    a.txn({
      compare: [],
      success: [{ requestRange: { key: 'k' } }, { requestDeleteRange: { key: 'nope' } }],
      failure: [],
    });
    expect(kv.currentRev).toBe(2);
  });

  it('runs nested txns inside the same revision', () => {
    const { a, kv } = setup();
    const r = a.txn({
      compare: [],
      success: [
        { requestPut: { key: 'x', value: '1' } },
        {
          requestTxn: {
            compare: [{ key: 'x', target: CompareTarget.VALUE, result: CompareResult.EQUAL, value: '1' }],
            success: [{ requestPut: { key: 'y', value: '2' } }],
            failure: [],
          },
        },
      ],
      failure: [],
    });
    expect(kv.currentRev).toBe(2);
    const nested = r.responses[1];
    expect('responseTxn' in nested && nested.responseTxn.succeeded).toBe(true);
    expect(a.range({ key: 'y' }).kvs[0].modRevision).toBe(2);
  });

  it('refuses the whole txn when a request in the chosen branch would fail', () => {
    const { a, kv } = setup();
    expect(() =>
      a.txn({
        compare: [],
        success: [{ requestPut: { key: 'a', value: '1' } }, { requestPut: { key: 'b', value: '1', lease: 77n } }],
        failure: [],
      }),
    ).toThrow('requested lease not found');
    expect(kv.currentRev).toBe(1);
  });
});

describe('applier: leases and compaction', () => {
  it('revoking a lease deletes its keys in one revision', () => {
    const { a, kv } = setup();
    a.leaseGrant({ ID: 1234n, TTL: 300 });
    a.put({ key: 'sample', value: 'v', lease: 1234n });
    a.put({ key: 'other', value: 'v', lease: 1234n });
    a.leaseRevoke({ ID: 1234n });
    expect(kv.currentRev).toBe(4);
    expect(a.range({ key: 'a', rangeEnd: '\x00' }).count).toBe(0);
    expect(() => a.leaseRevoke({ ID: 1234n })).toThrow('requested lease not found');
  });

  it('a plain put detaches the key from its lease', () => {
    const { a, lessor } = setup();
    a.leaseGrant({ ID: 1n, TTL: 100 });
    a.put({ key: 'cfg', value: 'v1', lease: 1n });
    a.put({ key: 'cfg', value: 'v3' });
    expect([...lessor.lookup(1n)!.keys]).toEqual([]);
  });
});
