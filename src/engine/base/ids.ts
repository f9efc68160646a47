// Identities etcd derives rather than draws: member IDs and the cluster ID are SHA-1 based
// (see FACTS.md §1), so a simulated cluster with the same settings has the same IDs as a real one.
import { sha1 } from '@noble/hashes/legacy.js';
import { fromUtf8, toUint8 } from './bytes.ts';

function first8BigEndian(digest: Uint8Array): bigint {
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 8n) | BigInt(digest[i]);
  return v;
}

/** A member's ID: SHA-1(sorted peer URLs concatenated + cluster token), first 8 bytes. */
export function memberId(peerUrls: readonly string[], clusterToken: string, unixSeconds?: number): bigint {
  const s = [...peerUrls].sort().join('') + clusterToken + (unixSeconds === undefined ? '' : String(unixSeconds));
  return first8BigEndian(sha1(toUint8(fromUtf8(s))));
}

/** The cluster ID: SHA-1 over the sorted member IDs as 8-byte big-endian words, first 8 bytes. */
export function clusterId(memberIds: readonly bigint[]): bigint {
  const sorted = [...memberIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const buf = new Uint8Array(8 * sorted.length);
  sorted.forEach((id, k) => {
    for (let i = 0; i < 8; i++) buf[8 * k + i] = Number((id >> BigInt(8 * (7 - i))) & 0xffn);
  });
  return first8BigEndian(sha1(buf));
}

/** Hex without leading zeros, as etcd prints IDs with %x. */
export function hexId(id: bigint): string {
  return id.toString(16);
}

/** Hex zero-padded to 16 digits, as etcdctl prints lease IDs (%016x). */
export function hex16(id: bigint): string {
  return BigInt.asUintN(64, id).toString(16).padStart(16, '0');
}
