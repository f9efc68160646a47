// The plain-data protocol between the page and the engine's web worker. Versioned: a page and
// a worker of different versions refuse each other instead of misreading messages.

import type { ClusterView, MemberView } from '../engine/view.ts';

export type { ClusterView, MemberView };

export const PROTOCOL_VERSION = 1;

/** What the cluster panel's buttons do (the same as the `sim` command). */
export type ControlAction = 'stop' | 'kill' | 'start' | 'isolate' | 'transfer' | 'heal';

export type ToWorker =
  | { v: 1; type: 'exec'; id: number; terminal: string; line: string }
  | { v: 1; type: 'interrupt'; terminal: string }
  | { v: 1; type: 'reset'; seed: number }
  | { v: 1; type: 'control'; action: ControlAction; member?: string }
  /** Time: pause, resume, run one event, or set virtual seconds per wall second (0.01 to 10). */
  | { v: 1; type: 'time'; action: 'pause' | 'resume' | 'step' | 'speed'; speed?: number };

export type FromWorker =
  | { v: 1; type: 'ready'; seed: number }
  | { v: 1; type: 'output'; terminal: string; text: string }
  | { v: 1; type: 'done'; id: number; terminal: string; exitCode: number }
  | { v: 1; type: 'clock'; virtualMs: number; paused: boolean; speed: number }
  /** A picture of the cluster, at most one per animation frame. */
  | { v: 1; type: 'view'; view: ClusterView };
