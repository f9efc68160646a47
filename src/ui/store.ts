// The page's state (zustand): what the worker last reported (clock, cluster picture) and what
// the learner arranged (terminals and which pane shows which, theme, panels, filters). Terminal
// screens are not here: xterm.js keeps them, written to directly as output arrives.
import { create } from 'zustand';
import type { TraceKind } from '../engine/base/trace.ts';
import { type Lang, langFromBrowser } from '../i18n/lang.ts';
import type { ClusterView, SessionFile } from '../worker/protocol.ts';

export interface TerminalTab {
  id: string;
  title: string;
}

export type Inspector = 'lesson' | 'keyspace' | 'watches' | 'leases' | 'events' | 'script';
/** The kinds the event log offers to filter by (message tracing is off in the playground: too many). */
export const TRACE_KINDS: TraceKind[] = [
  'election',
  'commit',
  'member',
  'fault',
  'lease',
  'watch',
  'command',
  'snapshot',
];

export interface Layout {
  theme: 'dark' | 'light';
  terminals: TerminalTab[];
  /** The terminals shown side by side: left pane and right pane. */
  panes: [string, string];
  inspector: Inspector;
  speed: number;
}

export interface PlaygroundState extends Layout {
  ready: boolean;
  seed: number;
  /** A message for the learner (a share link that was not valid, an import that failed). */
  notice: string | undefined;
  /** The session the notice offers to export (storage full, a session that would not replay, an engine error). */
  noticeExport: (() => SessionFile) | undefined;
  clock: { virtualMs: number; events: number; paused: boolean; speed: number };
  view: ClusterView | undefined;
  keyspaceOf: string | undefined;
  selectedKey: string | undefined;
  eventKinds: Record<TraceKind, boolean>;
  /** The language of the page's own words (etcd's output is never translated). */
  lang: Lang;
  set(patch: Partial<PlaygroundState>): void;
}

export const DEFAULT_LAYOUT: Layout = {
  theme: 'dark',
  terminals: [
    { id: 't1', title: 'terminal 1' },
    { id: 't2', title: 'terminal 2' },
  ],
  panes: ['t1', 't2'],
  inspector: 'keyspace',
  speed: 1,
};

/** Where the page's language is remembered (read as the store is made: it must be defined before). */
const LANG_KEY = 'etcd-playground:lang';

export const useStore = create<PlaygroundState>((set) => ({
  ...DEFAULT_LAYOUT,
  ready: false,
  seed: 1,
  notice: undefined,
  noticeExport: undefined,
  clock: { virtualMs: 0, events: 0, paused: false, speed: 1 },
  view: undefined,
  keyspaceOf: undefined,
  selectedKey: undefined,
  eventKinds: {
    election: true,
    commit: true,
    member: true,
    fault: true,
    command: true,
    snapshot: true,
    message: false,
    lease: true,
    watch: true,
  },
  lang: savedLang(),
  set: (patch) => set(patch),
}));

function savedLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(LANG_KEY);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    // storage refused: the browser's language
  }
  return langFromBrowser(globalThis.navigator?.languages);
}

/** Switch the page's language, and remember it. */
export function setLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    // remembered for this page only
  }
  useStore.getState().set({ lang });
}
