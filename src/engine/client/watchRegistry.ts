// The watches clients have open, for the UI's watch picture: who opened each (a terminal), on
// what key or range, from which revision, what it has delivered, and how it ended (cancelled by
// the client, or by compaction of its start revision).
import { prefixRangeEnd, toUtf8 } from '../base/bytes.ts';
import { EventType, type WatchCreateRequest, type WatchResponse } from '../etcdserverpb.ts';

export interface WatchRecord {
  readonly id: number;
  readonly owner: string;
  readonly key: string;
  readonly rangeEnd: string;
  /** The range is the key's prefix (etcdctl --prefix). */
  readonly prefix: boolean;
  readonly startRevision: number;
  readonly openedAt: number;
  state: 'active' | 'cancelled' | 'compacted';
  /** The compaction revision that cancelled it. */
  compactRevision: number;
  eventCount: number;
  /** The newest few events, oldest first. */
  recent: { type: 'PUT' | 'DELETE'; key: string; modRevision: number }[];
  closedAt?: number;
}

const RECENT = 5;
/** Ended watches kept for the picture. */
const KEEP_ENDED = 20;

export class WatchRegistry {
  private nextId = 1;
  readonly records: WatchRecord[] = [];

  open(owner: string, req: WatchCreateRequest, now: number): WatchRecord {
    const rec: WatchRecord = {
      id: this.nextId++,
      owner,
      key: toUtf8(req.key),
      rangeEnd: req.rangeEnd ? toUtf8(req.rangeEnd) : '',
      prefix: !!req.rangeEnd && req.rangeEnd === prefixRangeEnd(req.key),
      startRevision: req.startRevision ?? 0,
      openedAt: now,
      state: 'active',
      compactRevision: 0,
      eventCount: 0,
      recent: [],
    };
    this.records.push(rec);
    return rec;
  }

  delivered(rec: WatchRecord, resp: WatchResponse): void {
    for (const e of resp.events) {
      rec.eventCount++;
      rec.recent.push({
        type: e.type === EventType.DELETE ? 'DELETE' : 'PUT',
        key: toUtf8(e.kv.key),
        modRevision: e.kv.modRevision,
      });
    }
    if (rec.recent.length > RECENT) rec.recent.splice(0, rec.recent.length - RECENT);
    if (resp.canceled && resp.compactRevision) {
      rec.state = 'compacted';
      rec.compactRevision = resp.compactRevision;
    }
  }

  close(rec: WatchRecord, now: number): void {
    if (rec.state === 'active') rec.state = 'cancelled';
    rec.closedAt ??= now;
    const ended = this.records.filter((r) => r.state !== 'active');
    for (const r of ended.slice(0, Math.max(0, ended.length - KEEP_ENDED)))
      this.records.splice(this.records.indexOf(r), 1);
  }
}
