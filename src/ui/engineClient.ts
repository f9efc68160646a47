// The page's side of the worker protocol: sends inputs, routes output to the terminals, keeps
// the session record in step, and hands the newest cluster picture to the store once per frame.
import {
  type ControlAction,
  type FromWorker,
  PROTOCOL_VERSION,
  type SessionFile,
  type ToWorker,
} from '../worker/protocol.ts';
import type { EarlyStart } from './earlyStart.ts';
import { clearSession, loadHistory, SessionRecord, saveHistory } from './session/storage.ts';
import { useStore } from './store.ts';
import { XtermView } from './terminal/xtermView.ts';

const WELCOME = 'etcd Playground: a simulated etcd 3.4 cluster. Try `etcdctl put foo bar`.\n';

export class EngineClient {
  private nextId = 1;
  private readonly completions = new Map<number, (c: { from: number; candidates: string[] }) => void>();
  readonly terminals = new Map<string, XtermView>();
  private record = new SessionRecord(1);
  private pendingView: FromWorker & { type: 'view' } = undefined as never;
  private readyWaiters: (() => void)[] = [];
  private members = 3;
  /** Scripts waiting for a command of theirs to end, by terminal. */
  private readonly running = new Map<string, (exitCode: number) => void>();
  private readyOnce = false;
  private engineReady = false;

  /** What bench/page.ts measures: the first moment a terminal is on screen and the engine takes its commands. */
  private markTerminalReady(): void {
    if (this.readyOnce || !this.engineReady || ![...this.terminals.values()].some((t) => t.attached)) return;
    this.readyOnce = true;
    performance.mark('terminal-ready');
  }

  constructor(private readonly worker: Worker) {
    // Set before anything else runs, so nothing the worker says after the entry's buffer is lost.
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    const draw = () => {
      if (this.pendingView) useStore.getState().set({ view: this.pendingView.view });
      this.pendingView = undefined as never;
      requestAnimationFrame(draw);
    };
    requestAnimationFrame(draw);
    // Leaving the page keeps where the session had got to.
    addEventListener('pagehide', () => this.record.save(true));
  }

  private send(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  /** A fresh cluster from `seed`, or a saved session rebuilt; every terminal starts over. */
  start(seed: number, session?: SessionFile, members = 3): Promise<void> {
    this.members = session?.members ?? members;
    this.record = new SessionRecord(session?.seed ?? seed, session, this.members);
    useStore.getState().set({ ready: false, view: undefined, selectedKey: undefined });
    for (const t of this.terminals.values()) {
      t.reset();
      t.write(WELCOME);
      t.prompt();
    }
    this.send({ v: 2, type: 'start', seed, session, members: this.members });
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /**
   * Take over a start the entry already sent (earlyStart.ts): keep the record it implies and
   * handle what the worker said meanwhile.
   */
  adopt(early: EarlyStart, saved: SessionFile | undefined): Promise<void> {
    this.members = early.members;
    this.record = new SessionRecord(early.seed, saved, early.members);
    const done = new Promise<void>((resolve) => this.readyWaiters.push(resolve));
    for (const m of early.buffered.splice(0)) this.receive(m);
    return done;
  }

  reset(seed: number): Promise<void> {
    clearSession();
    return this.start(seed, undefined, this.members);
  }

  /** The session as a file: seed, inputs, where it had got to, and the terminals. */
  sessionFile(): SessionFile {
    return this.record.snapshot(useStore.getState().terminals);
  }

  terminal(id: string): XtermView {
    let t = this.terminals.get(id);
    if (!t) {
      t = new XtermView(
        id,
        {
          exec: (terminal, line) => this.send({ v: 2, type: 'exec', id: this.nextId++, terminal, line }),
          interrupt: (terminal) => this.send({ v: 2, type: 'interrupt', terminal }),
          complete: (terminal, line, cursor) =>
            new Promise((resolve) => {
              const id = this.nextId++;
              this.completions.set(id, resolve);
              this.send({ v: 2, type: 'complete', id, terminal, line, cursor });
            }),
          history: (terminal, entries) => saveHistory(terminal, entries),
        },
        loadHistory(id),
        useStore.getState().theme,
      );
      t.write(WELCOME);
      t.prompt();
      t.onAttached = () => this.markTerminalReady();
      this.terminals.set(id, t);
    }
    return t;
  }

  /**
   * Run one command line in a terminal as if typed there; resolves with its exit status, or
   * undefined if a command is already running in that terminal.
   */
  runLine(terminal: string, line: string): Promise<number | undefined> {
    const t = this.terminal(terminal);
    if (t.busy || this.running.has(terminal)) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.running.set(terminal, resolve);
      t.echo(line);
      this.send({ v: 2, type: 'exec', id: this.nextId++, terminal, line });
    });
  }

  control(action: ControlAction, args: { member?: string; groups?: string[][]; value?: number } = {}): void {
    this.send({ v: 2, type: 'control', action, ...args });
  }

  time(action: 'pause' | 'resume' | 'step' | 'until'): void {
    this.send({ v: 2, type: 'time', action });
  }

  speed(speed: number): void {
    this.send({ v: 2, type: 'time', action: 'speed', speed });
  }

  keyspaceOf(member: string | undefined): void {
    this.send({ v: 2, type: 'view', keyspaceOf: member });
  }

  private receive(m: FromWorker): void {
    const store = useStore.getState();
    if (m.v !== PROTOCOL_VERSION) {
      // A page and a worker of different versions (a stale cache): refuse rather than misread.
      store.set({
        notice: `the engine speaks protocol ${String(m.v)}, this page ${PROTOCOL_VERSION}: reload the page`,
      });
      return;
    }
    switch (m.type) {
      case 'view':
        // Pictures not drawn yet are replaced by the newest, but the messages they reported as sent are kept.
        if (this.pendingView) m.view.sent = [...this.pendingView.view.sent, ...m.view.sent];
        this.pendingView = m;
        break;
      case 'output':
        this.terminal(m.terminal).write(m.text);
        break;
      case 'done':
        this.terminal(m.terminal).prompt();
        this.running.get(m.terminal)?.(m.exitCode);
        this.running.delete(m.terminal);
        break;
      case 'echo':
        this.terminal(m.terminal).echo(m.line);
        break;
      case 'completion':
        this.completions.get(m.id)?.({ from: m.from, candidates: m.candidates });
        this.completions.delete(m.id);
        break;
      case 'input':
        this.record.add(m.input);
        break;
      case 'clock':
        this.record.reached(m.virtualMs, m.events);
        store.set({ clock: { virtualMs: m.virtualMs, events: m.events, paused: m.paused, speed: m.speed } });
        break;
      case 'ready':
        if (!m.restored) this.record = new SessionRecord(m.seed, undefined, this.members);
        this.engineReady = true;
        this.markTerminalReady();
        this.record.save(true);
        this.speed(store.speed);
        store.set({ ready: true, seed: m.seed, notice: m.error });
        for (const w of this.readyWaiters.splice(0)) w();
        break;
    }
  }
}
