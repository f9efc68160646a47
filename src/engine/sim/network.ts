// The simulated network between members: per-link latency, loss, duplication, reordering (a
// latency jitter), and partitions, symmetric or one-way. Every draw comes from its own seeded PRNG.
import type { Prng } from '../base/prng.ts';
import type { ScheduledEvent, Scheduler } from '../base/scheduler.ts';

export interface LinkFaults {
  /** One-way latency in virtual ms. */
  latencyMs: number;
  /** Extra random latency in [0, jitterMs): messages may overtake each other. */
  jitterMs: number;
  /** Probability that a message is lost. */
  loss: number;
  /** Probability that a message is delivered twice. */
  duplicate: number;
}

export const LOOPBACK: LinkFaults = { latencyMs: 0.2, jitterMs: 0, loss: 0, duplicate: 0 };

export class Network {
  faults: LinkFaults = { ...LOOPBACK };
  /** Directed links that drop everything: "from->to" by member name. */
  readonly cut = new Set<string>();
  stats = { sent: 0, dropped: 0, delivered: 0 };
  /** Told of every message the network drops (for the trace). */
  onDrop: ((data: unknown) => void) | undefined;
  /** Sees each message put on the wire (each copy), with its event: the UI draws what was sent. */
  onSend: ((data: unknown, ev: ScheduledEvent) => void) | undefined;
  /** When each directed link was last cut or healed (virtual ms). */
  private readonly changedAt = new Map<string, number>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly rng: Prng,
  ) {}

  /** Split the named members into groups that cannot talk to each other. */
  partition(groups: string[][]): void {
    this.heal();
    for (let i = 0; i < groups.length; i++) {
      for (let j = 0; j < groups.length; j++) {
        if (i === j) continue;
        for (const a of groups[i]) for (const b of groups[j]) this.cutLink(a, b);
      }
    }
  }

  /** Cut one member off from every other. */
  isolate(name: string, all: string[]): void {
    for (const other of all) {
      if (other === name) continue;
      this.cutLink(name, other);
      this.cutLink(other, name);
    }
  }

  private cutLink(from: string, to: string): void {
    if (!this.cut.has(`${from}->${to}`)) this.changedAt.set(`${from}->${to}`, this.scheduler.now());
    this.cut.add(`${from}->${to}`);
  }

  /** Since when messages flow both ways between two members (0: always), or undefined if cut. */
  upSince(a: string, b: string): number | undefined {
    if (this.isCut(a, b) || this.isCut(b, a)) return undefined;
    return Math.max(this.changedAt.get(`${a}->${b}`) ?? 0, this.changedAt.get(`${b}->${a}`) ?? 0);
  }

  /** Drop only what `from` sends to `to`. */
  cutOneWay(from: string, to: string): void {
    this.cutLink(from, to);
  }

  heal(): void {
    const now = this.scheduler.now();
    for (const link of this.cut) this.changedAt.set(link, now);
    this.cut.clear();
  }

  isCut(from: string, to: string): boolean {
    return this.cut.size > 0 && this.cut.has(`${from}->${to}`);
  }

  /** Carry something from one member to another; `deliver` runs on arrival, unless the link drops it. */
  send(from: string, to: string, label: string, deliver: () => void, data?: unknown): void {
    this.stats.sent++;
    const f = this.faults;
    if ((this.cut.size > 0 && this.isCut(from, to)) || (f.loss > 0 && this.rng.bool(f.loss))) {
      this.stats.dropped++;
      this.onDrop?.(data);
      return;
    }
    const copies = f.duplicate > 0 && this.rng.bool(f.duplicate) ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      const delay = f.latencyMs + (f.jitterMs > 0 ? this.rng.float() * f.jitterMs : 0);
      const ev = this.scheduler.after(
        delay,
        label,
        () => {
          // A partition made while the message was in flight drops it too.
          if (this.cut.size > 0 && this.isCut(from, to)) {
            this.stats.dropped++;
            this.onDrop?.(data);
            return;
          }
          this.stats.delivered++;
          deliver();
        },
        data,
      );
      this.onSend?.(data, ev);
    }
  }
}
