// A first, plain page: one terminal on the simulated cluster. The full UI (xterm.js terminals,
// cluster pictures, controls) comes with its own issue; this page already talks to the engine
// only through the worker protocol.
import type { FromWorker, ToWorker } from '../worker/protocol.ts';

const app = document.getElementById('app')!;
app.innerHTML = `
  <style>
    body { margin: 0; background: #111; color: #ddd; font: 14px/1.4 ui-monospace, monospace; }
    header { padding: 8px 12px; background: #1d2b3a; color: #fff; }
    #screen { white-space: pre-wrap; padding: 12px; margin: 0; min-height: 70vh; }
    #prompt { display: flex; padding: 0 12px 12px; }
    #prompt span { color: #6c6; margin-right: 8px; }
    #line { flex: 1; background: transparent; color: inherit; border: 0; outline: 0; font: inherit; }
  </style>
  <header>etcd Playground <small id="clock"></small></header>
  <pre id="screen" aria-live="polite"></pre>
  <div id="prompt"><span>$</span><input id="line" aria-label="command line" autocomplete="off" spellcheck="false" autofocus /></div>`;

const screen = document.getElementById('screen')!;
const input = document.getElementById('line') as HTMLInputElement;
const clock = document.getElementById('clock')!;
const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
const history: string[] = [];
let hpos = 0;
let nextId = 1;

function send(m: ToWorker): void {
  worker.postMessage(m);
}

function print(text: string): void {
  // Strip the terminal escape sequences this plain page cannot render.
  if (text.includes('\x1b[2J')) screen.textContent = '';
  screen.textContent += text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  window.scrollTo(0, document.body.scrollHeight);
}

worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data;
  if (m.type === 'output') print(m.text);
  else if (m.type === 'ready') print('etcd Playground: a simulated etcd 3.4 member. Type `help`.\n');
  else if (m.type === 'clock') clock.textContent = `virtual time ${(m.virtualMs / 1000).toFixed(1)} s`;
};

input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    const line = input.value;
    input.value = '';
    print(`$ ${line}\n`);
    if (line.trim()) history.push(line);
    hpos = history.length;
    send({ v: 1, type: 'exec', id: nextId++, terminal: 't1', line });
  } else if (e.key === 'ArrowUp') {
    hpos = Math.max(0, hpos - 1);
    input.value = history[hpos] ?? '';
    e.preventDefault();
  } else if (e.key === 'ArrowDown') {
    hpos = Math.min(history.length, hpos + 1);
    input.value = history[hpos] ?? '';
    e.preventDefault();
  } else if (e.key === 'c' && e.ctrlKey) {
    send({ v: 1, type: 'interrupt', terminal: 't1' });
    print('^C\n');
  }
});
