// A playground session: one simulated cluster, a shell per terminal, and the record of every
// input with its virtual time. The web worker drives it with wall time; a replay drives it from
// a session file and lands every input at the instant it was first applied, so the cluster, the
// terminals' output and the running commands come back exactly.
import { type Completion, complete } from '../api/shell/complete.ts';
import { timeControl } from '../api/utils/sim.ts';
import type { TaskRunner } from '../base/task.ts';
import { type Shell, Simulation } from '../index.ts';
import { localTopology } from '../sim/topology.ts';
import type { ViewOptions } from '../view.ts';
import type { MemberAction, NetworkAction, SessionFile, SessionInput, TimeAction } from './sessionFile.ts';
import { InvalidSession, SESSION_FORMAT, SESSION_VERSION } from './sessionFormat.ts';

/** Where a session's output goes: the worker posts it to the page; tests collect it. */
export interface PlaygroundSink {
  output(terminal: string, id: number, bytes: string): void;
  done(terminal: string, id: number, exitCode: number): void;
  /** A replayed command line, to show after the prompt as if typed. */
  echo?(terminal: string, line: string): void;
  /** Every input as it is recorded (the page persists them). */
  recorded?(input: SessionInput): void;
  /** The engine threw: a bug, reported with the seed so that the session can be sent in. */
  fault?(message: string): void;
}

/** How long "run until something happens" waits for something, in virtual ms. */
const UNTIL_LIMIT_MS = 10_000;

/**
 * How long a cluster stays quiet (virtual ms) before it dozes: long enough to watch a few
 * heartbeats go by after each command, short enough that idle hours cost nothing to replay.
 */
export const DOZE_AFTER_MS = 250;

/** The longest stretch of virtual time run before checking whether the cluster may doze. */
const AWAKE_SLICE_MS = 250;

/** Events a replay runs between two asks whether it is taking too long. */
const REPLAY_CHUNK = 50_000;

export interface ReplayOptions {
  /** Asked now and then during a replay; true gives up (the worker passes a wall-clock budget). */
  tooLong?: () => boolean;
}

/** Engine errors reported per session (one bug can throw at every tick). */
const MAX_FAULT_REPORTS = 20;

export class Playground {
  readonly sim: Simulation;
  readonly inputs: SessionInput[] = [];
  private readonly shells = new Map<string, Shell>();
  private readonly running = new Map<string, { id: number; runner: TaskRunner<number> }>();
  private nextId = 1;
  private replaying = false;
  /** Since when (virtual ms) the cluster has been quiet without a break, while awake. */
  private quietSince: number | undefined;

  constructor(
    readonly seed: number,
    private readonly sink: PlaygroundSink,
    readonly members = 3,
  ) {
    this.sim = Simulation.create({ seed, topology: localTopology(members) });
    // The event log shows commits too.
    this.sim.world.traceCommits = true;
    // …and the network picture draws every message sent, not only those caught in flight.
    this.sim.world.recordSends = true;
  }

  /** Rebuild a session from its file: every input at its recorded instant, then on to where it ended. */
  static replay(file: SessionFile, sink: PlaygroundSink, opts: ReplayOptions = {}): Playground {
    const p = new Playground(file.seed, sink, file.members ?? 3);
    p.replaying = true;
    const s = p.sim.world.scheduler;
    const unreplayable = () => new InvalidSession('not a playground session: it does not replay on this version');
    const reach = (at: number, n: number) => {
      // In chunks of events, asking between them whether to give up: a session (or a link
      // made up to look like one) that would run for ages is refused, never run for ages.
      while (s.executed() < n) {
        const target = Math.min(n, s.executed() + REPLAY_CHUNK);
        // An engine error the live run met (and went on from) is met again at the same event.
        const ok = p.guard(
          () => s.replayTo(at, target),
          true,
          () => s.executed() < target && s.peekTime() !== undefined,
        );
        if (!ok) throw unreplayable();
        if (opts.tooLong?.())
          throw new InvalidSession('this session takes too long to restore here (more than the time allowed for it)');
      }
      if (!s.replayTo(at, n)) throw unreplayable();
    };
    for (const input of file.inputs) {
      reach(input.at, input.n);
      p.poll();
      if (input.kind === 'doze' && !p.sim.world.quiet()) throw unreplayable();
      p.apply(input);
    }
    reach(file.endMs, file.endEvents);
    p.poll();
    p.replaying = false;
    return p;
  }

