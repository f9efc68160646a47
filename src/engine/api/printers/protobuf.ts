// etcdctl's "protobuf" output: the response's protobuf encoding, raw bytes on stdout (as
// etcdctl's printPB writes them). Field numbers are those of etcd's rpc.proto and kv.proto.
import type {
  DeleteRangeResponse,
  Event,
  KeyValue,
  LeaseGrantResponse,
  LeaseKeepAliveResponse,
  LeaseLeasesResponse,
  LeaseTimeToLiveResponse,
  PutResponse,
  RangeResponse,
  ResponseHeader,
  ResponseOp,
  TxnResponse,
  WatchResponse,
} from '../../etcdserverpb.ts';
import type { Out, Printer } from './printer.ts';

function varint(v: bigint | number): string {
  let u = BigInt.asUintN(64, BigInt(v));
  let out = '';
  while (u >= 0x80n) {
    out += String.fromCharCode(Number((u & 0x7fn) | 0x80n));
    u >>= 7n;
  }
  return out + String.fromCharCode(Number(u));
}

/** A proto3 message writer: zero scalars are left out, as proto3 does. */
class Msg {
  private buf = '';
  int(field: number, v: number | bigint): this {
    if (v) this.buf += varint((field << 3) | 0) + varint(v);
    return this;
  }
  bool(field: number, v: boolean): this {
    return this.int(field, v ? 1 : 0);
  }
  bytes(field: number, v: string): this {
    if (v.length) this.buf += varint((field << 3) | 2) + varint(v.length) + v;
    return this;
  }
  msg(field: number, m: Msg | undefined): this {
    if (m) this.buf += varint((field << 3) | 2) + varint(m.buf.length) + m.buf;
    return this;
  }
  done(): string {
    return this.buf;
  }
}

const header = (h: ResponseHeader) =>
  new Msg().int(1, h.clusterId).int(2, h.memberId).int(3, h.revision).int(4, h.raftTerm);
const kv = (k: KeyValue) =>
  new Msg()
    .bytes(1, k.key)
    .int(2, k.createRevision)
    .int(3, k.modRevision)
    .int(4, k.version)
    .bytes(5, k.value)
    .int(6, k.lease);
const event = (e: Event) =>
  new Msg()
    .int(1, e.type)
    .msg(2, kv(e.kv))
    .msg(3, e.prevKv ? kv(e.prevKv) : undefined);

function range(r: RangeResponse): Msg {
  const m = new Msg().msg(1, header(r.header));
  for (const k of r.kvs) m.msg(2, kv(k));
  return m.bool(3, r.more).int(4, r.count);
}
const put = (r: PutResponse) => new Msg().msg(1, header(r.header)).msg(2, r.prevKv ? kv(r.prevKv) : undefined);
function del(r: DeleteRangeResponse): Msg {
  const m = new Msg().msg(1, header(r.header)).int(2, r.deleted);
  for (const k of r.prevKvs) m.msg(3, kv(k));
  return m;
}
function txn(r: TxnResponse): Msg {
  const m = new Msg().msg(1, header(r.header)).bool(2, r.succeeded);
  for (const op of r.responses) m.msg(3, responseOp(op));
  return m;
}
function responseOp(op: ResponseOp): Msg {
  if ('responseRange' in op) return new Msg().msg(1, range(op.responseRange));
  if ('responsePut' in op) return new Msg().msg(2, put(op.responsePut));
  if ('responseDeleteRange' in op) return new Msg().msg(3, del(op.responseDeleteRange));
  return new Msg().msg(4, txn(op.responseTxn));
}

export class ProtobufPrinter implements Printer {
  constructor(private readonly out: Out) {}
  get(r: RangeResponse): void {
    this.out(range(r).done());
  }
  put(r: PutResponse): void {
    this.out(put(r).done());
  }
  del(r: DeleteRangeResponse): void {
    this.out(del(r).done());
  }
  txn(r: TxnResponse): void {
    this.out(txn(r).done());
  }
  watch(r: WatchResponse): void {
    const m = new Msg().msg(1, header(r.header)).bool(3, r.created).bool(4, r.canceled).int(5, r.compactRevision);
    for (const e of r.events) m.msg(11, event(e));
    this.out(m.done());
  }
  grant(r: LeaseGrantResponse): void {
    this.out(new Msg().msg(1, header(r.header)).int(2, r.ID).int(3, r.TTL).bytes(4, r.error).done());
  }
  revoke(_id: bigint, r: { header: ResponseHeader }): void {
    this.out(new Msg().msg(1, header(r.header)).done());
  }
  keepAlive(r: LeaseKeepAliveResponse): void {
    this.out(new Msg().msg(1, header(r.header)).int(2, r.ID).int(3, r.TTL).done());
  }
  timeToLive(r: LeaseTimeToLiveResponse): void {
    const m = new Msg().msg(1, header(r.header)).int(2, r.ID).int(3, r.TTL).int(4, r.grantedTTL);
    for (const k of r.keys) m.bytes(5, k);
    this.out(m.done());
  }
  leases(r: LeaseLeasesResponse): void {
    const m = new Msg().msg(1, header(r.header));
    for (const l of r.leases) m.msg(2, new Msg().int(1, l.ID));
    this.out(m.done());
  }
}
