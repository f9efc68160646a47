// The Raft state machine (after etcd-io/raft raft.go): roles as step functions, driven only by
// tick() and step(message). It never does I/O: messages to send, entries to persist and entries
// to apply are collected and handed out through RawNode's Ready. The randomized election
// timeout draws from a function the caller gives (the scheduler's seeded PRNG).
import { RaftLog } from './log.ts';
import {
  type ConfChange,
  ConfChangeType,
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
  voteRespType,
} from './messages.ts';
import { Progress, ProgressState } from './progress.ts';
import type { MemoryStorage } from './storage.ts';

export enum StateType {
  Follower = 'Follower',
  Candidate = 'Candidate',
  Leader = 'Leader',
  PreCandidate = 'PreCandidate',
}

/** Context of the vote requests of a leadership transfer: they may interrupt a leader's lease. */
export const CAMPAIGN_TRANSFER = 'CampaignTransfer';

export interface ReadState {
  index: number;
  requestCtx: string;
}

/** Deliberate, test-only faults: each breaks one guarantee, so the checkers can be shown to catch it. */
export interface RaftBugs {
  /** Commit an entry of a previous term by counting replicas (Raft §5.4.2, Figure 8). */
  commitPreviousTerm?: boolean;
  /** Grant a vote without checking that the candidate's log is at least as up to date (§5.4.1). */
  voteForStaleLog?: boolean;
}

/** Why a vote was refused (what the event log and the lessons explain). */
export type VoteRefusal = 'voted-for-another' | 'has-leader' | 'log-behind' | 'stale-term';

/**
 * What the state machine decided, as facts for the event log (after etcd-io/raft's log lines):
 * handed out in a Ready with the messages.
 */
export type RaftEvent =
  /** An election (or a pre-vote) began: its term, and why. */
  | { type: 'campaign'; term: number; pre: boolean; cause: 'timeout' | 'transfer' | 'pre-vote won' | 'asked' }
  /** This node answered a vote request. */
  | {
      type: 'vote';
      candidate: NodeId;
      term: number;
      pre: boolean;
      granted: boolean;
      refusal?: VoteRefusal;
      /** Who it voted for already, when that is the refusal. */
      votedFor?: NodeId;
    }
  /** A vote request ignored: this node hears from a live leader (check-quorum's lease). */
  | { type: 'vote-ignored'; candidate: NodeId; term: number; pre: boolean }
  /** A majority refused: the campaign is over. */
  | { type: 'campaign-lost'; term: number; pre: boolean }
  /** A leader that could not reach a majority within an election timeout stepped down. */
  | { type: 'quorum-lost'; term: number }
  /** A leader began handing leadership over. */
  | { type: 'transfer'; to: NodeId; term: number }
  /** A follower took the new term of a leadership transfer (its leader handed over; nothing failed). */
  | { type: 'handover'; candidate: NodeId; term: number };

export interface RaftConfig {
  id: NodeId;
  /** Ticks without hearing from a leader before an election (etcd: 10 ticks of 100 ms). */
  electionTick: number;
  /** Ticks between heartbeats (etcd: 1). */
  heartbeatTick: number;
  storage: MemoryStorage;
  /** Index of the last entry the application has applied (on restart). */
  applied?: number;
  preVote: boolean;
  checkQuorum: boolean;
  /** Entries per append message. */
  maxEntriesPerMsg?: number;
  /** A uniformly random integer in [0, n): the seeded PRNG. */
  rand: (n: number) => number;
  bugs?: RaftBugs;
}

export class Raft {
  readonly id: NodeId;
  term = 0;
  vote: NodeId = NONE;
  lead: NodeId = NONE;
  state = StateType.Follower;
  readonly log: RaftLog;
  prs = new Map<NodeId, Progress>();
  votes = new Map<NodeId, boolean>();
  msgs: Message[] = [];
  readStates: ReadState[] = [];
  /** What happened since the last Ready (for the event log). */
  events: RaftEvent[] = [];
  leadTransferee: NodeId = NONE;
  pendingConfIndex = 0;
  electionElapsed = 0;
  heartbeatElapsed = 0;
  randomizedElectionTimeout = 0;
  readonly electionTimeout: number;
  readonly heartbeatTimeout: number;
  preVote: boolean;
  checkQuorum: boolean;
  readonly maxEntriesPerMsg: number;
  readonly bugs: RaftBugs;
  private readonly rand: (n: number) => number;
  /** ReadIndex requests waiting for a heartbeat round: by context, in arrival order. */
  private readIndexQueue: { ctx: string; index: number; from: NodeId; acks: Set<NodeId> }[] = [];

