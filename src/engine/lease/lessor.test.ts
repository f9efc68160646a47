import { describe, expect, it } from 'vitest';
import { Lessor, MAX_LEASE_TTL } from './lessor.ts';

describe('lessor', () => {
  const make = () => {
    let now = 0;
    const l = new Lessor(2, () => now);
    return { l, at: (t: number) => (now = t) };
  };

  it('raises a TTL below the minimum to the minimum (etcd: 1 or 0 become 2 s)', () => {
    const { l } = make();
    expect(l.grant(1n, 1).ttl).toBe(2);
    expect(l.grant(2n, 0).ttl).toBe(2);
    expect(l.grant(3n, 20).ttl).toBe(20);
  });

  it('refuses TTLs above the maximum and IDs in use', () => {
    const { l } = make();
    expect(() => l.grant(1n, MAX_LEASE_TTL + 1)).toThrow('etcdserver: too large lease TTL');
    l.grant(1n, 10);
    expect(() => l.grant(1n, 10)).toThrow('etcdserver: lease already exists');
  });

  it('expires only on the primary, after its TTL', () => {
    const { l, at } = make();
    l.grant(7n, 5);
    at(10_000);
    expect(l.expired()).toEqual([]); // not the primary: no clock on leases
    l.promote(0);
    at(14_999);
    expect(l.expired()).toEqual([]);
    at(15_000);
    expect(l.expired().map((x) => x.id)).toEqual([7n]);
  });

  it('renews to the full TTL and reports remaining time', () => {
    const { l, at } = make();
    l.promote(0);
    const lease = l.grant(7n, 10);
    at(4_000);
    expect(Math.floor(l.remainingMs(lease) / 1000)).toBe(6);
    expect(l.renew(7n)).toBe(10);
    expect(l.remainingMs(lease)).toBe(10_000);
    expect(() => l.renew(8n)).toThrow('etcdserver: requested lease not found');
  });

  it('gives a new primary the full TTL plus the extension (as a new leader does)', () => {
    const { l, at } = make();
    const lease = l.grant(7n, 10);
    at(50_000);
    l.promote(1_000);
    expect(l.remainingMs(lease)).toBe(11_000);
    l.demote();
    expect(l.expired()).toEqual([]);
  });

  it('tracks attached keys, moves a key between leases, and hands them over on revoke', () => {
    const { l } = make();
    l.grant(1n, 10);
    l.grant(2n, 10);
    l.attach(1n, 'a');
    l.attach(1n, 'b');
    l.detach(1n, 'b');
    l.attach(2n, 'b');
    expect(l.leaseOf('b')).toBe(2n);
    expect(l.revoke(1n)).toEqual(['a']);
    expect(l.leaseOf('a')).toBe(0n);
    expect(() => l.revoke(1n)).toThrow('requested lease not found');
  });
});
