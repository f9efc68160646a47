// The first thing the page does, in its entry chunk, before the UI's code has loaded: start the
// engine's worker and tell it which cluster to build (this browser's saved session, or a fresh
// one), so the worker boots while the UI loads. The worker validates the saved session itself;
// a share link needs the UI's code to decode it, so it waits for the UI.
import type { FromWorker, ToWorker } from '../worker/protocol.ts';
import { loadStoredSession, type StoredSession } from './session/sessionStore.ts';

export interface EarlyStart {
  seed: number;
  members: number;
  /** The saved session sent to the worker as it was stored (not yet validated). */
  stored: StoredSession | undefined;
  /** A saved session not used because the page asked for another size of cluster (kept to export). */
  unused: StoredSession | undefined;
  /** What the worker said before the UI was there to listen. */
  buffered: FromWorker[];
  /** The start's nonce: the worker's ready for it carries it back. */
  nonce: number;
}

export function earlyStart(worker: Worker): EarlyStart | undefined {
  if (location.hash.includes('session=')) return undefined;
  const saved = loadStoredSession();
  // ?members=N (1 to 7) asks for a cluster of that size; a saved session of another size is set aside.
  const asked = Number(new URLSearchParams(location.search).get('members')) || undefined;
  const savedMembers = typeof saved?.file.members === 'number' ? saved.file.members : 3;
  const members = Math.min(7, Math.max(1, asked ?? (saved ? savedMembers : 3)));
  const stored = saved && savedMembers === members ? saved : undefined;
  const seed = typeof stored?.file.seed === 'number' ? stored.file.seed : 1;
  const buffered: FromWorker[] = [];
  worker.onmessage = (e: MessageEvent<FromWorker>) => buffered.push(e.data);
  const start: ToWorker = { v: 2, type: 'start', seed, members, session: stored?.file, nonce: 1 };
  worker.postMessage(start);
  return { seed, members, stored, unused: saved && !stored ? saved : undefined, buffered, nonce: 1 };
}
