// etcdctl's "json" output: Go's encoding/json of the response structs, one line each.
import type {
  DeleteRangeResponse,
  LeaseGrantResponse,
  LeaseKeepAliveResponse,
  LeaseLeasesResponse,
  LeaseTimeToLiveResponse,
  PutResponse,
  RangeResponse,
  ResponseHeader,
  TxnResponse,
  WatchResponse,
} from '../../etcdserverpb.ts';
import { arr, bool, bytes, type J, num, oarr, obj, onum, render, str } from './goJson.ts';
import { event, header, headerFields, keyValue, responseOp } from './pb.ts';
import type { Out, Printer } from './printer.ts';

export class JsonPrinter implements Printer {
  constructor(private readonly out: Out) {}

  private print(j: J): void {
    this.out(render(j) + '\n');
  }

  get(r: RangeResponse): void {
    this.print(
      obj(
        ['header', header(r.header)],
        ['kvs', oarr(r.kvs.map(keyValue))],
        ['more', r.more ? bool(true) : undefined],
        ['count', onum(r.count)],
      ),
    );
  }

  put(r: PutResponse): void {
    this.print(obj(['header', header(r.header)], ['prev_kv', r.prevKv ? keyValue(r.prevKv) : undefined]));
  }

  del(r: DeleteRangeResponse): void {
    this.print(
      obj(['header', header(r.header)], ['deleted', onum(r.deleted)], ['prev_kvs', oarr(r.prevKvs.map(keyValue))]),
    );
  }

  txn(r: TxnResponse): void {
    this.print(
      obj(
        ['header', header(r.header)],
        ['succeeded', r.succeeded ? bool(true) : undefined],
        ['responses', oarr(r.responses.map(responseOp))],
      ),
    );
  }

  /** clientv3.WatchResponse has no json tags: Go writes its field names. */
  watch(r: WatchResponse): void {
    this.print(
      obj(
        ['Header', header(r.header)],
        ['Events', r.events.length ? arr(r.events.map(event)) : { t: 'raw', v: 'null' }],
        ['CompactRevision', num(r.compactRevision)],
        ['Canceled', bool(r.canceled)],
        ['Created', bool(r.created)],
      ),
    );
  }

  grant(r: LeaseGrantResponse): void {
    this.print(obj(...headerFields(r.header), ['ID', num(r.ID)], ['TTL', num(r.TTL)], ['Error', str(r.error)]));
  }

  revoke(_id: bigint, r: { header: ResponseHeader }): void {
    this.print(obj(['header', header(r.header)]));
  }

  keepAlive(r: LeaseKeepAliveResponse): void {
    this.print(obj(...headerFields(r.header), ['ID', num(r.ID)], ['TTL', num(r.TTL)]));
  }

  timeToLive(r: LeaseTimeToLiveResponse): void {
    this.print(
      obj(
        ['cluster_id', onum(r.header.clusterId)],
        ['member_id', onum(r.header.memberId)],
        ['revision', onum(r.header.revision)],
        ['raft_term', onum(r.header.raftTerm)],
        ['id', num(r.ID)],
        ['ttl', num(r.TTL)],
        ['granted-ttl', num(r.grantedTTL)],
        ['keys', r.keys.length ? arr(r.keys.map(bytes)) : { t: 'raw', v: 'null' }],
      ),
    );
  }

  leases(r: LeaseLeasesResponse): void {
    this.print(obj(...headerFields(r.header), ['leases', arr(r.leases.map((l) => obj(['id', num(l.ID)])))]));
  }
}
