// What happened in the simulated world, as facts (not sentences): the event log draws them in the
// learner's language, lessons check goals against them, "run until something happens" waits for
// one. Members are named; IDs are hex, as etcd prints them.

export type TraceKind =
  | 'election'
  | 'commit'
  | 'member'
  | 'fault'
  | 'command'
  | 'message'
  | 'snapshot'
  | 'lease'
  | 'watch';

export type SimEvent =
  // ---- elections (from the Raft state machine's decisions) ----
  | {
      type: 'campaign';
      member: string;
      term: number;
      pre: boolean;
      cause: 'timeout' | 'transfer' | 'pre-vote won' | 'asked';
    }
  | {
      type: 'vote';
      /** Who answered. */
      member: string;
      candidate: string;
      term: number;
      pre: boolean;
      granted: boolean;
      refusal?: 'voted-for-another' | 'has-leader' | 'log-behind' | 'stale-term';
      votedFor?: string;
    }
  | { type: 'vote-ignored'; member: string; candidate: string; term: number; pre: boolean }
  | { type: 'campaign-lost'; member: string; term: number; pre: boolean }
  | { type: 'quorum-lost'; member: string; term: number }
  | { type: 'leader'; member: string; term: number }
  | { type: 'follows'; member: string; leader: string; term: number }
  | { type: 'leader-lost'; member: string; term: number }
  | { type: 'transfer'; member: string; to: string; term: number }
  // ---- the log ----
  /** The leader applied a committed entry: what it asked for (put, deleteRange, txn, leaseGrant...). */
  | { type: 'commit'; member: string; index: number; op: string }
  | { type: 'snapshot'; member: string; index: number; firstIndex: number }
  | { type: 'snapshot-installed'; member: string; index: number }
  | { type: 'compaction'; member: string; revision: number }
  // ---- members ----
  | { type: 'started'; member: string }
  | { type: 'stopped'; member: string }
  | { type: 'killed'; member: string }
  | { type: 'conf-change'; member: string; change: 'add' | 'add-learner' | 'promote' | 'remove' | 'update'; id: string }
  | { type: 'joined'; member: string; id: string }
  // ---- faults injected ----
  | { type: 'partition'; groups: string[][] }
  | { type: 'isolate'; member: string }
  | { type: 'heal' }
  | { type: 'latency'; ms: number }
  | { type: 'loss'; percent: number }
  | { type: 'engine-error'; message: string }
  // ---- messages (only while the event log asks for them) ----
  | { type: 'message'; msgType: string; from: string; to: string; term: number; dropped: boolean }
  // ---- leases and watches ----
  | { type: 'lease-expired'; member: string; id: string; keys: string[] }
  /** A watch stream delivered events to a client (etcdctl watch, curl, a program). */
  | {
      type: 'watch-delivered';
      member: string;
      watchId: string;
      /** The watch's key, and its range end when it watches a range (a prefix). */
      key: string;
      rangeEnd: string;
      events: { type: 'PUT' | 'DELETE'; key: string }[];
    }
  // ---- what the learner did ----
  | { type: 'command'; terminal: string; line: string };

export type SimEventType = SimEvent['type'];

export interface TraceEvent {
  /** Virtual milliseconds. */
  t: number;
  /** Numbered from 1 in a run: "what happened since" is what has a larger number. */
  seq: number;
  kind: TraceKind;
  e: SimEvent;
}

const KIND: Record<SimEventType, TraceKind> = {
  campaign: 'election',
  vote: 'election',
  'vote-ignored': 'election',
  'campaign-lost': 'election',
  'quorum-lost': 'election',
  leader: 'election',
  follows: 'election',
  'leader-lost': 'election',
  transfer: 'election',
  commit: 'commit',
  compaction: 'commit',
  snapshot: 'snapshot',
  'snapshot-installed': 'snapshot',
  started: 'member',
  stopped: 'member',
  killed: 'member',
  'conf-change': 'member',
  joined: 'member',
  partition: 'fault',
  isolate: 'fault',
  heal: 'fault',
  latency: 'fault',
  loss: 'fault',
  'engine-error': 'fault',
  message: 'message',
  'lease-expired': 'lease',
  'watch-delivered': 'watch',
  command: 'command',
};

export function kindOf(e: SimEvent): TraceKind {
  return KIND[e.type];
}
