// The byte layouts etcd's backend uses, needed where they show through (HashKV, snapshots):
// a revision key is 8 bytes main (big-endian) + '_' + 8 bytes sub, plus 't' for a tombstone;
// a value is the protobuf encoding of mvccpb.KeyValue.
import type { KeyValue } from '../etcdserverpb.ts';

function u64be(n: number): string {
  let out = '';
  let v = BigInt(n);
  const bytes: number[] = [];
  for (let i = 0; i < 8; i++) {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

export function revisionKeyBytes(main: number, sub: number, tombstone: boolean): string {
  return u64be(main) + '_' + u64be(sub) + (tombstone ? 't' : '');
}

function varint(v: bigint): string {
  let u = BigInt.asUintN(64, v);
  let out = '';
  while (u >= 0x80n) {
    out += String.fromCharCode(Number((u & 0x7fn) | 0x80n));
    u >>= 7n;
  }
  return out + String.fromCharCode(Number(u));
}

function field(num: number, wire: number): string {
  return varint(BigInt((num << 3) | wire));
}

/** proto3 encoding of mvccpb.KeyValue (zero fields omitted). */
export function marshalKeyValue(kv: KeyValue): string {
  let out = '';
  if (kv.key.length) out += field(1, 2) + varint(BigInt(kv.key.length)) + kv.key;
  if (kv.createRevision) out += field(2, 0) + varint(BigInt(kv.createRevision));
  if (kv.modRevision) out += field(3, 0) + varint(BigInt(kv.modRevision));
  if (kv.version) out += field(4, 0) + varint(BigInt(kv.version));
  if (kv.value.length) out += field(5, 2) + varint(BigInt(kv.value.length)) + kv.value;
  if (kv.lease) out += field(6, 0) + varint(kv.lease);
  return out;
}
