// The page: the cluster panel (members, roles, logs, failure controls) above two terminals side by
// side on one simulated cluster, each its own shell. The engine
// runs only in the worker; the page talks to it through the plain-data protocol.
import type { ClusterView, FromWorker, ToWorker } from '../worker/protocol.ts';
import { ClusterPanel } from './cluster/clusterPanel.ts';
import { XtermView } from './terminal/xtermView.ts';

const app = document.getElementById('app')!;
app.innerHTML = `
  <style>
    html, body { height: 100%; }
    body { margin: 0; background: #0b0d10; color: #ddd; font: 14px/1.4 system-ui, sans-serif; }
    #app { display: flex; flex-direction: column; height: 100%; }
    #app > header { padding: 8px 12px; background: #1d2b3a; color: #fff; display: flex; gap: 16px; align-items: baseline; }
    #app > header small { color: #9ab; }
    #app > header .time { margin-left: auto; display: flex; gap: 6px; align-items: center; font-size: 12px; }
    select { background: #1f2a36; color: #dde; border: 1px solid #34465a; border-radius: 4px; }
    main { flex: 1; display: grid; grid-template-columns: 1fr 1fr; gap: 8px; padding: 8px; min-height: 0; }
    #cluster { margin: 8px 8px 0; padding: 6px 10px; background: #111418; border-radius: 6px; }
    .cluster-head { display: flex; gap: 12px; align-items: baseline; }
    .cluster-head h2 { margin: 0; font-size: 12px; color: #9ab; }
    .cluster-head .heal { margin-left: auto; }
    .members { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 8px; margin-top: 6px; }
    .member { border: 1px solid #263040; border-radius: 6px; padding: 6px 8px; }
    .member[data-role="leader"] { border-color: #e3b341; }
    .member[data-role="stopped"] { opacity: 0.6; }
    .member .facts { font: 12px ui-monospace, monospace; color: #bcd; margin: 2px 0 4px; }
    .member .log { display: flex; gap: 2px; height: 10px; margin-bottom: 6px; }
    .member .log span { width: 8px; border-radius: 2px; }
    .member .controls { display: flex; flex-wrap: wrap; gap: 4px; }
    button { background: #1f2a36; color: #dde; border: 1px solid #34465a; border-radius: 4px; padding: 2px 8px; font: 12px system-ui, sans-serif; cursor: pointer; }
    button:disabled { opacity: 0.4; cursor: default; }
    button:focus-visible { outline: 2px solid #58a6ff; }
    section { display: flex; flex-direction: column; min-height: 0; background: #111418; border-radius: 6px; }
    section h2 { margin: 0; padding: 4px 10px; font-size: 12px; font-weight: 600; color: #9ab; }
    .screen { flex: 1; min-height: 0; padding: 4px 6px; }
    @media (max-width: 900px) { main { grid-template-columns: 1fr; } }
  </style>
  <header><strong>etcd Playground</strong><small>a simulated 3-member etcd 3.4 cluster</small><small id="clock" role="status"></small>
    <span class="time" role="group" aria-label="time controls">
      <button type="button" id="pause">pause</button>
      <button type="button" id="step" disabled>step</button>
      <label>speed <select id="speed" aria-label="speed">${[0.01, 0.1, 0.25, 0.5, 1, 2, 5, 10]
        .map((x) => `<option value="${x}"${x === 1 ? ' selected' : ''}>${x}×</option>`)
        .join('')}</select></label>
    </span></header>
  <section id="cluster" aria-label="cluster"></section>
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

const pauseButton = document.getElementById('pause') as HTMLButtonElement;
const stepButton = document.getElementById('step') as HTMLButtonElement;
const speedSelect = document.getElementById('speed') as HTMLSelectElement;
pauseButton.onclick = () =>
  send({ v: 1, type: 'time', action: pauseButton.textContent === 'pause' ? 'pause' : 'resume' });
stepButton.onclick = () => send({ v: 1, type: 'time', action: 'step' });
speedSelect.onchange = () => send({ v: 1, type: 'time', action: 'speed', speed: Number(speedSelect.value) });

const cluster = new ClusterPanel(document.getElementById('cluster')!, (action, member) =>
  send({ v: 1, type: 'control', action, member }),
);
let pendingView: ClusterView | undefined;
/** Draw the newest picture once per animation frame, however many arrived. */
function drawView(): void {
  if (pendingView) cluster.update(pendingView);
  pendingView = undefined;
  requestAnimationFrame(drawView);
}
requestAnimationFrame(drawView);

worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data;
  if (m.type === 'view') {
    pendingView = m.view;
    return;
  }
  if (m.type === 'output') terminals.get(m.terminal)?.write(m.text);
  else if (m.type === 'done') terminals.get(m.terminal)?.prompt();
  else if (m.type === 'ready') {
    for (const t of terminals.values()) {
      t.write('etcd Playground: a simulated etcd 3.4 cluster. Try `etcdctl put foo bar`.\n');
      t.prompt();
    }
    terminals.get('t1')?.term.focus();
  } else if (m.type === 'clock') {
    clock.textContent = `virtual time ${(m.virtualMs / 1000).toFixed(3)} s${m.paused ? ' (paused)' : ''}`;
    pauseButton.textContent = m.paused ? 'resume' : 'pause';
    stepButton.disabled = !m.paused;
  }
};
