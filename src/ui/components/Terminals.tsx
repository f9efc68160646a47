// Two terminals side by side; any number more as tabs. Each pane's tab strip picks which
// terminal it shows (taking it from the other pane swaps them); + opens a new one.
import { useLayoutEffect, useRef } from 'react';
import type { EngineClient } from '../engineClient.ts';
import { useStore } from '../store.ts';
import { useT } from '../useT.ts';

export function Terminals({ engine }: { engine: EngineClient }) {
  const panes = useStore((s) => s.panes);
  return (
    <main className="terminals">
      <TerminalPane engine={engine} pane={0} id={panes[0]} />
      <TerminalPane engine={engine} pane={1} id={panes[1]} />
    </main>
  );
}

function TerminalPane({ engine, pane, id }: { engine: EngineClient; pane: 0 | 1; id: string }) {
  const t = useT();
  const terminals = useStore((s) => s.terminals);
  const panes = useStore((s) => s.panes);
  const set = useStore((s) => s.set);
  const host = useRef<HTMLDivElement>(null);
  const title = terminals.find((t) => t.id === id)?.title ?? id;

  // Before the first paint: the terminal is on screen (and takes commands) a frame sooner. The
  // right pane's terminal opens a task later the first time, so that the engine's ready (waiting
  // in the queue by then) is taken between the two.
  useLayoutEffect(() => {
    const t = engine.terminal(id);
    host.current?.replaceChildren(t.element);
    if (pane === 1 && !t.attached) {
      const later = setTimeout(() => t.attach(), 0);
      return () => clearTimeout(later);
    }
    t.attach();
  }, [engine, id, pane]);

  const show = (tid: string) => {
    const next: [string, string] = [...panes];
    const other = pane === 0 ? 1 : 0;
    if (next[other] === tid) next[other] = next[pane];
    next[pane] = tid;
    set({ panes: next });
  };
  const add = () => {
    let n = terminals.length + 1;
    while (terminals.some((t) => t.id === `t${n}`)) n++;
    set({ terminals: [...terminals, { id: `t${n}`, title: `terminal ${n}` }] });
    show(`t${n}`);
  };
  const close = (tid: string) => {
    const rest = terminals.filter((t) => t.id !== tid);
    const spare = rest.find((t) => !panes.includes(t.id))?.id;
    const next = panes.map((p) => (p === tid ? spare : p)) as [string, string];
    if (next.some((p) => !p)) return;
    engine.terminals.get(tid)?.term.dispose();
    engine.terminals.delete(tid);
    set({ terminals: rest, panes: next });
  };

  return (
    <section className="pane" aria-label={title}>
      <div className="tabs" role="tablist" aria-label={`pane ${pane + 1} terminals`}>
        {terminals.map((t) => (
          <span key={t.id} className="tab">
            <button
              type="button"
              role="tab"
              aria-selected={t.id === id}
              className={panes.includes(t.id) && t.id !== id ? 'elsewhere' : undefined}
              onClick={() => show(t.id)}
            >
              {t.title}
            </button>
            {t.id === id && terminals.length > 2 && (
              <button type="button" className="close" aria-label={`close ${t.title}`} onClick={() => close(t.id)}>
                ×
              </button>
            )}
          </span>
        ))}
        <button type="button" aria-label="new terminal" onClick={add}>
          +
        </button>
        <small className="keys-hint">{t('terminals.keys')}</small>
      </div>
      <div className="screen-host" ref={host} />
    </section>
  );
}