  constructor(c: RaftConfig) {
    this.id = c.id;
    this.log = new RaftLog(c.storage);
    this.electionTimeout = c.electionTick;
    this.heartbeatTimeout = c.heartbeatTick;
    this.preVote = c.preVote;
    this.checkQuorum = c.checkQuorum;
    this.maxEntriesPerMsg = c.maxEntriesPerMsg ?? 64;
    this.rand = c.rand;
    this.bugs = c.bugs ?? {};
    const { hardState, confState } = c.storage.initialState();
    this.restoreConf(confState);
    if (hardState.term || hardState.vote || hardState.commit) this.loadState(hardState);
    if (c.applied) this.log.appliedTo(c.applied);
    this.becomeFollower(this.term, NONE);
  }

  // ---- state ----

  hardState(): HardState {
    return { term: this.term, vote: this.vote, commit: this.log.committed };
  }

  private loadState(h: HardState): void {
    if (h.commit < this.log.committed || h.commit > this.log.lastIndex()) {
      throw new Error(
        `${this.id} state.commit ${h.commit} is out of range [${this.log.committed}, ${this.log.lastIndex()}]`,
      );
    }
    this.log.committed = h.commit;
    this.term = h.term;
    this.vote = h.vote;
  }

  voters(): NodeId[] {
    return [...this.prs.values()].filter((p) => !p.isLearner).map((p) => p.id);
  }

  learners(): NodeId[] {
    return [...this.prs.values()].filter((p) => p.isLearner).map((p) => p.id);
  }

  confState(): ConfState {
    return { voters: this.voters().sort(), learners: this.learners().sort() };
  }

  private quorum(): number {
    return Math.floor(this.voters().length / 2) + 1;
  }

  /** Can this node become leader? (It is a voter in the configuration.) */
  promotable(): boolean {
    const pr = this.prs.get(this.id);
    return !!pr && !pr.isLearner;
  }

  private restoreConf(cs: ConfState): void {
    this.prs = new Map();
    const next = this.log.lastIndex() + 1;
    for (const id of cs.voters) this.prs.set(id, new Progress(id, next));
    for (const id of cs.learners) this.prs.set(id, new Progress(id, next, true));
  }

  // ---- role changes ----

  private reset(term: number): void {
    if (this.term !== term) {
      this.term = term;
      this.vote = NONE;
    }
    this.lead = NONE;
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.randomizedElectionTimeout = this.electionTimeout + this.rand(this.electionTimeout);
    this.leadTransferee = NONE;
    this.votes = new Map();
    for (const pr of this.prs.values()) {
      const fresh = new Progress(pr.id, this.log.lastIndex() + 1, pr.isLearner);
      if (pr.id === this.id) fresh.match = this.log.lastIndex();
      this.prs.set(pr.id, fresh);
    }
    this.pendingConfIndex = 0;
    this.readIndexQueue = [];
  }

  becomeFollower(term: number, lead: NodeId): void {
    this.reset(term);
    this.lead = lead;
    this.state = StateType.Follower;
  }

  becomeCandidate(): void {
    if (this.state === StateType.Leader) throw new Error('invalid transition [leader -> candidate]');
    this.reset(this.term + 1);
    this.vote = this.id;
    this.state = StateType.Candidate;
  }

  becomePreCandidate(): void {
    if (this.state === StateType.Leader) throw new Error('invalid transition [leader -> pre-candidate]');
    // Pre-candidates keep their term and vote: nothing changes until the real election.
    this.votes = new Map();
    this.lead = NONE;
    this.state = StateType.PreCandidate;
  }

  becomeLeader(): void {
    if (this.state === StateType.Follower) throw new Error('invalid transition [follower -> leader]');
    this.reset(this.term);
    this.lead = this.id;
    this.state = StateType.Leader;
    this.prs.get(this.id)?.becomeReplicate();
    // Conf changes in the uncommitted tail may not be applied yet: hold new ones until then.
    this.pendingConfIndex = this.log.lastIndex();
    this.appendEntry([RaftLog.emptyEntry(this.term, 0)]);
  }

  // ---- ticks ----

