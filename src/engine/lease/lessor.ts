// Leases (etcd's lessor): a lease has a TTL, keys attached to it, and an expiry that only the
// primary (the leader) tracks. Expired leases are not deleted here: the member proposes a revoke
// through the log, so every member deletes the lease's keys at the same revision.
import { Errors } from '../base/errors.ts';
import { NO_LEASE } from '../mvcc/kvStore.ts';

/** etcd refuses TTLs above this many seconds. */
export const MAX_LEASE_TTL = 9_000_000_000;

export interface Lease {
  readonly id: bigint;
  /** Granted TTL in seconds (raised to the minimum TTL). */
  ttl: number;
  /** Virtual ms at which it expires; Infinity while this member is not the primary. */
  expiry: number;
  readonly keys: Set<string>;
  /** Keep-alives this member has answered for it (for the UI's lease picture). */
  keepAlives?: number;
}

export class Lessor {
  private readonly leases = new Map<bigint, Lease>();
  private readonly itemMap = new Map<string, bigint>();
  private primary = false;

  /**
   * @param minTTL the smallest TTL granted, in seconds: etcd's 1.5 × election timeout, rounded up.
   * @param now the virtual clock in ms.
   */
  constructor(
    readonly minTTL: number,
    private readonly now: () => number,
  ) {}

  grant(id: bigint, ttl: number): Lease {
    if (id === NO_LEASE) throw Errors.leaseNotFound();
    if (ttl > MAX_LEASE_TTL) throw Errors.leaseTTLTooLarge();
    if (this.leases.has(id)) throw Errors.leaseExist();
    const l: Lease = { id, ttl: Math.max(ttl, this.minTTL), expiry: Number.POSITIVE_INFINITY, keys: new Set() };
    if (this.primary) l.expiry = this.now() + l.ttl * 1000;
    this.leases.set(id, l);
    return l;
  }

  /** Remove the lease; returns the keys that were attached (the caller deletes them). */
  revoke(id: bigint): string[] {
    const l = this.leases.get(id);
    if (!l) throw Errors.leaseNotFound();
    const keys = [...l.keys].sort();
    for (const k of keys) this.itemMap.delete(k);
    this.leases.delete(id);
    return keys;
  }

  /** Refresh the lease's expiry to its full TTL; returns the TTL. Only the primary renews. */
  renew(id: bigint): number {
    const l = this.leases.get(id);
    if (!l) throw Errors.leaseNotFound();
    if (this.primary) l.expiry = this.now() + l.ttl * 1000;
    l.keepAlives = (l.keepAlives ?? 0) + 1;
    return l.ttl;
  }

  lookup(id: bigint): Lease | undefined {
    return this.leases.get(id);
  }

  /** Remaining time to live in ms (Infinity on a non-primary). */
  remainingMs(l: Lease): number {
    return l.expiry === Number.POSITIVE_INFINITY ? l.ttl * 1000 : Math.max(0, l.expiry - this.now());
  }

  all(): Lease[] {
    return [...this.leases.values()];
  }

  count(): number {
    return this.leases.size;
  }

  /** The first `n` leases granted (of those alive), without copying the rest. */
  first(n: number): Lease[] {
    const out: Lease[] = [];
    for (const l of this.leases.values()) {
      if (out.length >= n) break;
      out.push(l);
    }
    return out;
  }

  /** Replace every lease with a snapshot's (their expiry restarts if this member is the primary). */
  restore(leases: readonly { id: bigint; ttl: number; keys: string[] }[]): void {
    this.leases.clear();
    this.itemMap.clear();
    for (const l of leases) {
      const lease = this.grant(l.id, l.ttl);
      for (const k of l.keys) this.attach(l.id, k);
      void lease;
    }
  }

  leaseOf(key: string): bigint {
    return this.itemMap.get(key) ?? NO_LEASE;
  }

  attach(id: bigint, key: string): void {
    const l = this.leases.get(id);
    if (!l) throw Errors.leaseNotFound();
    l.keys.add(key);
    this.itemMap.set(key, id);
  }

  detach(id: bigint, key: string): void {
    this.leases.get(id)?.keys.delete(key);
    this.itemMap.delete(key);
  }

  /** Become the primary: every lease gets its full TTL again, plus `extendMs` (etcd adds the election timeout). */
  promote(extendMs: number): void {
    this.primary = true;
    for (const l of this.leases.values()) l.expiry = this.now() + l.ttl * 1000 + extendMs;
  }

  demote(): void {
    this.primary = false;
    for (const l of this.leases.values()) l.expiry = Number.POSITIVE_INFINITY;
  }

  isPrimary(): boolean {
    return this.primary;
  }

  /** Leases past their expiry, in ID order (the member proposes their revocation). */
  expired(): Lease[] {
    const t = this.now();
    return [...this.leases.values()].filter((l) => l.expiry <= t).sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}
