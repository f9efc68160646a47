// The engine's façade: one simulated world, shells to type into, and stepping of virtual time.
// The web worker, the command-line runner, the lessons and the tests all go through here.

import { etcdctl } from './api/etcdctl/main.ts';
import { Shell, type ShellOptions } from './api/shell/shell.ts';
import { COREUTILS } from './api/utils/coreutils.ts';
import { curl } from './api/utils/curl.ts';
import { jq } from './api/utils/jq.ts';
import { base64, python } from './api/utils/pyjson.ts';
import { sim } from './api/utils/sim.ts';
import { type Task, TaskRunner } from './base/task.ts';
import { World, type WorldOptions } from './sim/world.ts';
import { type ClusterView, clusterView } from './view.ts';

export { Shell } from './api/shell/shell.ts';
export { DEFAULT_TOPOLOGY } from './sim/topology.ts';
export { World } from './sim/world.ts';
export type { ClusterView, MemberView, MessageView } from './view.ts';

/** The environment the conformance recorder gives every case (README: "The shell the commands run in"). */
export const RECORDER_ENV: Record<string, string> = {
  ETCDCTL_API: '3',
  ENDPOINTS: '127.0.0.1:2379,127.0.0.1:22379,127.0.0.1:32379',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  TZ: 'UTC',
  HOME: '/home/learner',
  PATH: '/usr/local/bin:/usr/bin:/bin',
};

export class Simulation {
  readonly world: World;

  constructor(opts: WorldOptions = {}) {
    this.world = new World(opts);
  }

  static create(opts: WorldOptions = {}): Simulation {
    return new Simulation(opts);
  }

  /** A new terminal's shell, with every simulated program installed. */
  shell(opts: ShellOptions = {}): Shell {
    const sh = new Shell(this.world, { env: RECORDER_ENV, ...opts });
    sh.register('etcdctl', etcdctl);
    for (const [name, p] of Object.entries(COREUTILS)) sh.register(name, p);
    sh.register('sim', sim);
    sh.register('curl', curl);
    sh.register('python', python);
    sh.register('python3', python);
    sh.register('base64', base64);
    sh.register('jq', jq);
    return sh;
  }

  /** Start a task on the virtual clock; it advances as the world runs. */
  start<T>(task: Task<T>): TaskRunner<T> {
    return new TaskRunner(task, () => {}).start();
  }

  /**
   * Run one command line to its end in virtual time (at most `limitMs` of it; then it is
   * interrupted, as Ctrl-C would). Returns its output and exit status.
   */
  execSync(sh: Shell, line: string, limitMs = 60_000): { output: string; exitCode: number; errors: string } {
    let output = '';
    let errors = '';
    const runner = this.start(
      sh.run(
        line,
        (s) => (output += s),
        (s) => {
          output += s;
          errors += s;
        },
      ),
    );
    const deadline = this.world.scheduler.now() + limitMs;
    this.world.runUntil(() => runner.done, deadline);
    if (!runner.done) {
      runner.interrupt();
      this.world.runUntil(() => runner.done, this.world.scheduler.now() + 10_000);
    }
    const o = runner.outcome;
    const exitCode = o?.ok ? o.value : 130;
    sh.lastStatus = exitCode;
    return { output, exitCode, errors };
  }

  /** Let virtual time pass. */
  advance(ms: number): void {
    this.world.scheduler.advance(ms);
  }

  // ---- controls: what the UI's buttons and the lessons do (the same as the `sim` command) ----

  /** Run exactly one event of the simulation. */
  step(): boolean {
    return this.world.scheduler.step();
  }

  /** Run until `what` happens (a leader is elected, a member applies an index...) or `limitMs` pass. */
  runUntil(what: (view: World) => boolean, limitMs = 60_000): boolean {
    return this.world.runUntil(() => what(this.world), this.world.scheduler.now() + limitMs);
  }

  /** Stop a member gracefully (a leader hands over first). */
  stopMember(name: string, done?: () => void): void {
    this.world.stop(name, done);
  }

  /** Crash a member. */
  killMember(name: string): void {
    this.world.kill(name);
  }

  /** Start a stopped member, or one added with `member add`. */
  startMember(name: string): 'started' | 'unknown' | 'removed' {
    return this.world.start(name);
  }

  partition(groups: string[][]): void {
    this.world.partition(groups);
  }

  isolate(name: string): void {
    this.world.isolate(name);
  }

  heal(): void {
    this.world.heal();
  }

  setLatency(ms: number): void {
    this.world.setLatency(ms);
  }

  setLoss(fraction: number): void {
    this.world.setLoss(fraction);
  }

  /** Ask the leader to hand leadership to `name` (etcd's move-leader). */
  transferLeadership(name: string, done: (ok: boolean) => void = () => {}): void {
    const lead = this.world.leader();
    const target = this.world.member(name);
    if (!lead || !target) return done(false);
    lead.moveLeader(target.id, (o) => done(o.ok));
  }

  /** A plain-data picture of the cluster: members, roles, terms, votes, logs, messages in flight. */
  view(opts?: { logTail?: number; traceTail?: number }): ClusterView {
    return clusterView(this.world, opts);
  }
}
