// The application's handle on a Raft node (etcd-io/raft rawnode.go): tick and step it, then
// take a Ready (what to persist, send and apply), do it, and call advance.

import {
  type ConfChange,
  type ConfState,
  type Entry,
  EntryType,
  type HardState,
  type Message,
  MessageType,
  msg,
  NONE,
  type NodeId,
  type Snapshot,
} from './messages.ts';
import { Raft, type RaftConfig, type RaftEvent, type ReadState, type StateType } from './raft.ts';

export interface SoftState {
  lead: NodeId;
  state: StateType;
}

export interface Ready {
  softState?: SoftState;
  /** To persist before sending messages, when it changed. */
  hardState?: HardState;
  /** To append to storage before sending messages. */
  entries: Entry[];
  /** To apply to storage and the state machine first, when present. */
  snapshot?: Snapshot;
  /** Committed, to apply in order. */
  committedEntries: Entry[];
  /** To send once entries and hard state are durable. */
  messages: Message[];
  readStates: ReadState[];
  /** What the state machine decided since the last Ready, for the event log. */
  events: RaftEvent[];
}

export class RawNode {
  readonly raft: Raft;
  private prevSoft: SoftState;
  private prevHard: HardState;

  constructor(config: RaftConfig) {
    this.raft = new Raft(config);
    this.prevSoft = { lead: this.raft.lead, state: this.raft.state };
    this.prevHard = this.raft.hardState();
  }

  tick(): void {
    this.raft.tick();
  }

  campaign(): void {
    this.raft.step(msg({ type: MessageType.MsgHup, from: this.raft.id }));
  }

  propose<T>(data: T): void {
    this.raft.step(
      msg({
        type: MessageType.MsgProp,
        from: this.raft.id,
        entries: [{ term: 0, index: 0, type: EntryType.Normal, data }],
      }),
    );
  }

  proposeConfChange(cc: ConfChange): void {
    this.raft.step(
      msg({
        type: MessageType.MsgProp,
        from: this.raft.id,
        entries: [{ term: 0, index: 0, type: EntryType.ConfChange, data: cc }],
      }),
    );
  }

  applyConfChange(cc: ConfChange): ConfState {
    return this.raft.applyConfChange(cc);
  }

  /** A message from a peer. Local message types are refused, as etcd-io/raft does. */
  step(m: Message): void {
    if (m.type === MessageType.MsgHup || m.type === MessageType.MsgBeat || m.type === MessageType.MsgCheckQuorum)
      return;
    if (!this.raft.prs.has(m.from) && (m.type === MessageType.MsgAppResp || m.type === MessageType.MsgHeartbeatResp))
      return;
    this.raft.step(m);
  }

  /** Ask for a linearizable read point; it comes back in a Ready's readStates with this context. */
  readIndex(ctx: string): void {
    this.raft.step(msg({ type: MessageType.MsgReadIndex, from: NONE, context: ctx }));
  }

  transferLeader(transferee: NodeId): void {
    this.raft.step(msg({ type: MessageType.MsgTransferLeader, from: transferee, to: this.raft.id }));
  }

  reportUnreachable(id: NodeId): void {
    this.raft.step(msg({ type: MessageType.MsgUnreachable, from: id }));
  }

  reportSnapshot(id: NodeId, failed: boolean): void {
    this.raft.step(msg({ type: MessageType.MsgSnapStatus, from: id, reject: failed }));
  }

  hasReady(): boolean {
    const r = this.raft;
    const soft = { lead: r.lead, state: r.state };
    if (soft.lead !== this.prevSoft.lead || soft.state !== this.prevSoft.state) return true;
    const hs = r.hardState();
    if (hs.term !== this.prevHard.term || hs.vote !== this.prevHard.vote || hs.commit !== this.prevHard.commit)
      return true;
    if (r.log.unstable.snapshot) return true;
    return (
      r.msgs.length > 0 ||
      r.log.unstableEntries().length > 0 ||
      r.log.hasNextEnts() ||
      r.readStates.length > 0 ||
      r.events.length > 0
    );
  }

  ready(): Ready {
    const r = this.raft;
    const rd: Ready = {
      // A copy: entries proposed while this Ready is handled (a single member applying) are the next one's.
      entries: [...r.log.unstableEntries()],
      committedEntries: r.log.nextEnts(),
      messages: r.msgs,
      readStates: r.readStates,
      events: r.events,
    };
    const soft = { lead: r.lead, state: r.state };
    if (soft.lead !== this.prevSoft.lead || soft.state !== this.prevSoft.state) {
      rd.softState = soft;
      this.prevSoft = soft;
    }
    const hs = r.hardState();
    if (hs.term !== this.prevHard.term || hs.vote !== this.prevHard.vote || hs.commit !== this.prevHard.commit) {
      rd.hardState = hs;
    }
    if (r.log.unstable.snapshot) rd.snapshot = r.log.unstable.snapshot;
    r.msgs = [];
    r.readStates = [];
    r.events = [];
    return rd;
  }

  /** The Ready was handled: its entries are durable and its committed entries applied. */
  advance(rd: Ready): void {
    const r = this.raft;
    if (rd.hardState) this.prevHard = rd.hardState;
    if (rd.committedEntries.length) r.log.appliedTo(rd.committedEntries[rd.committedEntries.length - 1].index);
    if (rd.entries.length) {
      const last = rd.entries[rd.entries.length - 1];
      r.log.stableTo(last.index, last.term);
    }
    if (rd.snapshot) r.log.stableSnapTo(rd.snapshot.metadata.index);
  }

  get status(): {
    id: NodeId;
    term: number;
    vote: NodeId;
    lead: NodeId;
    state: StateType;
    commit: number;
    applied: number;
    lastIndex: number;
  } {
    const r = this.raft;
    return {
      id: r.id,
      term: r.term,
      vote: r.vote,
      lead: r.lead,
      state: r.state,
      commit: r.log.committed,
      applied: r.log.applied,
      lastIndex: r.log.lastIndex(),
    };
  }
}

export { StateType } from './raft.ts';