  tick(): void {
    if (this.state === StateType.Leader) this.tickHeartbeat();
    else this.tickElection();
  }

  private tickElection(): void {
    this.electionElapsed++;
    if (this.promotable() && this.electionElapsed >= this.randomizedElectionTimeout) {
      this.electionElapsed = 0;
      this.step(msg({ type: MessageType.MsgHup, from: this.id, context: 'timeout' }));
    }
  }

  private tickHeartbeat(): void {
    this.heartbeatElapsed++;
    this.electionElapsed++;
    if (this.electionElapsed >= this.electionTimeout) {
      this.electionElapsed = 0;
      if (this.checkQuorum) this.step(msg({ type: MessageType.MsgCheckQuorum, from: this.id }));
      // A transfer that did not finish within an election timeout is given up.
      if (this.state === StateType.Leader && this.leadTransferee !== NONE) this.leadTransferee = NONE;
    }
    if (this.state !== StateType.Leader) return;
    if (this.heartbeatElapsed >= this.heartbeatTimeout) {
      this.heartbeatElapsed = 0;
      this.step(msg({ type: MessageType.MsgBeat, from: this.id }));
    }
  }

  // ---- sending ----

  private send(m: Message): void {
    m.from = this.id;
    if (
      m.type === MessageType.MsgVote ||
      m.type === MessageType.MsgVoteResp ||
      m.type === MessageType.MsgPreVote ||
      m.type === MessageType.MsgPreVoteResp
    ) {
      if (m.term === 0) throw new Error(`term should be set when sending ${m.type}`);
    } else {
      if (m.term !== 0) throw new Error(`term should not be set when sending ${m.type} (was ${m.term})`);
      // Proposals and forwarded ReadIndex requests carry no term.
      if (m.type !== MessageType.MsgProp && m.type !== MessageType.MsgReadIndex) m.term = this.term;
    }
    this.msgs.push(m);
  }

  /** Send the entries `to` is missing (or a snapshot, if they are compacted away). */
  sendAppend(to: NodeId, sendIfEmpty = true): boolean {
    const pr = this.prs.get(to);
    if (!pr || pr.isPaused()) return false;
    const prevIndex = pr.next - 1;
    if (prevIndex < this.log.firstIndex() - 1) {
      // What the follower needs was compacted into a snapshot: send that instead.
      if (!pr.recentActive) return false;
      const snapshot = this.log.snapshot();
      if (snapshot.metadata.index === 0) throw new Error('need non-empty snapshot');
      this.send(msg({ type: MessageType.MsgSnap, to, snapshot }));
      pr.becomeSnapshot(snapshot.metadata.index);
      return true;
    }
    const prevTerm = this.log.term(prevIndex);
    const ents = this.log.entries(pr.next, this.maxEntriesPerMsg);
    if (!ents.length && !sendIfEmpty) return false;
    this.send(
      msg({
        type: MessageType.MsgApp,
        to,
        index: prevIndex,
        logTerm: prevTerm,
        entries: ents,
        commit: this.log.committed,
      }),
    );
    if (ents.length) {
      const last = ents[ents.length - 1].index;
      if (pr.state === ProgressState.Replicate) {
        pr.next = last + 1;
        pr.inflights.push(last);
      } else if (pr.state === ProgressState.Probe) pr.probeSent = true;
    }
    return true;
  }

  private sendHeartbeat(to: NodeId, ctx?: string): void {
    const pr = this.prs.get(to)!;
    // A follower that is behind must not be told to commit entries it may not have.
    const commit = Math.min(pr.match, this.log.committed);
    this.send(msg({ type: MessageType.MsgHeartbeat, to, commit, context: ctx }));
  }

  bcastAppend(): void {
    for (const id of this.prs.keys()) if (id !== this.id) this.sendAppend(id);
  }

  private bcastHeartbeat(ctx?: string): void {
    for (const id of this.prs.keys()) if (id !== this.id) this.sendHeartbeat(id, ctx);
  }

  // ---- the log ----

  private appendEntry(es: Entry[]): void {
    let li = this.log.lastIndex();
    for (const e of es) {
      e.term = this.term;
      e.index = ++li;
    }
    li = this.log.append(es);
    this.prs.get(this.id)?.maybeUpdate(li);
    this.maybeCommit();
  }

