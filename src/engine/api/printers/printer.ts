// What etcdctl can print, one method per response, and the printer for each --write-out format.
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

export type Out = (s: string) => void;

/** Raised by a printer that cannot show a response in its format (etcdctl's printerUnsupported). */
export class UnsupportedFormat extends Error {
  constructor(format: string) {
    super(`${format} not supported as output format`);
  }
}

export interface Printer {
  get(r: RangeResponse): void;
  put(r: PutResponse): void;
  del(r: DeleteRangeResponse): void;
  txn(r: TxnResponse): void;
  watch(r: WatchResponse): void;
  grant(r: LeaseGrantResponse): void;
  revoke(id: bigint, r: { header: ResponseHeader }): void;
  keepAlive(r: LeaseKeepAliveResponse): void;
  timeToLive(r: LeaseTimeToLiveResponse, keys: boolean): void;
  leases(r: LeaseLeasesResponse): void;
}

export interface PrinterOptions {
  hex: boolean;
  valueOnly: boolean;
}
