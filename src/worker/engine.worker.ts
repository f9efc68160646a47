// The web worker that owns the simulation. Wall time drives virtual time; the page only sends
// commands and receives output (see protocol.ts).
import { timeControl } from '../engine/api/utils/sim.ts';
import type { TaskRunner } from '../engine/base/task.ts';
import { type Shell, Simulation } from '../engine/index.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

let sim = Simulation.create({ seed: 1 });
const shells = new Map<string, Shell>();
const running = new Map<string, TaskRunner<number>>();

function post(m: FromWorker): void {
  (self as unknown as Worker).postMessage(m);
}

/** Programs write bytes (as a terminal gets them); the page gets text, decoded as UTF-8 per terminal. */
const decoders = new Map<string, TextDecoder>();
function decode(terminal: string, bytes: string): string {
  // A chunk with characters beyond one byte is already text (a message quoting what was typed).
  if (/[^\u0000-\u00ff]/.test(bytes)) return bytes;
  let d = decoders.get(terminal);
  if (!d) decoders.set(terminal, (d = new TextDecoder('utf-8')));
  const u8 = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) u8[i] = bytes.charCodeAt(i) & 0xff;
  return d.decode(u8, { stream: true });
}

function shellFor(terminal: string): Shell {
  let sh = shells.get(terminal);
  if (!sh) {
    sh = sim.shell({ jobOutput: 'live' });
    shells.set(terminal, sh);
  }
  return sh;
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.v !== 1) return;
  if (m.type === 'reset') {
    sim = Simulation.create({ seed: m.seed });
    shells.clear();
    running.clear();
    post({ v: 1, type: 'ready', seed: m.seed });
  } else if (m.type === 'exec') {
    const sh = shellFor(m.terminal);
    const runner = sim.start(
      sh.run(m.line, (bytes) => post({ v: 1, type: 'output', terminal: m.terminal, text: decode(m.terminal, bytes) })),
    );
    running.set(m.terminal, runner);
    const finish = () => {
      if (!runner.done) return false;
      running.delete(m.terminal);
      const o = runner.outcome;
      post({ v: 1, type: 'done', id: m.id, terminal: m.terminal, exitCode: o?.ok ? o.value : 130 });
      return true;
    };
    if (!finish()) pending.push(finish);
  } else if (m.type === 'interrupt') {
    running.get(m.terminal)?.interrupt();
  } else if (m.type === 'time') {
    const tc = timeControl(sim.world);
    if (m.action === 'pause') tc.paused = true;
    else if (m.action === 'resume') tc.paused = false;
    else if (m.action === 'step') sim.step();
    else if (m.action === 'speed' && m.speed !== undefined && m.speed >= 0.01 && m.speed <= 10) tc.speed = m.speed;
  } else if (m.type === 'control') {
    const name = m.member ?? '';
    if (m.action === 'stop') sim.stopMember(name);
    else if (m.action === 'kill') sim.killMember(name);
    else if (m.action === 'start') sim.startMember(name);
    else if (m.action === 'isolate') sim.isolate(name);
    else if (m.action === 'transfer') sim.transferLeadership(name);
    else if (m.action === 'heal') sim.heal();
  }
};

const pending: (() => boolean)[] = [];
let lastWall = performance.now();

/** Advance virtual time with wall time (1×), then report commands that finished. */
function tick(): void {
  const now = performance.now();
  const tc = timeControl(sim.world);
  // Wall time drives virtual time × speed; `sim pause` stops it, `sim step` moves one event.
  if (!tc.paused) sim.advance((now - lastWall) * tc.speed);
  lastWall = now;
  for (let i = pending.length - 1; i >= 0; i--) if (pending[i]()) pending.splice(i, 1);
  post({ v: 1, type: 'clock', virtualMs: sim.world.scheduler.now(), paused: tc.paused, speed: tc.speed });
  post({ v: 1, type: 'view', view: sim.view({ logTail: 24, traceTail: 0 }) });
  setTimeout(tick, 16);
}

post({ v: 1, type: 'ready', seed: 1 });
tick();