  now(): number {
    return this.sim.world.scheduler.now();
  }

  private events(): number {
    return this.sim.world.scheduler.executed();
  }

  get paused(): boolean {
    return timeControl(this.sim.world).paused;
  }

  get speed(): number {
    return timeControl(this.sim.world).speed;
  }

  set speed(x: number) {
    if (x >= 0.01 && x <= 10) timeControl(this.sim.world).speed = x;
  }

  /** Whether a command is running in this terminal. */
  busy(terminal: string): boolean {
    return this.running.has(terminal);
  }

  exec(terminal: string, line: string, id?: number): number {
    return this.apply({ at: this.now(), n: this.events(), kind: 'exec', terminal, line }, id);
  }

  interrupt(terminal: string): void {
    this.apply({ at: this.now(), n: this.events(), kind: 'interrupt', terminal });
  }

  control(
    action: MemberAction | NetworkAction,
    args: { member?: string; groups?: string[][]; value?: number } = {},
  ): void {
    this.apply({ at: this.now(), n: this.events(), kind: 'control', action, ...args });
  }

  time(action: TimeAction): void {
    this.apply({ at: this.now(), n: this.events(), kind: 'time', action });
  }

  /** Let wall time pass: `wallMs` × speed of virtual time, unless paused; a cluster quiet long enough dozes. */
  advance(wallMs: number): void {
    if (!this.paused) {
      const s = this.sim.world.scheduler;
      const deadline = s.now() + wallMs * this.speed;
      // Awake, time goes in slices, so that a quiet cluster dozes when it may even in one long
      // frame (a background tab's timers fire once a second or less); dozing, it jumps.
      while (s.now() < deadline) {
        const to = this.dozing ? deadline : Math.min(deadline, s.now() + AWAKE_SLICE_MS);
        // An engine error is reported and time goes on past it.
        this.guard(() => s.advanceTo(to), undefined);
        this.poll();
        this.dozeIfQuiet();
      }
    }
    this.poll();
  }

  /** Whether the cluster is dozing (quiet; its heartbeats are not simulated until the next input). */
  get dozing(): boolean {
    return this.sim.world.scheduler.dozing;
  }

  /**
   * Whether a quiet cluster may doze (a doze is an input). Off for a cluster nobody has claimed
   * yet (the worker's offer), whose record does not exist so far.
   */
  dozes = true;

  private dozeIfQuiet(): void {
    if (this.dozing || !this.dozes) return;
    if (!this.sim.world.quiet()) {
      this.quietSince = undefined;
      return;
    }
    this.quietSince ??= this.now();
    if (this.now() - this.quietSince >= DOZE_AFTER_MS) this.apply({ at: this.now(), n: this.events(), kind: 'doze' });
  }

  toFile(terminals?: SessionFile['terminals']): SessionFile {
    return {
      format: SESSION_FORMAT,
      version: SESSION_VERSION,
      seed: this.seed,
      ...(this.members !== 3 ? { members: this.members } : {}),
      endMs: this.now(),
      endEvents: this.events(),
      inputs: [...this.inputs],
      ...(terminals ? { terminals } : {}),
    };
  }

  /** Tab completion for what is typed in a terminal (not an input: it changes nothing). */
  complete(terminal: string, line: string, cursor: number): Completion {
    return complete(
      this.shell(terminal),
      line,
      cursor,
      this.sim.world.members.map((m) => m.name),
    );
  }

  view(opts?: ViewOptions) {
    return this.sim.view(opts);
  }

