// Cooperative tasks on the virtual clock. A task is a generator that yields `Suspend` effects;
// the runner resumes it synchronously from the callback that completes the effect (usually a
// scheduler event). No promises, no microtasks: a run stays a pure function of its inputs and
// stepping the scheduler is all it takes to move every task forward.

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface Suspend {
  readonly suspend: (resume: (o: Outcome<unknown>) => void) => (() => void) | undefined;
}

export type Task<T> = Generator<Suspend, T, Outcome<unknown>>;

/** Suspend the task until `start`'s callback is called; `start` may return a canceller. */
export function* suspend<T>(start: (resume: (o: Outcome<T>) => void) => (() => void) | undefined): Task<T> {
  const o = (yield { suspend: start as Suspend['suspend'] }) as Outcome<T>;
  if (!o.ok) throw o.error;
  return o.value;
}

/** Thrown into a task that is interrupted (Ctrl-C, `kill %N`). */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/** Runs one task to completion, resuming it from callbacks. */
export class TaskRunner<T> {
  private cancel: (() => void) | undefined;
  private finished = false;
  private result: Outcome<T> | undefined;
  private stepping = false;
  private queued: Outcome<unknown> | undefined;

  constructor(
    private readonly gen: Task<T>,
    private readonly onDone: (o: Outcome<T>) => void,
  ) {}

  start(): this {
    this.advance({ ok: true, value: undefined });
    return this;
  }

  get done(): boolean {
    return this.finished;
  }

  get outcome(): Outcome<T> | undefined {
    return this.result;
  }

  /** Cancel what the task waits for and throw `Interrupted` into it. */
  interrupt(error: unknown = new Interrupted()): void {
    if (this.finished) return;
    const c = this.cancel;
    this.cancel = undefined;
    c?.();
    this.advance({ ok: false, error });
  }

  private advance(input: Outcome<unknown>): void {
    if (this.finished) return;
    if (this.stepping) {
      // Resumed from inside its own suspend call: finish that step first.
      this.queued = input;
      return;
    }
    this.stepping = true;
    let next: Outcome<unknown> | undefined = input;
    try {
      while (next && !this.finished) {
        const cur: Outcome<unknown> = next;
        next = undefined;
        let r: IteratorResult<Suspend, T>;
        try {
          r = cur.ok ? this.gen.next(cur) : this.gen.throw(cur.error);
        } catch (error) {
          this.finish({ ok: false, error });
          return;
        }
        if (r.done) {
          this.finish({ ok: true, value: r.value });
          return;
        }
        let settled = false;
        const resume = (o: Outcome<unknown>) => {
          if (settled || this.finished) return;
          settled = true;
          this.cancel = undefined;
          if (this.stepping) this.queued = o;
          else this.advance(o);
        };
        this.cancel = r.value.suspend(resume) ?? undefined;
        if (this.queued) {
          next = this.queued;
          this.queued = undefined;
        }
      }
    } finally {
      this.stepping = false;
    }
  }

  private finish(o: Outcome<T>): void {
    this.finished = true;
    this.result = o;
    this.onDone(o);
  }
}
