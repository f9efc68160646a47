// etcdctl's "fields" output: one `"Name" : value` line per field, for scripts.

import type {
  DeleteRangeResponse,
  LeaseGrantResponse,
  LeaseKeepAliveResponse,
  LeaseLeasesResponse,
  LeaseTimeToLiveResponse,
  PutResponse,
  RangeResponse,
  TxnResponse,
  WatchResponse,
} from '../../etcdserverpb.ts';
import { EventType, type KeyValue, type ResponseHeader } from '../../etcdserverpb.ts';
import { goQuoteBytes } from './goQuote.ts';
import type { Out, Printer } from './printer.ts';

export class FieldsPrinter implements Printer {
  constructor(private readonly out: Out) {}

  private line(name: string, value: string | number | bigint | boolean): void {
    this.out(`"${name}" : ${value}\n`);
  }

  private hdr(h: ResponseHeader): void {
    this.line('ClusterID', h.clusterId);
    this.line('MemberID', h.memberId);
    this.line('Revision', h.revision);
    this.line('RaftTerm', h.raftTerm);
  }

  private kv(pfx: string, kv: KeyValue): void {
    this.line(`${pfx}Key`, goQuoteBytes(kv.key));
    this.line(`${pfx}CreateRevision`, kv.createRevision);
    this.line(`${pfx}ModRevision`, kv.modRevision);
    this.line(`${pfx}Version`, kv.version);
    this.line(`${pfx}Value`, goQuoteBytes(kv.value));
    this.line(`${pfx}Lease`, kv.lease);
  }

  get(r: RangeResponse, withHeader = true): void {
    if (withHeader) this.hdr(r.header);
    for (const kv of r.kvs) this.kv('', kv);
    this.line('More', r.more);
    this.line('Count', r.count);
  }

  put(r: PutResponse, withHeader = true): void {
    if (withHeader) this.hdr(r.header);
    if (r.prevKv) this.kv('Prev', r.prevKv);
  }

  del(r: DeleteRangeResponse, withHeader = true): void {
    if (withHeader) this.hdr(r.header);
    this.line('Deleted', r.deleted);
    for (const kv of r.prevKvs) this.kv('Prev', kv);
  }

  txn(r: TxnResponse): void {
    this.hdr(r.header);
    this.line('Succeeded', r.succeeded);
    for (const op of r.responses) {
      if ('responsePut' in op) this.put(op.responsePut, false);
      else if ('responseDeleteRange' in op) this.del(op.responseDeleteRange, false);
      else if ('responseRange' in op) this.get(op.responseRange, false);
    }
  }

  watch(r: WatchResponse): void {
    this.hdr(r.header);
    for (const ev of r.events) {
      this.line('Type', ev.type === EventType.PUT ? 'PUT' : 'DELETE');
      if (ev.prevKv) this.kv('Prev', ev.prevKv);
      this.kv('', ev.kv);
    }
  }

  grant(r: LeaseGrantResponse): void {
    this.hdr(r.header);
    this.line('ID', r.ID);
    this.line('TTL', r.TTL);
  }

  revoke(_id: bigint, r: { header: ResponseHeader }): void {
    this.hdr(r.header);
  }

  keepAlive(r: LeaseKeepAliveResponse): void {
    this.hdr(r.header);
    this.line('ID', r.ID);
    this.line('TTL', r.TTL);
  }

  timeToLive(r: LeaseTimeToLiveResponse, keys: boolean): void {
    this.hdr(r.header);
    this.line('ID', r.ID);
    this.line('TTL', r.TTL);
    this.line('GrantedTTL', r.grantedTTL);
    if (keys) for (const k of r.keys) this.line('Key', goQuoteBytes(k));
  }

  leases(r: LeaseLeasesResponse): void {
    this.hdr(r.header);
    for (const l of r.leases) this.line('ID', l.ID);
  }
}