  /**
   * Run `f`; if the engine throws, report it (terminal, event log, with the seed) and go on
   * while `again()` says there is more to do, so that no bug stops the clock. A replay meets
   * the same error at the same event and goes on the same way.
   */
  private guard<T>(f: () => T, fallback: T, again: () => boolean = () => false): T {
    for (;;) {
      try {
        return f();
      } catch (e) {
        const message = `engine error (seed ${this.seed}): ${e instanceof Error ? e.message : String(e)}`;
        if (this.faults++ < MAX_FAULT_REPORTS) {
          this.sim.world.emit({ type: 'engine-error', message });
          this.sink.fault?.(message);
        }
        if (!again()) return fallback;
      }
    }
  }

  private faults = 0;

  /** Apply one input now and record it. Returns the command id for an exec. */
  private apply(input: SessionInput, id = this.nextId): number {
    return this.guard(() => this.applyInput(input, id), 0);
  }

  private applyInput(input: SessionInput, id: number): number {
    this.inputs.push(input);
    // A replay's inputs are in the page's record already; what comes after is new.
    if (!this.replaying) this.sink.recorded?.(input);
    const sim = this.sim;
    const s = sim.world.scheduler;
    // Any input wakes a dozing cluster: its pending events come back as far ahead as they were.
    if (input.kind === 'doze') {
      s.doze();
      return 0;
    }
    s.wake();
    this.quietSince = undefined;
    switch (input.kind) {
      case 'exec': {
        this.nextId = Math.max(this.nextId, id) + 1;
        if (this.replaying) this.sink.echo?.(input.terminal, input.line);
        sim.world.emit({ type: 'command', terminal: input.terminal, line: input.line });
        const runner = sim.start(
          this.shell(input.terminal).run(input.line, (bytes) => this.sink.output(input.terminal, id, bytes)),
        );
        this.running.set(input.terminal, { id, runner });
        this.poll();
        return id;
      }
      case 'interrupt':
        this.running.get(input.terminal)?.runner.interrupt();
        this.poll();
        break;
      case 'control': {
        const name = input.member ?? '';
        if (input.action === 'stop') sim.stopMember(name);
        else if (input.action === 'kill') sim.killMember(name);
        else if (input.action === 'start') sim.startMember(name);
        else if (input.action === 'isolate') sim.isolate(name);
        else if (input.action === 'transfer') sim.transferLeadership(name);
        else if (input.action === 'heal') sim.heal();
        else if (input.action === 'partition' && input.groups) sim.partition(input.groups);
        else if (input.action === 'latency' && input.value !== undefined) sim.setLatency(input.value);
        else if (input.action === 'loss' && input.value !== undefined) sim.setLoss(Math.min(1, input.value));
        break;
      }
      case 'time': {
        const tc = timeControl(sim.world);
        if (input.action === 'pause') tc.paused = true;
        else if (input.action === 'resume') tc.paused = false;
        else if (input.action === 'step') sim.step();
        else if (input.action === 'until') this.runUntilSomethingHappens();
        this.poll();
        break;
      }
    }
    return 0;
  }

  /**
   * Run events until something happens (an election event, a commit, a member or lease change, a
   * watch delivery, a fault), or 10 virtual seconds: not a message sent, not a command echoed.
   */
  private runUntilSomethingHappens(): void {
    const w = this.sim.world;
    const since = w.lastEventSeq();
    const happened = () => {
      const log = w.traceLog;
      for (let i = log.length - 1; i >= 0 && log[i].seq > since; i--)
        if (log[i].kind !== 'message' && log[i].kind !== 'command') return true;
      return false;
    };
    w.runUntil(happened, this.now() + UNTIL_LIMIT_MS);
  }

  private shell(terminal: string): Shell {
    let sh = this.shells.get(terminal);
    if (!sh) {
      sh = this.sim.shell({ jobOutput: 'live', terminal });
      this.shells.set(terminal, sh);
    }
    return sh;
  }

  /** Report commands that have finished. */
  private poll(): void {
    for (const [terminal, { id, runner }] of this.running) {
      if (!runner.done) continue;
      this.running.delete(terminal);
      const o = runner.outcome;
      this.sink.done(terminal, id, o?.ok ? o.value : 130);
    }
  }
}
