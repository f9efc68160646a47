// The web worker that owns the simulation. Wall time drives virtual time; the page only sends
// inputs and receives output and pictures (see protocol.ts).
import { isDecodedText } from '../engine/base/bytes.ts';
import { Playground, type PlaygroundSink } from '../engine/session/playground.ts';
import { InvalidSession, MAX_LINE } from '../engine/session/sessionFormat.ts';
import { type FromWorker, PROTOCOL_VERSION, type ToWorker } from './protocol.ts';

let pg: Playground | undefined;
let keyspaceOf: string | undefined;

/** While a session is replayed, what it says is gathered and sent as one message (a long session says a lot). */
let gathered: FromWorker[] | undefined;

function post(m: FromWorker): void {
  if (gathered) gathered.push(m);
  else (self as unknown as Worker).postMessage(m);
}

function gather<T>(f: () => T): T {
  gathered = [];
  try {
    return f();
  } finally {
    const all = gathered;
    gathered = undefined;
    if (all.length) post({ v: 2, type: 'batch', messages: all });
  }
}

/** Programs write bytes (as a terminal gets them); the page gets text, decoded as UTF-8 per terminal. */
const decoders = new Map<string, TextDecoder>();
function decode(terminal: string, bytes: string): string {
  if (isDecodedText(bytes)) return bytes;
  let d = decoders.get(terminal);
  if (!d) decoders.set(terminal, (d = new TextDecoder('utf-8')));
  const u8 = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) u8[i] = bytes.charCodeAt(i) & 0xff;
  return d.decode(u8, { stream: true });
}

const sink: PlaygroundSink = {
  output: (terminal, id, bytes) => post({ v: 2, type: 'output', id, terminal, text: decode(terminal, bytes) }),
  done: (terminal, id, exitCode) => post({ v: 2, type: 'done', id, terminal, exitCode }),
  echo: (terminal, line) => post({ v: 2, type: 'echo', terminal, line }),
  recorded: (input) => post({ v: 2, type: 'input', input }),
  fault: (message) => post({ v: 2, type: 'fault', message }),
};

/**
 * The cluster most pages start with, built in the worker's first task and offered at once: the
 * page's start reaches a worker only when the page's main thread has a moment, and a page that
 * wants the default cluster need not wait for that round trip. It runs, but records no input
 * (it does not doze) until a start claims it, so whichever page takes it has all of its inputs.
 */
let eager: Playground | undefined;
setTimeout(() => {
  if (pg || loading) return;
  pg = eager = new Playground(1, sink);
  eager.dozes = false;
  post({ v: 2, type: 'ready', seed: 1, restored: false });
}, 0);

/** The longest a restore may take (a real session of days takes seconds); past it, it is set aside. */
const RESTORE_BUDGET_MS = 15_000;

/** The nonce of the start being answered. */
let nonce: number | undefined;

function start(seed: number, session: unknown, members = 3): void {
  // The default cluster, offered and not claimed yet: it is the answer.
  if (pg && pg === eager && session === undefined && seed === 1 && members === 3) {
    eager = undefined;
    pg.dozes = true;
    post({ v: 2, type: 'ready', seed, restored: false, nonce });
    return;
  }
  eager = undefined;
  decoders.clear();
  if (session !== undefined) {
    // The validator (valibot) loads only to replay a session; what the page says meanwhile waits.
    pg = undefined;
    loading = import('../engine/session/sessionFile.ts')
      .then(({ parseSession }) => {
        try {
          // The replayed inputs are in the page's record already; the Playground sends only new ones.
          const file = parseSession(session);
          const giveUpAt = performance.now() + RESTORE_BUDGET_MS;
          pg = gather(() => Playground.replay(file, sink, { tooLong: () => performance.now() > giveUpAt }));
          post({ v: 2, type: 'ready', seed: pg.seed, restored: true, nonce });
        } catch (e) {
          const error = e instanceof InvalidSession ? e.message : `could not restore the session: ${String(e)}`;
          pg = new Playground(seed, sink, members);
          post({ v: 2, type: 'ready', seed, restored: false, error, nonce });
        }
      })
      .catch((e) => {
        pg = new Playground(seed, sink, members);
        post({
          v: 2,
          type: 'ready',
          seed,
          restored: false,
          error: `could not restore the session: ${String(e)}`,
          nonce,
        });
      })
      .finally(() => {
        loading = undefined;
        lastWall = performance.now();
        for (const m of waiting.splice(0)) handle(m);
      });
    return;
  }
  pg = new Playground(seed, sink, Math.min(7, Math.max(1, Math.floor(members))));
  post({ v: 2, type: 'ready', seed, restored: false, nonce });
}

/** While a session's validator loads: what the page said meanwhile, to handle in order after. */
let loading: Promise<void> | undefined;
const waiting: ToWorker[] = [];

self.onmessage = (e: MessageEvent<ToWorker>) => handle(e.data);

