// What the leader knows of each follower's log (etcd-io/raft tracker/progress.go): the highest
// index known to match, the next index to send, and how to send it (probe one message at a time,
// replicate optimistically, or wait for a snapshot).
import type { NodeId } from './messages.ts';

export enum ProgressState {
  Probe = 'Probe',
  Replicate = 'Replicate',
  Snapshot = 'Snapshot',
}

/** Messages in flight before the leader waits for acknowledgements (etcd's MaxInflightMsgs). */
export const MAX_INFLIGHT = 256;

export class Progress {
  match = 0;
  next: number;
  state = ProgressState.Probe;
  pendingSnapshot = 0;
  /** Heard from since the last check-quorum round. */
  recentActive = false;
  /** In probe state: a message was sent and not answered yet. */
  probeSent = false;
  /** Last indexes of MsgApps in flight (replicate state). */
  inflights: number[] = [];

  constructor(
    readonly id: NodeId,
    next: number,
    public isLearner = false,
  ) {
    this.next = next;
  }

  becomeProbe(): void {
    if (this.state === ProgressState.Snapshot) {
      const pending = this.pendingSnapshot;
      this.reset(ProgressState.Probe);
      this.next = Math.max(this.match + 1, pending + 1);
    } else {
      this.reset(ProgressState.Probe);
      this.next = this.match + 1;
    }
  }

  becomeReplicate(): void {
    this.reset(ProgressState.Replicate);
    this.next = this.match + 1;
  }

  becomeSnapshot(snapshotIndex: number): void {
    this.reset(ProgressState.Snapshot);
    this.pendingSnapshot = snapshotIndex;
  }

  private reset(state: ProgressState): void {
    this.probeSent = false;
    this.pendingSnapshot = 0;
    this.state = state;
    this.inflights = [];
  }

  /** An acknowledgement up to n: returns false if it is stale. */
  maybeUpdate(n: number): boolean {
    let updated = false;
    if (this.match < n) {
      this.match = n;
      updated = true;
      this.probeSent = false;
    }
    this.next = Math.max(this.next, n + 1);
    return updated;
  }

  /** A rejection of the append at `rejected`: step `next` back. Returns false if the rejection is stale. */
  maybeDecrTo(rejected: number, last: number): boolean {
    if (this.state === ProgressState.Replicate) {
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      return true;
    }
    if (this.next - 1 !== rejected) return false;
    this.next = Math.max(Math.min(rejected, last + 1), 1);
    this.probeSent = false;
    return true;
  }

  isPaused(): boolean {
    switch (this.state) {
      case ProgressState.Probe:
        return this.probeSent;
      case ProgressState.Replicate:
        return this.inflights.length >= MAX_INFLIGHT;
      case ProgressState.Snapshot:
        return true;
    }
  }

  /** Acknowledged up to `to`: free the in-flight slots at or below it. */
  freeInflightsTo(to: number): void {
    while (this.inflights.length && this.inflights[0] <= to) this.inflights.shift();
  }
}
