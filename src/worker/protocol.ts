// The plain-data protocol between the page and the engine's web worker. Versioned: a page and
// a worker of different versions refuse each other instead of misreading messages. Commands
// carry ids; a command's output is a stream with its id, ended by `done` (a watch streams until
// Ctrl-C). Every input the worker applies is sent back with the exact point of the run it was
// applied at, so the page can keep the session (reload, export, share links).

import type { SessionFile, SessionInput } from '../engine/session/sessionFile.ts';
import type {
  ClusterView,
  KeyspaceView,
  KeyView,
  LeaseView,
  MemberView,
  MessageView,
  WatchView,
} from '../engine/view.ts';

export type {
  ClusterView,
  KeyspaceView,
  KeyView,
  LeaseView,
  MemberView,
  MessageView,
  SessionFile,
  SessionInput,
  WatchView,
};

export const PROTOCOL_VERSION = 2;

/** What the cluster panel's buttons do (the same as the `sim` command). */
export type ControlAction =
  | 'stop'
  | 'kill'
  | 'start'
  | 'isolate'
  | 'transfer'
  | 'heal'
  | 'partition'
  | 'latency'
  | 'loss';

export type ToWorker =
  /** Start a fresh cluster from a seed, or rebuild a saved session. */
  | { v: 2; type: 'start'; seed: number; members?: number; session?: SessionFile; nonce?: number }
  | { v: 2; type: 'exec'; id: number; terminal: string; line: string }
  | { v: 2; type: 'interrupt'; terminal: string }
  | { v: 2; type: 'complete'; id: number; terminal: string; line: string; cursor: number }
  | { v: 2; type: 'control'; action: ControlAction; member?: string; groups?: string[][]; value?: number }
  /** Time: pause, resume, run one event, run until something happens, or set virtual seconds per wall second (0.01 to 10). */
  | { v: 2; type: 'time'; action: 'pause' | 'resume' | 'step' | 'until' | 'speed'; speed?: number }
  /** What the view should show: whose keyspace. */
  | { v: 2; type: 'view'; keyspaceOf?: string };

export type FromWorker =
  /**
   * The cluster asked for by the `start` with this nonce is running. Without a nonce: the
   * worker's offer of the default cluster (seed 1, 3 members), running before any start arrived,
   * which a page that wants exactly that may take at once (its start is then answered again).
   */
  | { v: 2; type: 'ready'; seed: number; restored: boolean; error?: string; nonce?: number }
  | { v: 2; type: 'output'; id: number; terminal: string; text: string }
  | { v: 2; type: 'done'; id: number; terminal: string; exitCode: number }
  /** A command line replayed from a saved session, to show after the prompt. */
  | { v: 2; type: 'echo'; terminal: string; line: string }
  | { v: 2; type: 'completion'; id: number; terminal: string; from: number; candidates: string[] }
  | { v: 2; type: 'input'; input: SessionInput }
  /** The engine threw (a bug): said in the terminals and the event log; the page offers an export. */
  | { v: 2; type: 'fault'; message: string }
  | { v: 2; type: 'clock'; virtualMs: number; events: number; paused: boolean; speed: number }
  /** Many messages at once, in order (what a replayed session printed). */
  | { v: 2; type: 'batch'; messages: FromWorker[] }
  /** A picture of the cluster, at most one per animation frame. */
  | { v: 2; type: 'view'; view: ClusterView };
