// The plain-data protocol between the page and the engine's web worker. Versioned: a page and
// a worker of different versions refuse each other instead of misreading messages.

export const PROTOCOL_VERSION = 1;

export type ToWorker =
  | { v: 1; type: 'exec'; id: number; terminal: string; line: string }
  | { v: 1; type: 'interrupt'; terminal: string }
  | { v: 1; type: 'reset'; seed: number };

export type FromWorker =
  | { v: 1; type: 'ready'; seed: number }
  | { v: 1; type: 'output'; terminal: string; text: string }
  | { v: 1; type: 'done'; id: number; terminal: string; exitCode: number }
  | { v: 1; type: 'clock'; virtualMs: number };