function handle(m: ToWorker): void {
  if (loading) {
    waiting.push(m);
    return;
  }
  try {
    receive(m);
  } catch (err) {
    // The Playground reports the engine's own errors; this is the worker's last line.
    post({ v: 2, type: 'fault', message: `engine error: ${err instanceof Error ? err.message : String(err)}` });
  }
}

function receive(m: ToWorker): void {
  if (m.v !== PROTOCOL_VERSION) return;
  if (m.type === 'start') {
    lastView = -1;
    lastStamp = '';
    ahead = 0;
    nonce = m.nonce;
    return start(m.seed, m.session, m.members);
  }
  if (!pg) return;
  // An input lands where the run is now (wall time caught up), and its first answers follow
  // within a few ms rather than at the next 16 ms frame.
  if (m.type === 'exec' || m.type === 'control' || m.type === 'interrupt' || m.type === 'time') {
    frame();
    hurry();
  }
  switch (m.type) {
    case 'exec':
      if (m.line.length > MAX_LINE) {
        // Not run, so not recorded: a session holds only what it can be restored from.
        const text = `etcd Playground: a command line may be at most ${MAX_LINE} characters (this one has ${m.line.length}): it was not run\n`;
        post({ v: 2, type: 'output', id: m.id, terminal: m.terminal, text });
        post({ v: 2, type: 'done', id: m.id, terminal: m.terminal, exitCode: 2 });
      } else if (!pg.busy(m.terminal)) {
        pg.exec(m.terminal, m.line, m.id);
        runAhead(m.terminal);
      }
      break;
    case 'interrupt':
      pg.interrupt(m.terminal);
      break;
    case 'complete': {
      const c = pg.complete(m.terminal, m.line, m.cursor);
      post({ v: 2, type: 'completion', id: m.id, terminal: m.terminal, ...c });
      break;
    }
    case 'control':
      pg.control(m.action, { member: m.member, groups: m.groups, value: m.value });
      break;
    case 'time':
      if (m.action === 'speed') {
        if (m.speed !== undefined) pg.speed = m.speed;
      } else pg.time(m.action);
      break;
    case 'view':
      keyspaceOf = m.keyspaceOf;
      break;
  }
}

let lastWall = performance.now();

/**
 * A command's answer need not wait for the wall clock: virtual time runs ahead (at most
 * LEAD_MS of wall time) until the command is done, and the frames after it stand still until
 * wall time has caught up. Inputs carry their virtual time, so the record is the same.
 */
const LEAD_MS = 40;
/** How far (wall ms) virtual time is ahead of the wall clock. */
let ahead = 0;

function runAhead(terminal: string): void {
  if (!pg) return;
  while (pg.busy(terminal) && ahead < LEAD_MS && !pg.paused) {
    pg.advance(1);
    ahead += 1;
  }
}
/** Virtual time of the last picture sent: the next one reports the messages sent since. */
let lastView = -1;
/** What the last picture showed: the run's point, the inputs, whose keyspace (unchanged: no new picture). */
let lastStamp = '';
/** Wall time of the last picture sent. */
let lastViewWall = 0;

/** Advance virtual time with wall time × speed, then send the clock and a picture. */
/** Frames come every 16 ms, and every 2 ms for a moment after an input (its answer shows sooner). */
const FRAME_MS = 16;
const HURRY_MS = 2;
const HURRY_FOR_MS = 40;
let hurryUntil = 0;
let next: ReturnType<typeof setTimeout> | undefined;

function hurry(): void {
  hurryUntil = performance.now() + HURRY_FOR_MS;
  clearTimeout(next);
  next = setTimeout(tick, HURRY_MS);
}

function tick(): void {
  try {
    frame();
  } catch (err) {
    post({ v: 2, type: 'fault', message: `engine error: ${err instanceof Error ? err.message : String(err)}` });
  }
  // Whatever happened, the clock goes on.
  next = setTimeout(tick, performance.now() < hurryUntil ? HURRY_MS : FRAME_MS);
}

function frame(): void {
  const now = performance.now();
  if (pg) {
    const wall = now - lastWall;
    const spent = Math.min(wall, ahead);
    ahead -= spent;
    pg.advance(wall - spent);
    post({
      v: 2,
      type: 'clock',
      virtualMs: pg.now(),
      events: pg.sim.world.scheduler.executed(),
      paused: pg.paused,
      speed: pg.speed,
    });
    // A picture only when something changed (none while paused or dozing), and no more often
    // than a display frame while frames come quickly after an input.
    const stamp = `${pg.sim.world.scheduler.executed()}:${pg.inputs.length}:${keyspaceOf}:${pg.dozing}`;
    if (stamp !== lastStamp && now - lastViewWall >= FRAME_MS - HURRY_MS) {
      lastViewWall = now;
      lastStamp = stamp;
      post({ v: 2, type: 'view', view: pg.view({ logTail: 24, traceTail: 200, keyspaceOf, sentSince: lastView }) });
      lastView = pg.now();
    }
  }
  lastWall = now;
}

tick();