  /** The highest index a quorum of voters has, committed if it is of this term (§5.4.2). */
  maybeCommit(): boolean {
    const matches: number[] = [];
    for (const pr of this.prs.values()) if (!pr.isLearner) matches.push(pr.match);
    if (!matches.length) return false;
    matches.sort((a, b) => b - a);
    const mci = matches[Math.floor(matches.length / 2)];
    if (this.bugs.commitPreviousTerm && mci > this.log.committed && this.log.term(mci) !== 0) {
      this.log.commitTo(mci);
      return true;
    }
    return this.log.maybeCommit(mci, this.term);
  }

  // ---- elections ----

  private poll(id: NodeId, t: MessageType, granted: boolean): { granted: number; rejected: number } {
    if (!this.votes.has(id)) this.votes.set(id, granted);
    let g = 0;
    let r = 0;
    for (const v of this.voters()) {
      const vote = this.votes.get(v);
      if (vote === true) g++;
      else if (vote === false) r++;
    }
    void t;
    return { granted: g, rejected: r };
  }

  campaign(kind: 'pre' | 'election' | 'transfer', cause: 'timeout' | 'pre-vote won' | 'asked' = 'asked'): void {
    if (!this.promotable()) return;
    let voteMsg: MessageType;
    let term: number;
    if (kind === 'pre') {
      this.becomePreCandidate();
      voteMsg = MessageType.MsgPreVote;
      term = this.term + 1; // the term it would campaign in
    } else {
      this.becomeCandidate();
      voteMsg = MessageType.MsgVote;
      term = this.term;
    }
    this.events.push({
      type: 'campaign',
      term,
      pre: kind === 'pre',
      cause: kind === 'transfer' ? 'transfer' : cause,
    });
    const { granted } = this.poll(this.id, voteRespType(voteMsg), true);
    if (granted >= this.quorum()) {
      // A single voter wins at once.
      if (kind === 'pre') this.campaign('election', 'pre-vote won');
      else this.becomeLeader();
      return;
    }
    for (const id of this.voters()) {
      if (id === this.id) continue;
      this.send(
        msg({
          type: voteMsg,
          to: id,
          term,
          index: this.log.lastIndex(),
          logTerm: this.log.lastTerm(),
          context: kind === 'transfer' ? CAMPAIGN_TRANSFER : undefined,
        }),
      );
    }
  }

  /** A conf change committed but not applied blocks campaigning (etcd: "cannot campaign ... pending configuration changes"). */
  private hasUnappliedConfChanges(): boolean {
    if (this.log.committed <= this.log.applied) return false;
    try {
      return this.log.slice(this.log.applied + 1, this.log.committed + 1).some((e) => e.type === EntryType.ConfChange);
    } catch {
      return false;
    }
  }

  // ---- step ----

