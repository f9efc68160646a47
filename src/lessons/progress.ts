// A step in progress: what the cluster was like when it began, what happened and was printed
// since, and which goals are met (a goal about something that happened stays met once it is).
// The page's player, the tests and `lesson check` all keep their steps with it.
import type { TraceEvent } from '../engine/base/trace.ts';
import type { ClusterView } from '../worker/protocol.ts';
import { check, stepStart, sticky, type Verdict } from './checker.ts';
import type { Goal, StepStart } from './model.ts';

/** What a step keeps of the terminals' output (the end: enough for every transcript goal). */
const MAX_OUTPUT = 200_000;
const MAX_EVENTS = 20_000;

export class StepProgress {
  private events: TraceEvent[] = [];
  private output = '';
  private readonly outputs: Record<string, string> = {};
  private lastSeq: number;
  private readonly latched = new Set<number>();

  /** A step that begins now, on this picture of the cluster. */
  static begin(goals: readonly Goal[], view: ClusterView): StepProgress {
    return new StepProgress(goals, stepStart(view), view.trace.at(-1)?.seq ?? 0);
  }

  constructor(
    readonly goals: readonly Goal[],
    readonly start: StepStart,
    /** The last event before the step began. */
    readonly sinceSeq: number,
  ) {
    this.lastSeq = sinceSeq;
  }

  /** Take in what a terminal printed. */
  printed(text: string, terminal: string): void {
    this.output = keep(this.output + text);
    this.outputs[terminal] = keep((this.outputs[terminal] ?? '') + text);
  }

  /** Take in a new picture of the cluster (its events since the last one), and judge every goal on it. */
  judge(view: ClusterView): Verdict[] {
    for (const e of view.trace) {
      if (e.seq <= this.lastSeq) continue;
      this.events.push(e);
      this.lastSeq = e.seq;
    }
    if (this.events.length > MAX_EVENTS) this.events = this.events.slice(-MAX_EVENTS / 2);
    const ctx = { view, events: this.events, output: this.output, outputs: this.outputs, start: this.start };
    return this.goals.map((g, i) => {
      if (this.latched.has(i)) return { met: true };
      const v = check(g, ctx);
      if (v.met && sticky(g)) this.latched.add(i);
      return v;
    });
  }

  /** Goals met already that stay met (the page keeps them across reloads). */
  get latchedGoals(): number[] {
    return [...this.latched];
  }

  latch(goals: readonly number[]): void {
    for (const g of goals) this.latched.add(g);
  }
}

function keep(s: string): string {
  return s.length > MAX_OUTPUT ? s.slice(-MAX_OUTPUT / 2) : s;
}
