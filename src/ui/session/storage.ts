// What survives a reload or a crashed tab: the session (seed + inputs + where it had got to),
// the layout, and each terminal's history, in localStorage. Writes are cheap appends in memory
// and one throttled save.
import type { SessionFile, SessionInput } from '../../engine/session/sessionFile.ts';
import { SESSION_KEY } from '../earlyStart.ts';
import { DEFAULT_LAYOUT, type Layout } from '../store.ts';

const LAYOUT_KEY = 'etcd-playground:layout';
const historyKey = (id: string) => `etcd-playground:history:${id}`;

function read(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the session still runs, it just will not survive a reload.
  }
}

/**
 * The session this browser saved, as stored. The worker validates it before replaying anything
 * (and says so if it cannot); here it only has to look like one.
 */
export function loadSession(): SessionFile | undefined {
  const data = read(SESSION_KEY) as Partial<SessionFile> | null;
  if (data?.format !== 'etcd-playground-session' || !Array.isArray(data.inputs)) return undefined;
  return data as SessionFile;
}

/** The running session's record, kept in step with the worker: inputs saved at once, the clock at most twice a second. */
export class SessionRecord {
  private file: SessionFile;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(seed: number, from?: SessionFile, members = 3) {
    this.file = from
      ? { ...from, inputs: [...from.inputs] }
      : {
          format: 'etcd-playground-session',
          version: 1,
          seed,
          ...(members !== 3 ? { members } : {}),
          endMs: 0,
          endEvents: 0,
          inputs: [],
        };
  }

  get seed(): number {
    return this.file.seed;
  }

  /** An input is saved at once: a reload right after it must not lose it. */
  add(input: SessionInput): void {
    this.file.inputs.push(input);
    this.file.endMs = Math.max(this.file.endMs, input.at);
    this.file.endEvents = Math.max(this.file.endEvents, input.n);
    this.save(true);
  }

  /** Where the run has got to (from the worker's clock). */
  reached(virtualMs: number, events: number): void {
    if (events < this.file.endEvents) return;
    this.file.endMs = virtualMs;
    this.file.endEvents = events;
    this.save();
  }

  snapshot(terminals: Layout['terminals']): SessionFile {
    return { ...this.file, inputs: [...this.file.inputs], terminals };
  }

  save(now = false): void {
    if (now) {
      clearTimeout(this.timer);
      this.timer = undefined;
      write(SESSION_KEY, this.file);
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      write(SESSION_KEY, this.file);
    }, 500);
  }
}

export function loadLayout(): Layout {
  const data = read(LAYOUT_KEY) as Partial<Layout> | null;
  if (!data || typeof data !== 'object') return DEFAULT_LAYOUT;
  const terminals = Array.isArray(data.terminals)
    ? data.terminals.filter(
        (t): t is Layout['terminals'][number] => !!t && typeof t.id === 'string' && typeof t.title === 'string',
      )
    : [];
  if (terminals.length < 2) return { ...DEFAULT_LAYOUT, theme: data.theme === 'light' ? 'light' : 'dark' };
  const ids = terminals.map((t) => t.id);
  const panes = (
    Array.isArray(data.panes) && data.panes.every((p) => ids.includes(p)) ? data.panes : ids.slice(0, 2)
  ) as [string, string];
  return {
    theme: data.theme === 'light' ? 'light' : 'dark',
    terminals,
    panes,
    inspector:
      (['keyspace', 'watches', 'leases', 'events', 'script'] as const).find((i) => i === data.inspector) ?? 'keyspace',
    speed: typeof data.speed === 'number' && data.speed >= 0.01 && data.speed <= 10 ? data.speed : 1,
  };
}

export function saveLayout(layout: Layout): void {
  write(LAYOUT_KEY, layout);
}

export function loadHistory(id: string): string[] {
  const h = read(historyKey(id));
  return Array.isArray(h) ? h.filter((x): x is string => typeof x === 'string').slice(-500) : [];
}

export function saveHistory(id: string, entries: readonly string[]): void {
  write(historyKey(id), entries.slice(-500));
}

/** Forget the session (Reset); layout and histories stay. */
export function clearSession(): void {
  localStorage.removeItem(SESSION_KEY);
}
