// The log of a one-member cluster: every proposal is appended, persisted and committed by the
// member alone. It keeps the shape the Raft core will fill (terms, indexes, commit, apply in
// order), so that the member above it does not change when real replication arrives.
import type { Scheduler } from '../base/scheduler.ts';

export interface Entry<T> {
  term: number;
  index: number;
  data: T | undefined;
}

/** Virtual time one append takes to reach the disk (etcd fsyncs the WAL before committing). */
export const FSYNC_MS = 1;

export class SoloLog<T> {
  term = 0;
  readonly entries: Entry<T>[] = [];
  commitIndex = 0;
  appliedIndex = 0;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly applyEntry: (e: Entry<T>) => void,
  ) {}

  /** The member's only election: it votes for itself and leads the next term. */
  campaign(): void {
    this.term++;
    this.append(undefined); // a new leader's empty entry
  }

  lastIndex(): number {
    return this.entries.length;
  }

  propose(data: T): number {
    return this.append(data);
  }

  private append(data: T | undefined): number {
    const e: Entry<T> = { term: this.term, index: this.entries.length + 1, data };
    this.entries.push(e);
    this.scheduler.after(FSYNC_MS, 'raft: persist and commit', () => {
      this.commitIndex = Math.max(this.commitIndex, e.index);
      while (this.appliedIndex < this.commitIndex) {
        const next = this.entries[this.appliedIndex];
        this.appliedIndex++;
        this.applyEntry(next);
      }
    });
    return e.index;
  }
}
