// What a program run by the shell gets: its arguments, environment, input and output, and the
// simulated world it acts on.
import type { Task } from '../../base/task.ts';
import type { World } from '../../sim/world.ts';

export interface ProcCtx {
  /** argv[0] is the program name. */
  readonly argv: string[];
  readonly env: Readonly<Record<string, string>>;
  readonly stdin: string;
  /** True when stdin is a pipe or a file, not the (empty) terminal. */
  readonly stdinRedirected: boolean;
  /** True when stdout is the terminal (not a pipe or a file). */
  readonly stdoutIsTty: boolean;
  readonly cwd: string;
  readonly world: World;
  /** The terminal the shell runs in ('' outside the UI). */
  readonly terminal: string;
  stdout(s: string): void;
  stderr(s: string): void;
  sleep(ms: number): Task<void>;
  /** Run another program with this one's output, as a child process (etcdctl exec-watch does). */
  run(argv: string[], env: Record<string, string>): Task<number>;
}

export type Program = (ctx: ProcCtx) => Task<number>;
