// The virtual clock and the event queue: every background loop of the engine is an event
// here, ordered by (virtual time, insertion sequence), so a run is a pure function of its
// seed and inputs.

export interface ScheduledEvent {
  /** When it runs; only a wake from a doze moves it (every pending event by the same amount). */
  time: number;
  readonly seq: number;
  readonly label: string;
  readonly run: () => void;
  cancelled: boolean;
  /** Taken off the queue (run, or dropped when cancelled): cancelling it now changes nothing. */
  off?: boolean;
  /** What the event carries, for pictures of the simulation (a message in flight). */
  data?: unknown;
}

/** 2026-01-01T00:00:00Z: the wall-clock time a fresh simulation starts at, unless told otherwise. */
export const DEFAULT_EPOCH_MS = 1_767_225_600_000;

/** Cancelled events tolerated in the heap before a sweep is worth its O(n). */
const SWEEP_MIN = 256;

export class Scheduler {
  private heap: ScheduledEvent[] = [];
  private seq = 0;
  private nowMs = 0;
  /** Events run so far: with the time, where a run stands exactly (several events share an instant). */
  private ran = 0;
  /** Unix time (ms) that virtual time 0 stands for: used where etcd reads the wall clock. */
  readonly epochMs: number;
  /** While dozing: the pending events, set aside, and when the doze began. */
  private held: { heap: ScheduledEvent[]; since: number } | undefined;

  constructor(epochMs = DEFAULT_EPOCH_MS) {
    this.epochMs = epochMs;
  }

  /** Virtual milliseconds since the simulation started. */
  now(): number {
    return this.nowMs;
  }

  /** The wall-clock time the simulated machines believe it is, in Unix ms. */
  unixMs(): number {
    return this.epochMs + this.nowMs;
  }

  /** Run `run` after `delayMs` virtual milliseconds; returns a handle to cancel it. */
  after(delayMs: number, label: string, run: () => void, data?: unknown): ScheduledEvent {
    const ev: ScheduledEvent = {
      time: this.nowMs + Math.max(0, delayMs),
      seq: this.seq++,
      label,
      run,
      cancelled: false,
      data,
    };
    this.push(ev);
    return ev;
  }

  /**
   * Doze: set every pending event aside, so that time passes and nothing runs. A quiet cluster
   * (only heartbeats and idle loops pending) dozes so that idle hours cost nothing to run or to
   * replay; `wake` puts the events back, each as far in the future as it was when the doze began.
   */
  doze(): void {
    if (this.held) return;
    this.dropCancelled();
    this.held = { heap: this.heap, since: this.nowMs };
    this.heap = [];
  }

  get dozing(): boolean {
    return this.held !== undefined;
  }

  wake(): void {
    const held = this.held;
    if (!held) return;
    this.held = undefined;
    const shift = this.nowMs - held.since;
    // The same shift for all keeps the heap's order; events scheduled during the doze (none are
    // expected: nothing runs) are merged back in.
    for (const ev of held.heap) ev.time += shift;
    const during = this.heap;
    this.heap = held.heap;
    for (const ev of during) this.push(ev);
  }

  cancel(ev: ScheduledEvent | undefined): void {
    if (!ev || ev.cancelled || ev.off) return;
    ev.cancelled = true;
    // Cancelled timeouts (two per request) would otherwise pile up in the heap and slow every
    // event down: when they are the larger part, sweep them out. The order of what is left is
    // the order of (time, seq), so the run is the same.
    if (++this.dead > SWEEP_MIN && this.dead * 2 > this.heap.length) this.sweep();
  }

  /** Cancelled events still in the heap. */
  private dead = 0;

  private sweep(): void {
    const live = this.heap.filter((e) => !e.cancelled);
    for (const e of this.heap) if (e.cancelled) e.off = true;
    this.heap = [];
    for (const e of live.sort((a, b) => a.time - b.time || a.seq - b.seq)) this.heap.push(e);
    this.dead = 0;
  }

  pending(): number {
    return this.heap.length;
  }

  /** The live events, in no particular order (for views: messages in flight). */
  events(): readonly ScheduledEvent[] {
    return this.heap.filter((e) => !e.cancelled);
  }

  /** Time of the next live event, or undefined when nothing is scheduled. */
  peekTime(): number | undefined {
    this.dropCancelled();
    return this.heap.length ? this.heap[0].time : undefined;
  }

  /** Run the next event. Returns false when nothing is left to run. */
  step(): boolean {
    this.dropCancelled();
    const ev = this.pop();
    if (!ev) return false;
    this.nowMs = ev.time;
    this.ran++;
    ev.run();
    return true;
  }

  /** Run events until `done()` holds or virtual time would pass `deadline`. */
  runUntil(done: () => boolean, deadline = Number.POSITIVE_INFINITY): boolean {
    while (!done()) {
      this.dropCancelled();
      const h = this.heap;
      if (!h.length || h[0].time > deadline) {
        if (deadline !== Number.POSITIVE_INFINITY && deadline > this.nowMs) this.nowMs = deadline;
        return done();
      }
      const ev = this.pop()!;
      this.nowMs = ev.time;
      this.ran++;
      ev.run();
    }
    return true;
  }

  /** How many events have run: with now(), the exact point a run has reached. */
  executed(): number {
    return this.ran;
  }

  /**
   * Come back to a point a run reached: run events until `executed` of them have run (none
   * later than `t`), then stand at time `t`. A replay lands each input exactly where it was
   * applied, even between two events of one instant (after a single step). False if the
   * events run out first: the point is not on this run.
   */
  replayTo(t: number, executed: number): boolean {
    while (this.ran < executed) {
      const next = this.peekTime();
      if (next === undefined || next > t) return false;
      this.step();
    }
    this.nowMs = Math.max(this.nowMs, t);
    return true;
  }

  /** Advance virtual time to `t` (if it is ahead), running every event due on the way. */
  advanceTo(t: number): void {
    this.runUntil(() => false, t);
    this.nowMs = Math.max(this.nowMs, t);
  }

  /** Advance virtual time by `ms`, running every event due on the way. */
  advance(ms: number): void {
    const deadline = this.nowMs + ms;
    this.runUntil(() => false, deadline);
    this.nowMs = Math.max(this.nowMs, deadline);
  }

  private dropCancelled(): void {
    while (this.heap.length && this.heap[0].cancelled) {
      this.pop();
      if (this.dead > 0) this.dead--;
    }
  }

  private less(a: ScheduledEvent, b: ScheduledEvent): boolean {
    return a.time < b.time || (a.time === b.time && a.seq < b.seq);
  }

  private push(ev: ScheduledEvent): void {
    const h = this.heap;
    h.push(ev);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): ScheduledEvent | undefined {
    const h = this.heap;
    if (!h.length) return undefined;
    const top = h[0];
    top.off = true;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