  step(m: Message): void {
    if (m.term === 0) {
      // local message
    } else if (m.term > this.term) {
      if (m.type === MessageType.MsgVote || m.type === MessageType.MsgPreVote) {
        const force = m.context === CAMPAIGN_TRANSFER;
        const inLease = this.checkQuorum && this.lead !== NONE && this.electionElapsed < this.electionTimeout;
        // A node that hears from a live leader ignores vote requests (check-quorum's leader lease).
        if (!force && inLease) {
          this.events.push({
            type: 'vote-ignored',
            candidate: m.from,
            term: m.term,
            pre: m.type === MessageType.MsgPreVote,
          });
          return;
        }
        // The vote request of a leadership transfer: this node lets its leader go on purpose.
        if (force && m.type === MessageType.MsgVote)
          this.events.push({ type: 'handover', candidate: m.from, term: m.term });
      }
      if (m.type === MessageType.MsgPreVote) {
        // A pre-vote does not change our term.
      } else if (m.type === MessageType.MsgPreVoteResp && !m.reject) {
        // The term in a granted pre-vote is the one we will campaign in: wait for the election.
      } else if (
        m.type === MessageType.MsgApp ||
        m.type === MessageType.MsgHeartbeat ||
        m.type === MessageType.MsgSnap
      ) {
        this.becomeFollower(m.term, m.from);
      } else {
        this.becomeFollower(m.term, NONE);
      }
    } else if (m.term < this.term) {
      if (
        (this.checkQuorum || this.preVote) &&
        (m.type === MessageType.MsgHeartbeat || m.type === MessageType.MsgApp)
      ) {
        // Tell a stale leader about the newer term, or a partitioned node stuck in pre-vote would never rejoin.
        this.send(msg({ type: MessageType.MsgAppResp, to: m.from }));
      } else if (m.type === MessageType.MsgPreVote) {
        this.events.push({
          type: 'vote',
          candidate: m.from,
          term: m.term,
          pre: true,
          granted: false,
          refusal: 'stale-term',
        });
        this.send(msg({ type: MessageType.MsgPreVoteResp, to: m.from, term: this.term, reject: true }));
      }
      return;
    }

    switch (m.type) {
      case MessageType.MsgHup:
        if (this.state === StateType.Leader) return;
        if (this.hasUnappliedConfChanges()) return;
        this.campaign(this.preVote ? 'pre' : 'election', m.context === 'timeout' ? 'timeout' : 'asked');
        return;
      case MessageType.MsgVote:
      case MessageType.MsgPreVote: {
        const canVote =
          this.vote === m.from ||
          (this.vote === NONE && this.lead === NONE) ||
          (m.type === MessageType.MsgPreVote && m.term > this.term);
        const upToDate = this.bugs.voteForStaleLog || this.log.isUpToDate(m.index, m.logTerm);
        const pre = m.type === MessageType.MsgPreVote;
        if (canVote && upToDate) {
          this.events.push({ type: 'vote', candidate: m.from, term: m.term, pre, granted: true });
          this.send(msg({ type: voteRespType(m.type), to: m.from, term: m.term }));
          if (m.type === MessageType.MsgVote) {
            this.electionElapsed = 0;
            this.vote = m.from;
          }
        } else {
          this.events.push({
            type: 'vote',
            candidate: m.from,
            term: m.term,
            pre,
            granted: false,
            ...(!canVote
              ? this.vote !== NONE
                ? { refusal: 'voted-for-another' as const, votedFor: this.vote }
                : { refusal: 'has-leader' as const }
              : { refusal: 'log-behind' as const }),
          });
          this.send(msg({ type: voteRespType(m.type), to: m.from, term: this.term, reject: true }));
        }
        return;
      }
    }
    switch (this.state) {
      case StateType.Leader:
        this.stepLeader(m);
        break;
      case StateType.Candidate:
      case StateType.PreCandidate:
        this.stepCandidate(m);
        break;
      case StateType.Follower:
        this.stepFollower(m);
        break;
    }
  }

  /** Proposals this node could not take (no leader, leader stepping away, removed): etcd's ErrProposalDropped. */
  droppedProposals = 0;

