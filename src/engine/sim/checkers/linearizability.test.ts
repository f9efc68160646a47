import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLinearizable, isLinearizableBrute, type Operation } from './linearizability.ts';

const put = (client: number, call: number, ret: number, value: string): Operation => ({
  client,
  call,
  ret,
  op: { kind: 'put', key: 'k', value },
});
const get = (client: number, call: number, ret: number, result: string | null): Operation => ({
  client,
  call,
  ret,
  op: { kind: 'get', key: 'k' },
  result,
});

describe('linearizability checker', () => {
  it('accepts a read that overlaps a write and sees either value', () => {
    expect(isLinearizable([put(0, 0, 10, 'a'), get(1, 5, 6, 'a')])).toBe(true);
    expect(isLinearizable([put(0, 0, 10, 'a'), get(1, 5, 6, null)])).toBe(true);
  });

  it('refuses a read of an old value after a write completed', () => {
    expect(isLinearizable([put(0, 0, 1, 'a'), put(0, 2, 3, 'b'), get(1, 4, 5, 'a')])).toBe(false);
  });

  it('refuses two reads that see the values in opposite orders', () => {
    const h = [put(0, 0, 10, 'a'), put(1, 0, 10, 'b'), get(2, 11, 12, 'a'), get(3, 13, 14, 'b'), get(2, 15, 16, 'a')];
    expect(isLinearizable(h)).toBe(false);
  });

  it('lets an operation of unknown outcome have happened or not', () => {
    const lost: Operation = { ...put(0, 0, Number.POSITIVE_INFINITY, 'x'), unknown: true };
    expect(isLinearizable([lost, get(1, 5, 6, null)])).toBe(true);
    expect(isLinearizable([lost, get(1, 5, 6, 'x')])).toBe(true);
    expect(isLinearizable([lost, get(1, 5, 6, 'x'), get(1, 7, 8, null)])).toBe(false);
  });

  it('agrees with the brute-force checker on random small histories', () => {
    const op = fc.record({
      client: fc.integer({ min: 0, max: 2 }),
      call: fc.integer({ min: 0, max: 20 }),
      len: fc.integer({ min: 0, max: 8 }),
      kind: fc.constantFrom('put', 'get', 'delete', 'cas'),
      v: fc.constantFrom('a', 'b', 'c'),
      r: fc.constantFrom<string | null>('a', 'b', null),
      n: fc.integer({ min: 0, max: 1 }),
      ok: fc.boolean(),
      unknown: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 6 }), (raw) => {
        const h: Operation[] = raw.map((o) => {
          const ret = o.unknown && o.kind !== 'get' ? Number.POSITIVE_INFINITY : o.call + o.len;
          const base = { client: o.client, call: o.call, ret, unknown: ret === Number.POSITIVE_INFINITY };
          switch (o.kind) {
            case 'put':
              return { ...base, op: { kind: 'put', key: 'k', value: o.v } };
            case 'get':
              return { ...base, op: { kind: 'get', key: 'k' }, result: o.r };
            case 'delete':
              return { ...base, op: { kind: 'delete', key: 'k' }, result: o.n };
            default:
              return { ...base, op: { kind: 'cas', key: 'k', expect: o.v, value: o.r ?? 'c' }, result: o.ok };
          }
        });
        expect(isLinearizable(h)).toBe(isLinearizableBrute(h));
      }),
      { numRuns: 2000 },
    );
  });
});
