// The page: two terminals side by side on one simulated cluster, each its own shell. The engine
// runs only in the worker; the page talks to it through the plain-data protocol.
import type { FromWorker, ToWorker } from '../worker/protocol.ts';
import { XtermView } from './terminal/xtermView.ts';

const app = document.getElementById('app')!;
app.innerHTML = `
  <style>
    html, body { height: 100%; }
    body { margin: 0; background: #0b0d10; color: #ddd; font: 14px/1.4 system-ui, sans-serif; }
    #app { display: flex; flex-direction: column; height: 100%; }
    header { padding: 8px 12px; background: #1d2b3a; color: #fff; display: flex; gap: 16px; align-items: baseline; }
    header small { color: #9ab; }
    main { flex: 1; display: grid; grid-template-columns: 1fr 1fr; gap: 8px; padding: 8px; min-height: 0; }
    section { display: flex; flex-direction: column; min-height: 0; background: #111418; border-radius: 6px; }
    section h2 { margin: 0; padding: 4px 10px; font-size: 12px; font-weight: 600; color: #9ab; }
    .screen { flex: 1; min-height: 0; padding: 4px 6px; }
    @media (max-width: 900px) { main { grid-template-columns: 1fr; } }
  </style>
  <header><strong>etcd Playground</strong><small>a simulated 3-member etcd 3.4 cluster</small><small id="clock"></small></header>
  <main>
    <section aria-label="terminal 1"><h2>terminal 1</h2><div class="screen" id="t1"></div></section>
    <section aria-label="terminal 2"><h2>terminal 2</h2><div class="screen" id="t2"></div></section>
  </main>`;

const clock = document.getElementById('clock')!;
const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
let nextId = 1;

function send(m: ToWorker): void {
  worker.postMessage(m);
}

/** Each terminal's history survives a reload. */
function loadHistory(id: string): string[] {
  try {
    const h = JSON.parse(localStorage.getItem(`etcd-playground:history:${id}`) ?? '[]') as unknown;
    return Array.isArray(h) ? h.filter((x): x is string => typeof x === 'string').slice(-500) : [];
  } catch {
    return [];
  }
}

const host = {
  exec: (terminal: string, line: string) => send({ v: 1, type: 'exec', id: nextId++, terminal, line }),
  interrupt: (terminal: string) => send({ v: 1, type: 'interrupt', terminal }),
};
const terminals = new Map(
  ['t1', 't2'].map((id) => [
    id,
    new XtermView(id, document.getElementById(id)!, host, loadHistory(id), (entries) =>
      localStorage.setItem(`etcd-playground:history:${id}`, JSON.stringify(entries.slice(-500))),
    ),
  ]),
);

worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data;
  if (m.type === 'output') terminals.get(m.terminal)?.write(m.text);
  else if (m.type === 'done') terminals.get(m.terminal)?.prompt();
  else if (m.type === 'ready') {
    for (const t of terminals.values()) {
      t.write('etcd Playground: a simulated etcd 3.4 cluster. Try `etcdctl put foo bar`.\n');
      t.prompt();
    }
    terminals.get('t1')?.term.focus();
  } else if (m.type === 'clock') clock.textContent = `virtual time ${(m.virtualMs / 1000).toFixed(1)} s`;
};