  private stepLeader(m: Message): void {
    switch (m.type) {
      case MessageType.MsgBeat:
        this.bcastHeartbeat();
        return;
      case MessageType.MsgCheckQuorum:
        if (!this.checkQuorumActive()) {
          this.events.push({ type: 'quorum-lost', term: this.term });
          this.becomeFollower(this.term, NONE);
        }
        return;
      case MessageType.MsgProp: {
        if (!this.prs.has(this.id) || this.leadTransferee !== NONE) {
          this.droppedProposals++;
          return;
        }
        const es = m.entries.map((e) => ({ ...e }));
        es.forEach((e, i) => {
          if (e.type === EntryType.ConfChange) {
            if (this.pendingConfIndex > this.log.applied) {
              // One conf change at a time: this one becomes an empty entry.
              es[i] = { term: 0, index: 0, type: EntryType.Normal };
            } else this.pendingConfIndex = this.log.lastIndex() + i + 1;
          }
        });
        this.appendEntry(es);
        this.bcastAppend();
        return;
      }
      case MessageType.MsgReadIndex: {
        const ctx = m.context ?? '';
        if (this.voters().length === 1) {
          this.releaseRead(m.from, this.log.committed, ctx);
          return;
        }
        // Only a leader that has committed an entry of its term knows the commit index is current.
        if (this.log.term(this.log.committed) !== this.term) return;
        this.readIndexQueue.push({ ctx, index: this.log.committed, from: m.from, acks: new Set([this.id]) });
        this.bcastHeartbeat(ctx);
        return;
      }
    }

    const pr = this.prs.get(m.from);
    if (!pr) return;
    switch (m.type) {
      case MessageType.MsgAppResp: {
        pr.recentActive = true;
        if (m.reject) {
          if (pr.maybeDecrTo(m.index, m.rejectHint)) {
            if (pr.state === ProgressState.Replicate) pr.becomeProbe();
            this.sendAppend(m.from);
          }
          return;
        }
        const oldPaused = pr.isPaused();
        if (pr.maybeUpdate(m.index)) {
          if (pr.state === ProgressState.Probe) pr.becomeReplicate();
          else if (pr.state === ProgressState.Snapshot && pr.match >= pr.pendingSnapshot) pr.becomeProbe();
          else if (pr.state === ProgressState.Replicate) pr.freeInflightsTo(m.index);
          if (this.maybeCommit()) this.bcastAppend();
          else if (oldPaused) this.sendAppend(m.from);
          while (this.sendAppend(m.from, false)) {
            // keep sending while there is something to send and room in flight
          }
          if (m.from === this.leadTransferee && pr.match === this.log.lastIndex()) this.sendTimeoutNow(m.from);
        }
        return;
      }
      case MessageType.MsgHeartbeatResp: {
        pr.recentActive = true;
        pr.probeSent = false;
        if (pr.state === ProgressState.Replicate && pr.inflights.length >= 256) pr.inflights.shift();
        if (pr.match < this.log.lastIndex()) this.sendAppend(m.from);
        if (!m.context) return;
        const at = this.readIndexQueue.findIndex((r) => r.ctx === m.context);
        if (at < 0) return;
        this.readIndexQueue[at].acks.add(m.from);
        if (this.readIndexQueue[at].acks.size < this.quorum()) return;
        // Confirmed: this request and every one before it can be served.
        const done = this.readIndexQueue.splice(0, at + 1);
        for (const r of done) this.releaseRead(r.from, r.index, r.ctx);
        return;
      }
      case MessageType.MsgSnapStatus:
        if (pr.state !== ProgressState.Snapshot) return;
        if (m.reject) pr.pendingSnapshot = 0;
        pr.becomeProbe();
        pr.probeSent = true;
        return;
      case MessageType.MsgUnreachable:
        if (pr.state === ProgressState.Replicate) pr.becomeProbe();
        return;
      case MessageType.MsgTransferLeader: {
        if (pr.isLearner) return;
        const transferee = m.from;
        if (this.leadTransferee !== NONE) {
          if (this.leadTransferee === transferee) return;
          this.leadTransferee = NONE;
        }
        if (transferee === this.id) return;
        this.electionElapsed = 0;
        this.leadTransferee = transferee;
        this.events.push({ type: 'transfer', to: transferee, term: this.term });
        if (pr.match === this.log.lastIndex()) this.sendTimeoutNow(transferee);
        else this.sendAppend(transferee);
        return;
      }
    }
  }

  private releaseRead(from: NodeId, index: number, ctx: string): void {
    if (from === NONE || from === this.id) this.readStates.push({ index, requestCtx: ctx });
    else this.send(msg({ type: MessageType.MsgReadIndexResp, to: from, index, context: ctx }));
  }

  private sendTimeoutNow(to: NodeId): void {
    this.send(msg({ type: MessageType.MsgTimeoutNow, to }));
  }

  private checkQuorumActive(): boolean {
    let act = 0;
    for (const pr of this.prs.values()) {
      if (pr.id === this.id) {
        if (!pr.isLearner) act++;
        continue;
      }
      if (pr.recentActive && !pr.isLearner) act++;
      pr.recentActive = false;
    }
    return act >= this.quorum();
  }

  private stepCandidate(m: Message): void {
    const myVoteResp = this.state === StateType.PreCandidate ? MessageType.MsgPreVoteResp : MessageType.MsgVoteResp;
    switch (m.type) {
      case MessageType.MsgProp:
        this.droppedProposals++;
        return;
      case MessageType.MsgApp:
        this.becomeFollower(m.term, m.from);
        this.handleAppendEntries(m);
        return;
      case MessageType.MsgHeartbeat:
        this.becomeFollower(m.term, m.from);
        this.handleHeartbeat(m);
        return;
      case MessageType.MsgSnap:
        this.becomeFollower(m.term, m.from);
        this.handleSnapshot(m);
        return;
      case myVoteResp: {
        const { granted, rejected } = this.poll(m.from, m.type, !m.reject);
        if (granted >= this.quorum()) {
          if (this.state === StateType.PreCandidate) this.campaign('election', 'pre-vote won');
          else {
            this.becomeLeader();
            this.bcastAppend();
          }
        } else if (rejected >= this.quorum()) {
          this.events.push({ type: 'campaign-lost', term: this.term, pre: this.state === StateType.PreCandidate });
          this.becomeFollower(this.term, NONE);
        }
        return;
      }
    }
  }

