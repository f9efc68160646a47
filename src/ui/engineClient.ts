// The page's side of the worker protocol: sends inputs, routes output to the terminals, keeps
// the session record in step, and hands the newest cluster picture to the store once per frame.

import { translate } from '../i18n/ui.ts';
import {
  type ControlAction,
  type FromWorker,
  PROTOCOL_VERSION,
  type SessionFile,
  type ToWorker,
} from '../worker/protocol.ts';
import type { EarlyStart } from './earlyStart.ts';
import { SessionRecord, type StoredSession, setAside } from './session/sessionStore.ts';
import { loadHistory, saveHistory } from './session/storage.ts';
import { useStore } from './store.ts';
import { type RestoredPart, XtermView } from './terminal/xtermView.ts';

/** The terminal's first line, in the page's language (what the shell prints after it is etcd's and bash's, never translated). */
const welcome = () => `${translate(useStore.getState().lang, 'app.welcome')}\n`;

export class EngineClient {
  private nextId = 1;
  private readonly completions = new Map<number, (c: { from: number; candidates: string[] }) => void>();
  readonly terminals = new Map<string, XtermView>();
  /** The session as this page keeps it (in memory and in storage), from the worker's `ready` on. */
  private record: SessionRecord | undefined;
  /** What the worker was asked to start from: the record follows once it says whether it could. */
  private pending: { resume: StoredSession } | { replace: SessionFile } | undefined;
  private nonce = 0;
  /** The start the page waits on: its nonce, whether the worker's offer answers it, whether answered. */
  private awaiting: { nonce: number; takesOffer: boolean; answered: boolean } | undefined;
  private pendingView: FromWorker & { type: 'view' } = undefined as never;
  private readyWaiters: (() => void)[] = [];
  private members = 3;
  /** Scripts waiting for a command of theirs to end, by terminal. */
  private readonly running = new Map<string, (exitCode: number) => void>();
  private readyOnce = false;
  /** Who else reads what the terminals print (the lesson player's transcript goals). */
  private readonly outputListeners = new Set<(terminal: string, text: string) => void>();

  onOutput(f: (terminal: string, text: string) => void): () => void {
    this.outputListeners.add(f);
    return () => this.outputListeners.delete(f);
  }

