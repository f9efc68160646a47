// Raft's messages and log entries, as etcd-io/raft's raftpb defines them.

export type NodeId = bigint;

/** No node: raft's None (0). */
export const NONE: NodeId = 0n;

export enum MessageType {
  MsgHup = 'MsgHup',
  MsgBeat = 'MsgBeat',
  MsgProp = 'MsgProp',
  MsgApp = 'MsgApp',
  MsgAppResp = 'MsgAppResp',
  MsgVote = 'MsgVote',
  MsgVoteResp = 'MsgVoteResp',
  MsgSnap = 'MsgSnap',
  MsgHeartbeat = 'MsgHeartbeat',
  MsgHeartbeatResp = 'MsgHeartbeatResp',
  MsgUnreachable = 'MsgUnreachable',
  MsgSnapStatus = 'MsgSnapStatus',
  MsgCheckQuorum = 'MsgCheckQuorum',
  MsgTransferLeader = 'MsgTransferLeader',
  MsgTimeoutNow = 'MsgTimeoutNow',
  MsgReadIndex = 'MsgReadIndex',
  MsgReadIndexResp = 'MsgReadIndexResp',
  MsgPreVote = 'MsgPreVote',
  MsgPreVoteResp = 'MsgPreVoteResp',
}

export enum EntryType {
  Normal = 'Normal',
  ConfChange = 'ConfChange',
}

export enum ConfChangeType {
  AddNode = 'AddNode',
  RemoveNode = 'RemoveNode',
  UpdateNode = 'UpdateNode',
  AddLearnerNode = 'AddLearnerNode',
}

export interface ConfChange {
  type: ConfChangeType;
  nodeId: NodeId;
  /** What the application attaches (etcd: the member's name and URLs). */
  context?: unknown;
}

export interface Entry<T = unknown> {
  term: number;
  index: number;
  type: EntryType;
  /** A normal entry's payload (undefined: the empty entry a new leader appends), or a ConfChange. */
  data?: T | ConfChange;
}

export interface ConfState {
  voters: NodeId[];
  learners: NodeId[];
}

export interface SnapshotMetadata {
  index: number;
  term: number;
  confState: ConfState;
}

export interface Snapshot {
  metadata: SnapshotMetadata;
  /** The application's state at metadata.index (opaque to raft). */
  data: unknown;
}

export interface HardState {
  term: number;
  vote: NodeId;
  commit: number;
}

export interface Message {
  type: MessageType;
  to: NodeId;
  from: NodeId;
  term: number;
  /** MsgApp: term and index of the entry before `entries`. MsgAppResp: the index acknowledged or rejected. */
  logTerm: number;
  index: number;
  entries: Entry[];
  commit: number;
  snapshot?: Snapshot;
  reject: boolean;
  rejectHint: number;
  /** ReadIndex request context, heartbeat context. */
  context?: string;
}

const NO_ENTRIES: Entry[] = [];

export function msg(m: Partial<Message> & Pick<Message, 'type'>): Message {
  // Written out rather than spread: messages are the hottest allocation of a busy cluster.
  return {
    type: m.type,
    to: m.to ?? NONE,
    from: m.from ?? NONE,
    term: m.term ?? 0,
    logTerm: m.logTerm ?? 0,
    index: m.index ?? 0,
    entries: m.entries ?? NO_ENTRIES,
    commit: m.commit ?? 0,
    snapshot: m.snapshot,
    reject: m.reject ?? false,
    rejectHint: m.rejectHint ?? 0,
    context: m.context,
  };
}

export function isEmptyHardState(h: HardState): boolean {
  return h.term === 0 && h.vote === NONE && h.commit === 0;
}

export function isLocalMsg(t: MessageType): boolean {
  return (
    t === MessageType.MsgHup ||
    t === MessageType.MsgBeat ||
    t === MessageType.MsgUnreachable ||
    t === MessageType.MsgSnapStatus ||
    t === MessageType.MsgCheckQuorum
  );
}

export function isResponseMsg(t: MessageType): boolean {
  return (
    t === MessageType.MsgAppResp ||
    t === MessageType.MsgVoteResp ||
    t === MessageType.MsgHeartbeatResp ||
    t === MessageType.MsgUnreachable ||
    t === MessageType.MsgPreVoteResp
  );
}

/** The response type of a vote request. */
export function voteRespType(t: MessageType): MessageType {
  return t === MessageType.MsgVote ? MessageType.MsgVoteResp : MessageType.MsgPreVoteResp;
}