  private stepFollower(m: Message): void {
    switch (m.type) {
      case MessageType.MsgProp:
        if (this.lead === NONE) {
          this.droppedProposals++;
          return;
        }
        m.to = this.lead;
        this.send(m);
        return;
      case MessageType.MsgApp:
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleAppendEntries(m);
        return;
      case MessageType.MsgHeartbeat:
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleHeartbeat(m);
        return;
      case MessageType.MsgSnap:
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleSnapshot(m);
        return;
      case MessageType.MsgTransferLeader:
        if (this.lead === NONE) return;
        m.to = this.lead;
        this.send(m);
        return;
      case MessageType.MsgTimeoutNow:
        // Leadership transfer: campaign at once, even inside another leader's lease.
        if (this.promotable()) this.campaign('transfer');
        return;
      case MessageType.MsgReadIndex:
        if (this.lead === NONE) return;
        m.to = this.lead;
        this.send(m);
        return;
      case MessageType.MsgReadIndexResp:
        this.readStates.push({ index: m.index, requestCtx: m.context ?? '' });
        return;
    }
  }

  private handleAppendEntries(m: Message): void {
    if (m.index < this.log.committed) {
      this.send(msg({ type: MessageType.MsgAppResp, to: m.from, index: this.log.committed }));
      return;
    }
    const last = this.log.maybeAppend(m.index, m.logTerm, m.commit, m.entries);
    if (last !== undefined) this.send(msg({ type: MessageType.MsgAppResp, to: m.from, index: last }));
    else
      this.send(
        msg({
          type: MessageType.MsgAppResp,
          to: m.from,
          index: m.index,
          reject: true,
          rejectHint: this.log.lastIndex(),
        }),
      );
  }

  private handleHeartbeat(m: Message): void {
    this.log.commitTo(Math.min(m.commit, this.log.lastIndex()));
    this.send(msg({ type: MessageType.MsgHeartbeatResp, to: m.from, context: m.context }));
  }

  private handleSnapshot(m: Message): void {
    const s = m.snapshot!;
    if (this.restore(s)) this.send(msg({ type: MessageType.MsgAppResp, to: m.from, index: this.log.lastIndex() }));
    else this.send(msg({ type: MessageType.MsgAppResp, to: m.from, index: this.log.committed }));
  }

  /** Take a snapshot from the leader; false if we already have what it holds. */
  restore(s: Snapshot): boolean {
    if (s.metadata.index <= this.log.committed) return false;
    if (this.log.matchTerm(s.metadata.index, s.metadata.term)) {
      // Our log has the snapshot's last entry: just move the commit index.
      this.log.commitTo(s.metadata.index);
      return false;
    }
    this.log.restore(s);
    this.restoreConf(s.metadata.confState);
    const pr = this.prs.get(this.id);
    if (pr) pr.match = s.metadata.index;
    return true;
  }

  // ---- membership ----

  /** Apply a committed conf change (single step: one member at a time). */
  applyConfChange(cc: ConfChange): ConfState {
    const id = cc.nodeId;
    switch (cc.type) {
      case ConfChangeType.AddNode: {
        const pr = this.prs.get(id);
        if (pr) pr.isLearner = false;
        else this.prs.set(id, this.newProgress(id, false));
        break;
      }
      case ConfChangeType.AddLearnerNode:
        if (!this.prs.has(id)) this.prs.set(id, this.newProgress(id, true));
        break;
      case ConfChangeType.RemoveNode:
        this.prs.delete(id);
        if (this.state === StateType.Leader && this.leadTransferee === id) this.leadTransferee = NONE;
        break;
      case ConfChangeType.UpdateNode:
        break;
    }
    this.pendingConfIndex = 0;
    if (this.state === StateType.Leader && this.prs.size) {
      // The quorum may have shrunk: entries may commit now.
      if (this.maybeCommit()) this.bcastAppend();
    }
    return this.confState();
  }

  private newProgress(id: NodeId, learner: boolean): Progress {
    const pr = new Progress(id, this.log.lastIndex() + 1, learner);
    // A new member counts as active until the next check-quorum round, or the leader steps down at once.
    pr.recentActive = true;
    return pr;
  }
}
