// What survives a reload or a crashed tab besides the session (sessionStore.ts): the layout and
// each terminal's history, in localStorage.
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
      (['lesson', 'keyspace', 'watches', 'leases', 'events', 'script'] as const).find((i) => i === data.inspector) ??
      'keyspace',
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
