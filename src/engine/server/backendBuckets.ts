// What a member's bbolt file holds, bucket by bucket, as etcd 3.4 lays it out: the store's
// revisions, leases, members, cluster version, auth, and the meta bucket's consistent index.
// `snapshot save` writes these records and `snapshot status` hashes them as etcd does
// (CRC-32C over each bucket's name, then its keys and values in key order).

import { Crc32c } from '../base/crc32c.ts';
import { hexId } from '../base/ids.ts';
import { marshalKeyValue, revisionKeyBytes } from '../mvcc/encoding.ts';
import { isTombstone } from '../mvcc/kvStore.ts';
import type { Member } from './member.ts';

export type Buckets = Map<string, [string, string][]>;

function u64be(n: bigint | number): string {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  for (let i = 0; i < 8; i++) {
    out.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  return String.fromCharCode(...out);
}

function varint(v: bigint | number): string {
  let u = BigInt.asUintN(64, BigInt(v));
  let out = '';
  while (u >= 0x80n) {
    out += String.fromCharCode(Number((u & 0x7fn) | 0x80n));
    u >>= 7n;
  }
  return out + String.fromCharCode(Number(u));
}

/** leasepb.Lease {ID = 1, TTL = 2}. */
function marshalLease(id: bigint, ttl: number): string {
  return (id ? `\x08${varint(id)}` : '') + (ttl ? `\x10${varint(ttl)}` : '');
}

export function backendBuckets(m: Member): Buckets {
  const b: Buckets = new Map();
  const put = (bucket: string, k: string, v: string) => {
    if (!b.has(bucket)) b.set(bucket, []);
    b.get(bucket)!.push([k, v]);
  };
  for (const name of [
    'alarm',
    'auth',
    'authRoles',
    'authUsers',
    'cluster',
    'key',
    'lease',
    'members',
    'members_removed',
    'meta',
  ])
    b.set(name, []);
  // auth: its revision always; whether it is on, once it has been turned on or off
  if (m.auth.everToggled) put('auth', 'authEnabled', m.auth.enabled ? '\x01' : '\x00');
  put('auth', 'authRevision', u64be(m.auth.revision));
  for (const [name, perms] of m.auth.roles) put('authRoles', name, JSON.stringify(perms));
  for (const [name, u] of m.auth.users) put('authUsers', name, JSON.stringify({ roles: [...u.roles].sort() }));
  if (m.membership.clusterVersion) put('cluster', 'clusterVersion', m.membership.clusterVersion);
  m.kv.backend.forEachIn(0, m.kv.currentRev, (kv, main, sub) => {
    put(
      'key',
      revisionKeyBytes(main, sub, isTombstone(kv)),
      marshalKeyValue(isTombstone(kv) ? { ...kv, modRevision: 0 } : kv),
    );
  });
  for (const l of m.lessor.all()) put('lease', u64be(l.id), marshalLease(l.id, l.ttl));
  for (const x of m.membership.list()) {
    const rec: Record<string, unknown> = { id: 0, peerURLs: x.peerURLs };
    if (x.isLearner) rec.isLearner = true;
    if (x.name) rec.name = x.name;
    if (x.clientURLs.length) rec.clientURLs = x.clientURLs;
    // types.ID is a uint64 in JSON: written out by hand, beyond what a double holds.
    put('members', hexId(x.id), JSON.stringify(rec).replace('"id":0', `"id":${x.id}`));
  }
  for (const id of m.membership.removed) put('members_removed', hexId(id), 'removed');
  if (m.consistentIndex) put('meta', 'consistent_index', u64be(m.consistentIndex));
  if (m.kv.compactMainRev > 0) {
    put('meta', 'finishedCompactRev', revisionKeyBytes(m.kv.compactMainRev, 0, false));
    put('meta', 'scheduledCompactRev', revisionKeyBytes(m.kv.compactMainRev, 0, false));
  }
  for (const list of b.values()) list.sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0));
  return b;
}

/** etcd's snapshot status: hash, the store's revision, how many keys in all buckets. */
export function bucketsStatus(b: Buckets): { hash: number; revision: number; totalKey: number } {
  const h = new Crc32c();
  let revision = 0;
  let totalKey = 0;
  for (const name of [...b.keys()].sort()) {
    h.update(name);
    for (const [k, v] of b.get(name)!) {
      h.update(k);
      h.update(v);
      if (name === 'key') {
        let main = 0;
        for (let i = 0; i < 8; i++) main = main * 256 + k.charCodeAt(i);
        revision = main;
      }
      totalKey++;
    }
  }
  return { hash: h.digest(), revision, totalKey };
}
