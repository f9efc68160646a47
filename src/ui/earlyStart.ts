// The first thing the page does, in its entry chunk, before the UI's code has loaded: start the
// engine's worker and tell it which cluster to build (this browser's saved session, or a fresh
// one), so the worker boots while the UI loads. The worker validates the saved session itself;
// a share link needs the UI's code to decode it, so it waits for the UI.
import type { FromWorker, SessionFile, ToWorker } from '../worker/protocol.ts';

export const SESSION_KEY = 'etcd-playground:session';

export interface EarlyStart {
  seed: number;
  members: number;
  /** The saved session sent to the worker as it was stored (not yet validated). */
  session: unknown;
  /** What the worker said before the UI was there to listen. */
  buffered: FromWorker[];
}

export function earlyStart(worker: Worker): EarlyStart | undefined {
  if (location.hash.includes('session=')) return undefined;
  let saved: { seed?: unknown; members?: unknown } | null = null;
  try {
    saved = JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null');
  } catch {
    saved = null;
  }
  // ?members=N (1 to 7) asks for a cluster of that size; a saved session of another size is set aside.
  const asked = Number(new URLSearchParams(location.search).get('members')) || undefined;
  const savedMembers = typeof saved?.members === 'number' ? saved.members : 3;
  const members = Math.min(7, Math.max(1, asked ?? (saved ? savedMembers : 3)));
  const session = saved && savedMembers === members ? saved : undefined;
  const seed = session && typeof saved?.seed === 'number' ? saved.seed : 1;
  const buffered: FromWorker[] = [];
  worker.onmessage = (e: MessageEvent<FromWorker>) => buffered.push(e.data);
  const start: ToWorker = { v: 2, type: 'start', seed, members, session: session as SessionFile | undefined };
  worker.postMessage(start);
  return { seed, members, session, buffered };
}
