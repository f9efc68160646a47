// A lesson played without a page: its setup, then each step's inputs typed into a Playground as
// the player types them, and every goal judged as the page judges it. Tests and
// `etcd-playground lesson check` use it.
import { Playground } from '../engine/session/playground.ts';
import type { Verdict } from '../lessons/checker.ts';
import { type Lesson, membersMeant, type SolutionInput } from '../lessons/model.ts';
import { StepProgress } from '../lessons/progress.ts';

/** How long one command may run before the next input (a watch or a keep-alive runs on). */
const COMMAND_MS = 10_000;
/** Time for what the inputs set off to show (a watch's event, a follower catching up). */
const SETTLE_MS = 1_500;

export class LessonRun {
  readonly pg: Playground;
  private progress: StepProgress | undefined;
  /** Everything printed, per terminal (for a failing test's message). */
  readonly screens = new Map<string, string>();

  constructor(readonly lesson: Lesson) {
    this.pg = new Playground(
      lesson.setup.seed ?? 1,
      {
        output: (terminal, _id, bytes) => {
          this.screens.set(terminal, (this.screens.get(terminal) ?? '') + bytes);
          this.progress?.printed(bytes, terminal);
        },
        done: () => {},
      },
      lesson.setup.members ?? 3,
    );
    this.pg.advance(2_000);
    for (const line of lesson.setup.commands ?? []) this.type({ terminal: 't1', line });
    this.pg.advance(SETTLE_MS);
  }

  private view() {
    return this.pg.view({ traceTail: 10_000 });
  }

  begin(step: number): void {
    this.progress = StepProgress.begin(this.lesson.steps[step].goals, this.view());
  }

  type(input: SolutionInput): void {
    const pg = this.pg;
    if ('terminal' in input) {
      pg.exec(input.terminal, input.line);
      for (let t = 0; t < COMMAND_MS && pg.busy(input.terminal); t += 50) pg.advance(50);
    } else if ('interrupt' in input) {
      pg.interrupt(input.interrupt);
      pg.advance(100);
    } else if ('wait' in input) pg.advance(input.wait);
    else if ('member' in input)
      for (const member of membersMeant(input.member, pg.view({ traceTail: 0 }))) pg.control(input.control, { member });
    else pg.control(input.control);
    pg.advance(100);
  }

  /** Type the inputs, let them settle, and judge the step's goals. */
  play(inputs: readonly SolutionInput[]): Verdict[] {
    for (const i of inputs) this.type(i);
    this.pg.advance(SETTLE_MS);
    return this.judge();
  }

  judge(): Verdict[] {
    if (!this.progress) throw new Error('begin a step first');
    return this.progress.judge(this.view());
  }
}
