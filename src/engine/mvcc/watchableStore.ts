// Watches over the MVCC store (etcd's watchableStore). A watcher is "synced" when it has seen
// every revision up to the current one: new writes are pushed to it as they commit, one
// response per write transaction. A watcher that starts in the past is "unsynced": a scheduled
// sync pass reads the history it missed from the backend, sends it in one batch and moves it to
// the synced group. A watcher whose start revision was compacted away is cancelled with the
// compaction revision.
import type { Scheduler } from '../base/scheduler.ts';
import { type Event, EventType, type KeyValue, WatchFilterType } from '../etcdserverpb.ts';
import { isTombstone, type KVStore } from './kvStore.ts';

/** etcd syncs unsynced watchers every 100 ms. */
export const SYNC_INTERVAL_MS = 100;

export interface WatchBatch {
  watcher: Watcher;
  events: Event[];
  /** The store revision the batch brings the watcher up to. */
  revision: number;
  /** Non-zero when the watcher was cancelled because its start revision was compacted. */
  compactRevision: number;
}

export interface Watcher {
  readonly id: number;
  readonly key: string;
  readonly end: string | undefined;
  readonly prevKv: boolean;
  readonly filters: readonly WatchFilterType[];
  /** The next revision this watcher has not seen yet. */
  minRev: number;
  readonly send: (b: WatchBatch) => void;
}

export class WatchableStore {
  readonly synced = new Set<Watcher>();
  readonly unsynced = new Set<Watcher>();
  private nextId = 0;
  private syncScheduled = false;

  constructor(
    readonly kv: KVStore,
    private readonly scheduler: Scheduler,
  ) {
    kv.onCommit = (changes, rev) => this.notify(changes, rev);
  }

  watch(opts: {
    key: string;
    end?: string;
    startRev?: number;
    prevKv?: boolean;
    filters?: WatchFilterType[];
    send: (b: WatchBatch) => void;
  }): Watcher {
    const startRev = opts.startRev ?? 0;
    const cur = this.kv.currentRev;
    const w: Watcher = {
      id: this.nextId++,
      key: opts.key,
      end: opts.end || undefined,
      prevKv: !!opts.prevKv,
      filters: opts.filters ?? [],
      minRev: startRev === 0 || startRev > cur ? cur + 1 : startRev,
      send: opts.send,
    };
    if (startRev === 0 || startRev > cur) this.synced.add(w);
    else {
      this.unsynced.add(w);
      this.scheduleSync();
    }
    return w;
  }

  /** After the store was replaced by a snapshot: every watcher catches up from the new history. */
  resync(): void {
    for (const w of this.synced) this.unsynced.add(w);
    this.synced.clear();
    if (this.unsynced.size) this.scheduleSync();
  }

  cancel(w: Watcher): void {
    this.synced.delete(w);
    this.unsynced.delete(w);
  }

  /** A synced watcher learns the current revision (an empty batch); an unsynced one waits for its sync. */
  requestProgress(w: Watcher): void {
    if (this.synced.has(w)) w.send({ watcher: w, events: [], revision: this.kv.currentRev, compactRevision: 0 });
  }

  private notify(changes: readonly KeyValue[], rev: number): void {
    for (const w of this.synced) {
      if (w.minRev > rev) continue;
      const events = this.eventsFor(w, changes);
      w.minRev = rev + 1;
      if (events.length) w.send({ watcher: w, events, revision: rev, compactRevision: 0 });
    }
  }

  private scheduleSync(): void {
    if (this.syncScheduled) return;
    this.syncScheduled = true;
    this.scheduler.after(SYNC_INTERVAL_MS, 'mvcc: sync watchers', () => {
      this.syncScheduled = false;
      this.syncWatchers();
      if (this.unsynced.size) this.scheduleSync();
    });
  }

  /** One sync pass: bring every unsynced watcher up to the current revision. */
  syncWatchers(): void {
    const cur = this.kv.currentRev;
    const compactRev = this.kv.compactMainRev;
    for (const w of [...this.unsynced]) {
      this.unsynced.delete(w);
      if (w.minRev < compactRev) {
        w.send({ watcher: w, events: [], revision: cur, compactRevision: compactRev });
        continue;
      }
      const changes: KeyValue[] = [];
      this.kv.changesBetween(w.minRev, cur, (kv) => changes.push(kv));
      const events = this.eventsFor(w, changes);
      w.minRev = cur + 1;
      this.synced.add(w);
      if (events.length) w.send({ watcher: w, events, revision: cur, compactRevision: 0 });
    }
  }

  private eventsFor(w: Watcher, changes: readonly KeyValue[]): Event[] {
    const events: Event[] = [];
    for (const kv of changes) {
      if (!inRange(w, kv.key)) continue;
      const type = isTombstone(kv) ? EventType.DELETE : EventType.PUT;
      if (type === EventType.PUT && w.filters.includes(WatchFilterType.NOPUT)) continue;
      if (type === EventType.DELETE && w.filters.includes(WatchFilterType.NODELETE)) continue;
      const ev: Event = { type, kv };
      if (w.prevKv) {
        try {
          const prev = this.kv.rangeKeys(kv.key, undefined, kv.modRevision - 1, { rev: kv.modRevision - 1 });
          if (prev.kvs.length) ev.prevKv = prev.kvs[0];
        } catch {
          // The previous value was compacted away: the event goes out without it, as in etcd.
        }
      }
      events.push(ev);
    }
    return events;
  }
}

function inRange(w: Watcher, key: string): boolean {
  if (w.end === undefined) return key === w.key;
  if (w.end === '\x00') return key >= w.key;
  return key >= w.key && key < w.end;
}
