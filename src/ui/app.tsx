// The page: the cluster and its controls, terminals, and the inspector (keyspace, watches,
// leases, event log). The engine runs only in the worker (started by main.ts); the page talks
// to it through the plain-data protocol (src/worker/protocol.ts).
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import type { EarlyStart } from './earlyStart.ts';
import { EngineClient } from './engineClient.ts';
import { loadStoredSession, setAside } from './session/sessionStore.ts';
import { loadLayout } from './session/storage.ts';
import { useStore } from './store.ts';
import './styles.css';

export function mount(worker: Worker, early: EarlyStart | undefined): void {
  const engine = new EngineClient(worker);
  useStore.getState().set(loadLayout());

  async function boot(): Promise<void> {
    // A share link wins over the session this browser had; a bad one says why and starts fresh.
    let notice: string | undefined;
    try {
      // The decoder loads only for a link that carries a session.
      const shared = location.hash.includes('session=')
        ? await (await import('./session/shareLink.ts')).decodeShareFragment(location.hash)
        : undefined;
      if (shared) {
        history.replaceState(null, '', location.pathname + location.search);
        // The link's session takes this browser's place; the learner's own is kept to export.
        const own = loadStoredSession()?.file;
        if (own?.inputs.length) {
          setAside(localStorage, own);
          notice = 'you opened a shared session: the one you had was set aside';
          useStore.getState().set({ noticeExport: () => own });
        }
        if (shared.terminals && shared.terminals.length >= 2)
          useStore
            .getState()
            .set({ terminals: shared.terminals, panes: [shared.terminals[0].id, shared.terminals[1].id] });
        await engine.start(shared.seed, shared);
        if (notice) useStore.getState().set({ notice });
        return;
      }
    } catch (e) {
      notice = e instanceof Error ? e.message : String(e);
      history.replaceState(null, '', location.pathname + location.search);
    }
    if (early) {
      // The entry already asked for this browser's session (or a fresh cluster); the record follows it.
      await engine.adopt(early);
    } else {
      const saved = loadStoredSession()?.file;
      await engine.start(saved?.seed ?? 1, saved, saved?.members ?? 3);
    }
    if (notice) useStore.getState().set({ notice });
  }

  // What the end-to-end tests read: a terminal's whole buffer (the DOM holds only the visible rows).
  (globalThis as { etcdPlayground?: unknown }).etcdPlayground = {
    /** The xterm.js Terminal shown under this title (bench/page.ts types into it). */
    xterm: (title: string) => {
      const id = useStore.getState().terminals.find((t) => t.title === title)?.id;
      return id ? engine.terminals.get(id)?.term : undefined;
    },
    terminalText: (title: string) => {
      const id = useStore.getState().terminals.find((t) => t.title === title)?.id;
      return id ? (engine.terminals.get(id)?.text() ?? '') : '';
    },
  };

  createRoot(document.getElementById('app')!).render(<App engine={engine} />);
  void boot();
}
