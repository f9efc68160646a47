// etcdctl's "simple" output: what a person reads.
import { toHexEscaped } from '../../base/bytes.ts';
import { hex16 } from '../../base/ids.ts';
import { EventType, type KeyValue, type ResponseOp } from '../../etcdserverpb.ts';
import type { Out, Printer, PrinterOptions } from './printer.ts';

export class SimplePrinter implements Printer {
  constructor(
    private readonly out: Out,
    private readonly opts: PrinterOptions,
  ) {}

  private kv(kv: KeyValue): void {
    const k = this.opts.hex ? toHexEscaped(kv.key) : kv.key;
    const v = this.opts.hex ? toHexEscaped(kv.value) : kv.value;
    if (!this.opts.valueOnly) this.out(k + '\n');
    this.out(v + '\n');
  }

  get(r: { kvs: KeyValue[] }): void {
    for (const kv of r.kvs) this.kv(kv);
  }

  put(r: { prevKv?: KeyValue }): void {
    this.out('OK\n');
    if (r.prevKv) this.kv(r.prevKv);
  }

  del(r: { deleted: number; prevKvs: KeyValue[] }): void {
    this.out(`${r.deleted}\n`);
    for (const kv of r.prevKvs) this.kv(kv);
  }

  txn(r: { succeeded: boolean; responses: ResponseOp[] }): void {
    this.out(r.succeeded ? 'SUCCESS\n' : 'FAILURE\n');
    for (const op of r.responses) {
      this.out('\n');
      if ('responsePut' in op) this.put(op.responsePut);
      else if ('responseDeleteRange' in op) this.del(op.responseDeleteRange);
      else if ('responseRange' in op) this.get(op.responseRange);
      else this.txn(op.responseTxn);
    }
  }

  watch(r: { events: { type: EventType; kv: KeyValue; prevKv?: KeyValue }[] }): void {
    for (const ev of r.events) {
      this.out(ev.type === EventType.PUT ? 'PUT\n' : 'DELETE\n');
      if (ev.prevKv) this.kv(ev.prevKv);
      this.kv(ev.kv);
    }
  }

  grant(r: { ID: bigint; TTL: number }): void {
    this.out(`lease ${hex16(r.ID)} granted with TTL(${r.TTL}s)\n`);
  }

  revoke(id: bigint): void {
    this.out(`lease ${hex16(id)} revoked\n`);
  }

  keepAlive(r: { ID: bigint; TTL: number }): void {
    this.out(`lease ${hex16(r.ID)} keepalived with TTL(${r.TTL})\n`);
  }

  timeToLive(r: { ID: bigint; TTL: number; grantedTTL: number; keys: string[] }, keys: boolean): void {
    if (r.TTL === -1) {
      this.out(`lease ${hex16(r.ID)} already expired\n`);
      return;
    }
    let s = `lease ${hex16(r.ID)} granted with TTL(${r.grantedTTL}s), remaining(${r.TTL}s)`;
    if (keys) s += `, attached keys([${r.keys.join(' ')}])`;
    this.out(s + '\n');
  }

  leases(r: { leases: { ID: bigint }[] }): void {
    this.out(`found ${r.leases.length} leases\n`);
    for (const l of r.leases) this.out(`${hex16(l.ID)}\n`);
  }
}
