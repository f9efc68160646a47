// What raft has made durable: the log after the last snapshot, the hard state and the snapshot.
// The member persists Ready's entries and hard state here before sending or applying anything;
// a crashed member restarts from exactly this.
import type { ConfState, Entry, HardState, Snapshot } from './messages.ts';
import { NONE } from './messages.ts';

export class CompactedError extends Error {
  constructor() {
    super('requested index is unavailable due to compaction');
  }
}

export class UnavailableError extends Error {
  constructor() {
    super('requested entry at index is unavailable');
  }
}

export class MemoryStorage {
  hardState: HardState = { term: 0, vote: NONE, commit: 0 };
  snapshot: Snapshot = { metadata: { index: 0, term: 0, confState: { voters: [], learners: [] } }, data: undefined };
  /** ents[0] is a dummy entry standing for the snapshot's index and term. */
  ents: Entry[] = [{ term: 0, index: 0, type: 'Normal' as Entry['type'] }];

  initialState(): { hardState: HardState; confState: ConfState } {
    return { hardState: { ...this.hardState }, confState: this.snapshot.metadata.confState };
  }

  firstIndex(): number {
    return this.ents[0].index + 1;
  }

  lastIndex(): number {
    return this.ents[0].index + this.ents.length - 1;
  }

  term(i: number): number {
    const offset = this.ents[0].index;
    if (i < offset) throw new CompactedError();
    if (i - offset >= this.ents.length) throw new UnavailableError();
    return this.ents[i - offset].term;
  }

  /** Entries in [lo, hi). */
  entries(lo: number, hi: number): Entry[] {
    const offset = this.ents[0].index;
    if (lo <= offset) throw new CompactedError();
    if (hi > this.lastIndex() + 1) throw new UnavailableError();
    return this.ents.slice(lo - offset, hi - offset);
  }

  setHardState(h: HardState): void {
    this.hardState = { ...h };
  }

  /** Append, truncating any conflicting suffix. */
  append(entries: readonly Entry[]): void {
    if (!entries.length) return;
    const first = this.firstIndex();
    const last = entries[0].index + entries.length - 1;
    if (last < first) return;
    let es = entries as Entry[];
    if (first > entries[0].index) es = es.slice(first - entries[0].index);
    const offset = es[0].index - this.ents[0].index;
    if (this.ents.length > offset) this.ents = [...this.ents.slice(0, offset), ...es];
    else if (this.ents.length === offset) this.ents.push(...es);
    else throw new Error(`missing log entry [last: ${this.lastIndex()}, append at: ${es[0].index}]`);
  }

  applySnapshot(s: Snapshot): void {
    if (s.metadata.index <= this.snapshot.metadata.index) return;
    this.snapshot = s;
    this.ents = [{ term: s.metadata.term, index: s.metadata.index, type: 'Normal' as Entry['type'] }];
  }

  /** Make a snapshot at index i (already applied) with the application's state. */
  createSnapshot(i: number, confState: ConfState, data: unknown): Snapshot {
    if (i <= this.snapshot.metadata.index) return this.snapshot;
    this.snapshot = { metadata: { index: i, term: this.term(i), confState }, data };
    return this.snapshot;
  }

  /** Drop entries before compactIndex (they are in a snapshot). */
  compact(compactIndex: number): void {
    const offset = this.ents[0].index;
    if (compactIndex <= offset) return;
    if (compactIndex > this.lastIndex())
      throw new Error(`compact ${compactIndex} is out of bound lastindex(${this.lastIndex()})`);
    const i = compactIndex - offset;
    this.ents = [
      { term: this.ents[i].term, index: this.ents[i].index, type: 'Normal' as Entry['type'] },
      ...this.ents.slice(i + 1),
    ];
  }

  /** A deep copy: what survives a crash is what was written here, nothing the node held in memory. */
  clone(): MemoryStorage {
    const s = new MemoryStorage();
    s.hardState = { ...this.hardState };
    s.snapshot = this.snapshot;
    s.ents = [...this.ents];
    return s;
  }
}
