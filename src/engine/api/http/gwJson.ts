// JSON as etcd's gRPC gateway writes it (jsonpb with the proto's own field names): 64-bit
// integers as strings, zero values left out, bytes as base64, Go's HTML-safe string escaping.
import { toBase64 } from '../../base/bytes.ts';
import type {
  DeleteRangeResponse,
  KeyValue,
  PutResponse,
  RangeResponse,
  ResponseHeader,
  ResponseOp,
  TxnResponse,
} from '../../etcdserverpb.ts';
import type { MemberInfo } from '../../server/membership.ts';
import { goString } from '../printers/goJson.ts';

export type GwValue = string | number | boolean | null | GwValue[] | { [k: string]: GwValue | undefined };

export function gwStringify(v: GwValue | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(gwStringify).join(',')}]`;
  return `{${Object.entries(v)
    .filter(([, x]) => x !== undefined)
    .map(([k, x]) => `${goString(k)}:${gwStringify(x)}`)
    .join(',')}}`;
}

/** omitempty for a 64-bit number: a string, or nothing when zero. */
export const i64 = (n: number | bigint | undefined): string | undefined => (n ? String(n) : undefined);
export const b64 = (s: string | undefined): string | undefined => (s ? toBase64(s) : undefined);

export function gwHeader(h: ResponseHeader): GwValue {
  return {
    cluster_id: i64(h.clusterId),
    member_id: i64(h.memberId),
    revision: i64(h.revision),
    raft_term: i64(h.raftTerm),
  };
}

export function gwKv(kv: KeyValue): GwValue {
  return {
    key: b64(kv.key),
    create_revision: i64(kv.createRevision),
    mod_revision: i64(kv.modRevision),
    version: i64(kv.version),
    value: b64(kv.value),
    lease: i64(kv.lease),
  };
}

export function gwRange(r: RangeResponse): GwValue {
  return {
    header: gwHeader(r.header),
    kvs: r.kvs.length ? r.kvs.map(gwKv) : undefined,
    more: r.more || undefined,
    count: i64(r.count),
  };
}

export function gwPut(r: PutResponse): GwValue {
  return { header: gwHeader(r.header), prev_kv: r.prevKv ? gwKv(r.prevKv) : undefined };
}

export function gwDelete(r: DeleteRangeResponse): GwValue {
  return {
    header: gwHeader(r.header),
    deleted: i64(r.deleted),
    prev_kvs: r.prevKvs.length ? r.prevKvs.map(gwKv) : undefined,
  };
}

export function gwTxn(r: TxnResponse): GwValue {
  return {
    header: gwHeader(r.header),
    succeeded: r.succeeded || undefined,
    responses: r.responses.length ? r.responses.map(gwResponseOp) : undefined,
  };
}

export function gwResponseOp(op: ResponseOp): GwValue {
  if ('responseRange' in op) return { response_range: gwRange(op.responseRange) };
  if ('responsePut' in op) return { response_put: gwPut(op.responsePut) };
  if ('responseDeleteRange' in op) return { response_delete_range: gwDelete(op.responseDeleteRange) };
  return { response_txn: gwTxn(op.responseTxn) };
}

export function gwMember(m: MemberInfo): GwValue {
  return {
    ID: i64(m.id),
    name: m.name || undefined,
    peerURLs: m.peerURLs.length ? m.peerURLs : undefined,
    clientURLs: m.clientURLs.length ? m.clientURLs : undefined,
    isLearner: m.isLearner || undefined,
  };
}