  /** A fresh cluster for a lesson; the session it replaces is set aside (offered for export), never lost. */
  startLesson(seed: number, members: number): Promise<void> {
    const current = this.sessionFile();
    if (current.inputs.some((i) => i.kind !== 'doze')) {
      setAside(safeStorage(), current);
      this.tell(translate(useStore.getState().lang, 'lesson.setAside'), () => current);
    }
    this.record?.clear();
    this.record = undefined;
    return this.start(seed, undefined, members);
  }
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
    addEventListener('pagehide', () => this.record?.flush());
  }

  private send(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  /** A fresh cluster from `seed`, or a saved session rebuilt; every terminal starts over. */
  start(seed: number, session?: SessionFile, members = 3): Promise<void> {
    this.members = session?.members ?? members;
    this.pending = session ? { replace: session } : undefined;
    useStore.getState().set({ ready: false, view: undefined, selectedKey: undefined });
    this.clearTerminals();
    const nonce = ++this.nonce;
    this.awaiting = { nonce, takesOffer: false, answered: false };
    this.send({ v: 2, type: 'start', seed, session, members: this.members, nonce });
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /**
   * Take over a start the entry already sent (earlyStart.ts): keep the record it implies and
   * handle what the worker said meanwhile.
   */
  adopt(early: EarlyStart): Promise<void> {
    this.members = early.members;
    this.pending = early.stored ? { resume: early.stored } : undefined;
    this.nonce = Math.max(this.nonce, early.nonce);
    // A page that asked for the default cluster takes the worker's offer of it.
    this.awaiting = {
      nonce: early.nonce,
      takesOffer: !early.stored && early.seed === 1 && early.members === 3,
      answered: false,
    };
    if (early.unused) {
      setAside(safeStorage(), early.unused.file);
      const file = early.unused.file;
      this.tell(
        `the session saved in this browser has ${file.members ?? 3} members, not ${early.members}: it was set aside`,
        () => file,
      );
    }
    const done = new Promise<void>((resolve) => this.readyWaiters.push(resolve));
    for (const m of early.buffered.splice(0)) this.receive(m);
    return done;
  }

  reset(seed: number): Promise<void> {
    this.record?.clear();
    this.record = undefined;
    return this.start(seed, undefined, this.members);
  }

  /** The session as a file: seed, inputs, where it had got to, and the terminals. */
  sessionFile(): SessionFile {
    const terminals = useStore.getState().terminals;
    return (
      this.record?.snapshot(terminals) ?? {
        format: 'etcd-playground-session',
        version: 1,
        seed: useStore.getState().seed,
        endMs: 0,
        endEvents: 0,
        inputs: [],
        terminals,
      }
    );
  }

  private clearTerminals(): void {
    for (const t of this.terminals.values()) {
      t.reset();
      t.write(welcome());
      t.prompt();
    }
  }

  /** A notice for the learner, with an export button when there is a session to keep. */
  private tell(notice: string, exportable?: () => SessionFile): void {
    useStore.getState().set({ notice, noticeExport: exportable });
  }

  /** Once the worker has said what it started, the record follows: resumed, replaced, or fresh. */
  private follow(restored: boolean, seed: number, error: string | undefined): void {
    const pending = this.pending;
    this.pending = undefined;
    const trouble = (reason: string) =>
      this.tell(`${reason}: this session is no longer saved in the browser. Export it to keep it.`, () =>
        this.sessionFile(),
      );
    const storage = safeStorage();
    if (restored && pending && 'resume' in pending)
      this.record = SessionRecord.resume(storage, pending.resume, trouble);
    else if (restored && pending && 'replace' in pending)
      this.record = SessionRecord.replace(storage, pending.replace, trouble);
    else {
      const unreplayable = pending && ('resume' in pending ? pending.resume.file : pending.replace);
      // What a failed replay printed belongs to no cluster: the terminals start over.
      if (error) this.clearTerminals();
      if (error && unreplayable) {
        // Never lose a learner's work: a session this version cannot replay is kept to export.
        setAside(storage, unreplayable);
        this.tell(`${error}. It was set aside; a fresh cluster started.`, () => unreplayable);
      } else if (error) this.tell(error);
      this.record = SessionRecord.fresh(storage, seed, this.members, trouble);
    }
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
      t.write(welcome());
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

  /** Ctrl-C in a terminal, as if pressed there. */
  interruptTerminal(terminal: string): void {
    this.send({ v: 2, type: 'interrupt', terminal });
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

  /** A replay's messages: each terminal's screen is written once, at the end (or before a fault, which writes to all). */
  private receiveBatch(messages: readonly FromWorker[]): void {
    const screens = new Map<string, RestoredPart[]>();
    const flush = () => {
      for (const [id, parts] of screens) this.terminal(id).restore(parts);
      screens.clear();
    };
    for (const x of messages) {
      if (x.type !== 'output' && x.type !== 'echo' && x.type !== 'done') {
        if (x.type === 'fault') flush();
        this.receive(x);
        continue;
      }
      let parts = screens.get(x.terminal);
      if (!parts) screens.set(x.terminal, (parts = []));
      if (x.type === 'output') parts.push({ kind: 'output', text: x.text });
      else if (x.type === 'echo') parts.push({ kind: 'echo', text: x.line });
      else {
        parts.push({ kind: 'prompt' });
        this.running.get(x.terminal)?.(x.exitCode);
        this.running.delete(x.terminal);
      }
    }
    flush();
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
    // Until the cluster asked for is there, what another cluster (the worker's offer) says is not ours.
    if (this.awaiting && !this.awaiting.answered) {
      if (m.type === 'ready') {
        const answers = m.nonce === undefined ? this.awaiting.takesOffer : m.nonce === this.awaiting.nonce;
        if (!answers) return;
        this.awaiting.answered = true;
      } else if (m.type === 'view' || m.type === 'clock') return;
    } else if (m.type === 'ready') return; // an offer not taken, or a start answered already
    switch (m.type) {
      case 'batch':
        this.receiveBatch(m.messages);
        break;
      case 'view':
        // Pictures not drawn yet are replaced by the newest, but the messages they reported as sent are kept.
        if (this.pendingView) m.view.sent = [...this.pendingView.view.sent, ...m.view.sent];
        this.pendingView = m;
        break;
      case 'output':
        this.terminal(m.terminal).write(m.text);
        for (const f of this.outputListeners) f(m.terminal, m.text);
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
        this.record?.add(m.input);
        break;
      case 'fault':
        // A bug in the engine: said where the learner looks, with a way to send the session in.
        for (const t of this.terminals.values()) t.write(`\r\n\x1b[31metcd Playground: ${m.message}\x1b[0m\r\n`);
        this.tell(`${m.message}. Export the session to report it.`, () => this.sessionFile());
        break;
      case 'clock':
        this.record?.reached(m.virtualMs, m.events);
        store.set({ clock: { virtualMs: m.virtualMs, events: m.events, paused: m.paused, speed: m.speed } });
        break;
      case 'ready':
        performance.mark('engine-ready');
        this.follow(m.restored, m.seed, m.error);
        this.engineReady = true;
        this.markTerminalReady();
        this.speed(store.speed);
        store.set({ ready: true, seed: m.seed });
        for (const w of this.readyWaiters.splice(0)) w();
        break;
    }
  }
}

function safeStorage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}
