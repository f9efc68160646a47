// etcd's messages in the shape etcdctl's JSON printer writes them (the pb structs' json tags).
import type { Event, KeyValue, ResponseHeader, ResponseOp } from '../../etcdserverpb.ts';
import { arr, bool, type J, num, oarr, obj, obytes, onum } from './goJson.ts';

export function header(h: ResponseHeader): J {
  return obj(
    ['cluster_id', onum(h.clusterId)],
    ['member_id', onum(h.memberId)],
    ['revision', onum(h.revision)],
    ['raft_term', onum(h.raftTerm)],
  );
}

/** The header's fields, for responses that embed *pb.ResponseHeader (flattened into the object). */
export function headerFields(h: ResponseHeader): [string, J | undefined][] {
  return [
    ['cluster_id', onum(h.clusterId)],
    ['member_id', onum(h.memberId)],
    ['revision', onum(h.revision)],
    ['raft_term', onum(h.raftTerm)],
  ];
}

export function keyValue(kv: KeyValue): J {
  return obj(
    ['key', obytes(kv.key)],
    ['create_revision', onum(kv.createRevision)],
    ['mod_revision', onum(kv.modRevision)],
    ['version', onum(kv.version)],
    ['value', obytes(kv.value)],
    ['lease', onum(kv.lease)],
  );
}

export function event(e: Event): J {
  return obj(['type', onum(e.type)], ['kv', keyValue(e.kv)], ['prev_kv', e.prevKv ? keyValue(e.prevKv) : undefined]);
}

export function responseOp(op: ResponseOp): J {
  // Go's encoder writes the oneof wrapper with its Go field names.
  if ('responseRange' in op) {
    const r = op.responseRange;
    return obj([
      'Response',
      obj([
        'ResponseRange',
        obj(
          ['header', header(r.header)],
          ['kvs', oarr(r.kvs.map(keyValue))],
          ['more', r.more ? bool(true) : undefined],
          ['count', onum(r.count)],
        ),
      ]),
    ]);
  }
  if ('responsePut' in op) {
    const r = op.responsePut;
    return obj([
      'Response',
      obj(['ResponsePut', obj(['header', header(r.header)], ['prev_kv', r.prevKv ? keyValue(r.prevKv) : undefined])]),
    ]);
  }
  if ('responseDeleteRange' in op) {
    const r = op.responseDeleteRange;
    return obj([
      'Response',
      obj([
        'ResponseDeleteRange',
        obj(['header', header(r.header)], ['deleted', onum(r.deleted)], ['prev_kvs', oarr(r.prevKvs.map(keyValue))]),
      ]),
    ]);
  }
  const t = op.responseTxn;
  return obj([
    'Response',
    obj([
      'ResponseTxn',
      obj(
        ['header', header(t.header)],
        ['succeeded', t.succeeded ? bool(true) : undefined],
        ['responses', oarr(t.responses.map(responseOp))],
      ),
    ]),
  ]);
}

export { arr, num };
