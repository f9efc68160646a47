// The shell a learner types into: variables and export, expansions, pipes, && || ;, background
// jobs with `jobs` and `kill %N`, heredocs, redirections to the virtual file system, and the
// builtins and programs of the tutorials. Errors are bash's own words.
import { Interrupted, suspend, type Task, TaskRunner } from '../../base/task.ts';
import type { World } from '../../sim/world.ts';
import { ArithError, arith } from './arith.ts';
import {
  type AndOr,
  type Command,
  type CompoundCommand,
  isCompound,
  type Pipeline,
  type Script,
  type SimpleCommand,
  type Word,
} from './ast.ts';
import { parse, ShellSyntaxError } from './parser.ts';
import type { ProcCtx, Program } from './process.ts';

export interface ShellOptions {
  /** 'buffered': a background job's output is kept and printed by `kill %N` (as the recorder shows it); 'live': it goes to the terminal as it comes. */
  jobOutput?: 'live' | 'buffered';
  env?: Record<string, string>;
  cwd?: string;
  /** Virtual ms a program takes to start (process start-up, client dial). */
  startupMs?: number;
  /** Which terminal this shell is (the UI's pictures say which terminal opened a watch). */
  terminal?: string;
}

export interface Job {
  readonly num: number;
  readonly text: string;
  readonly runner: TaskRunner<number>;
  buffer: string;
  status?: number;
  killed?: boolean;
}

export class ExitSignal extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

type Sink = (s: string) => void;

/** The status of a command Ctrl-C ended (128 + SIGINT). */
const INTERRUPTED = 130;

/** Virtual ms a round of a shell loop takes (it lets time and Ctrl-C through). */
const LOOP_ROUND_MS = 0.01;

/** An arithmetic error ends the command line, as bash abandons it. */
class ArithAbort extends Error {}

/** The shell's own commands (see `builtin`). */
const BUILTIN_NAMES = ['export', 'unset', 'cd', 'sh', 'bash', 'pwd', 'jobs', 'kill', 'exit'];

export class Shell {
  readonly terminal: string;
  readonly vars = new Map<string, { value: string; exported: boolean }>();
  readonly jobs: Job[] = [];
  readonly history: string[] = [];
  readonly programs = new Map<string, Program>();
  lastStatus = 0;
  cwd: string;
  readonly jobOutput: 'live' | 'buffered';
  private readonly startupMs: number;

  constructor(
    readonly world: World,
    opts: ShellOptions = {},
  ) {
    this.jobOutput = opts.jobOutput ?? 'live';
    this.terminal = opts.terminal ?? '';
    this.cwd = opts.cwd ?? '/home/learner';
    this.startupMs = opts.startupMs ?? 10;
    for (const [k, v] of Object.entries(opts.env ?? {})) this.vars.set(k, { value: v, exported: true });
  }

  register(name: string, p: Program): void {
    this.programs.set(name, p);
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported) env[k] = v.value;
    return env;
  }

  /** Run one command line (it may span several lines with a heredoc). Output goes to `out`. */
  *run(line: string, out: Sink, err: Sink = out): Task<number> {
    if (line.trim()) this.history.push(line);
    let script: AndOr[];
    try {
      script = parse(line);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        err(`bash: ${e.message}\n`);
        this.lastStatus = 2;
        return 2;
      }
      throw e;
    }
    try {
      return yield* this.runScript(script, out, err);
    } catch (e) {
      if (!(e instanceof ArithAbort)) throw e;
      this.lastStatus = 1;
      return 1;
    }
  }

  private *runScript(script: Script, out: Sink, err: Sink): Task<number> {
    for (const item of script) {
      if (item.background) {
        this.startJob(item, out);
        this.lastStatus = 0;
        continue;
      }
      this.lastStatus = yield* this.runAndOr(item, out, err);
    }
    return this.lastStatus;
  }

  /**
   * for / while / until / if. Each round of a loop takes a sliver of virtual time, so that a loop
   * with nothing slow in it still lets time (and Ctrl-C) through instead of freezing the page.
   */
  private *runCompound(c: CompoundCommand, out: Sink, err: Sink): Task<number> {
    let status = 0;
    const round = () => this.sleep(LOOP_ROUND_MS);
    if (c.kind === 'for') {
      const values: string[] = [];
      for (const w of c.words ?? []) values.push(...(yield* this.expandWord(w, err)));
      for (const v of values) {
        this.vars.set(c.name, { value: v, exported: this.vars.get(c.name)?.exported ?? false });
        status = yield* this.runScript(c.body, out, err);
        if (status === INTERRUPTED) return status;
        yield* round();
      }
      return status;
    }
    if (c.kind === 'while' || c.kind === 'until') {
      for (;;) {
        const cond = yield* this.runScript(c.cond, out, err);
        // Ctrl-C ends a loop with what it interrupted (bash sees its child die of SIGINT).
        if (cond === INTERRUPTED) return cond;
        if ((cond === 0) !== (c.kind === 'while')) return status;
        status = yield* this.runScript(c.body, out, err);
        if (status === INTERRUPTED) return status;
        yield* round();
      }
    }
    if (c.kind === 'group') return yield* this.runScript(c.body, out, err);
    if (c.kind === 'subshell') {
      // A subshell's variables and directory stay in it.
      const vars = new Map(this.vars);
      const cwd = this.cwd;
      try {
        return yield* this.runScript(c.body, out, err);
      } finally {
        this.vars.clear();
        for (const [k, v] of vars) this.vars.set(k, v);
        this.cwd = cwd;
      }
    }
    if (c.kind !== 'if') return status;
    for (const b of c.branches) {
      if ((yield* this.runScript(b.cond, out, err)) === 0) return yield* this.runScript(b.body, out, err);
    }
    return c.otherwise ? yield* this.runScript(c.otherwise, out, err) : 0;
  }

  private startJob(item: AndOr, out: Sink): Job {
    const live = this.jobs.filter((j) => this.inTable(j));
    const num = live.length ? Math.max(...live.map((j) => j.num)) + 1 : 1;
    const job: Job = { num, text: item.text, buffer: '', runner: undefined as unknown as TaskRunner<number> };
    const sink: Sink = this.jobOutput === 'live' ? out : (s) => (job.buffer += s);
    (job as { runner: TaskRunner<number> }).runner = new TaskRunner(this.runAndOr(item, sink, sink), (o) => {
      job.status = o.ok ? o.value : 130;
    });
    this.jobs.push(job);
    job.runner.start();
    return job;
  }

  /** The job `%N` refers to, if it is still running. */
  job(num: number): Job | undefined {
    return this.jobs.find((j) => j.num === num && this.inTable(j));
  }

  /**
   * Whether a job still holds its number. Live terminals drop a job when it ends; with buffered
   * output (the recorder's way) a job keeps its number and its output until `kill %N`.
   */
  private inTable(j: Job): boolean {
    return this.jobOutput === 'buffered' ? !j.killed : !j.runner.done;
  }

  private *runAndOr(item: AndOr, out: Sink, err: Sink): Task<number> {
    let status = yield* this.runPipeline(item.first, out, err);
    for (const { op, pipeline } of item.rest) {
      if ((op === '&&' && status === 0) || (op === '||' && status !== 0))
        status = yield* this.runPipeline(pipeline, out, err);
    }
    return status;
  }

  private *runPipeline(p: Pipeline, out: Sink, err: Sink): Task<number> {
    let input: string | undefined;
    let status = 0;
    for (let i = 0; i < p.commands.length; i++) {
      const last = i === p.commands.length - 1;
      let captured = '';
      const sink: Sink = last ? out : (s) => (captured += s);
      status = yield* this.runCommand(p.commands[i], input, sink, err, last, p.commands.length > 1);
      input = captured;
    }
    if (p.negate) status = status === 0 ? 1 : 0;
    return status;
  }

  private *runCommand(
    c: Command,
    input: string | undefined,
    out: Sink,
    err: Sink,
    stdoutIsTerminal: boolean,
    inPipeline: boolean,
  ): Task<number> {
    if (isCompound(c)) {
      // Redirections after a compound command: to /dev/null, 2>&1, or a file.
      let stdout = out;
      let stderr = err;
      const files: { path: string; data: string; append: boolean }[] = [];
      for (const r of c.redirects ?? []) {
        const target = (yield* this.expandWord(r.target, err)).join(' ');
        if (r.op === '<') continue;
        if (r.op === '>&') {
          if (r.fd === 2 && target === '1') stderr = (s) => stdout(s);
          else if (r.fd === 1 && target === '2') stdout = (s) => stderr(s);
        } else if (target === '/dev/null') {
          if (r.fd === 2) stderr = () => {};
          else stdout = () => {};
        } else {
          const f = { path: target, data: '', append: r.op === '>>' };
          files.push(f);
          if (r.fd === 2) stderr = (s) => (f.data += s);
          else stdout = (s) => (f.data += s);
        }
      }
      const status = yield* this.runCompound(c, stdout, stderr);
      for (const f of files) {
        const prev = f.append ? (this.world.fs.read(this.cwd, f.path) ?? '') : '';
        this.world.fs.write(this.cwd, f.path, prev + f.data);
      }
      return status;
    }
    const assigns: [string, string][] = [];
    for (const a of c.assigns) assigns.push([a.name, (yield* this.expandWord(a.value, err)).join(' ')]);
    const argv: string[] = [];
    for (const w of c.words) argv.push(...(yield* this.expandWord(w, err)));
    if (argv.length === 0) {
      for (const [k, v] of assigns) {
        const cur = this.vars.get(k);
        if (!inPipeline) this.vars.set(k, { value: v, exported: cur?.exported ?? false });
      }
      return 0;
    }
    let stdin = input ?? '';
    let stdinRedirected = input !== undefined;
    if (c.heredoc) {
      stdin = c.heredoc.expand ? yield* this.expandHeredoc(c.heredoc.body, err) : c.heredoc.body;
      stdinRedirected = true;
    }
    let stdout = out;
    let stderr = err;
    let fileOut: { path: string; data: string; append: boolean } | undefined;
    let isTty = stdoutIsTerminal;
    for (const r of c.redirects) {
      const target = (yield* this.expandWord(r.target, err)).join(' ');
      if (r.op === '<') {
        if (target.startsWith('\u0000herestring')) {
          stdin = target.slice('\u0000herestring'.length) + '\n';
        } else {
          const data = this.world.fs.read(this.cwd, target);
          if (data === undefined) {
            err(`bash: ${target}: No such file or directory\n`);
            return 1;
          }
          stdin = data;
        }
        stdinRedirected = true;
      } else if (r.op === '>&') {
        if (r.fd === 2 && target === '1') stderr = (s) => stdout(s);
        else if (r.fd === 1 && target === '2') stdout = (s) => stderr(s);
      } else if (target === '/dev/null') {
        if (r.fd === 2) stderr = () => {};
        else {
          stdout = () => {};
          isTty = false;
        }
      } else {
        const f = { path: target, data: '', append: r.op === '>>' };
        if (r.fd === 2) stderr = (s) => (f.data += s);
        else {
          fileOut = f;
          stdout = (s) => (f.data += s);
          isTty = false;
        }
        if (r.fd === 2) fileOut = f;
      }
    }
    const env = this.environment();
    for (const [k, v] of assigns) env[k] = v;
    const status = yield* this.exec(argv, { env, stdin, stdinRedirected, stdout, stderr, isTty });
    if (fileOut) {
      const prev = fileOut.append ? (this.world.fs.read(this.cwd, fileOut.path) ?? '') : '';
      this.world.fs.write(this.cwd, fileOut.path, prev + fileOut.data);
    }
    return status;
  }

  private *exec(
    argv: string[],
    io: {
      env: Record<string, string>;
      stdin: string;
      stdinRedirected: boolean;
      stdout: Sink;
      stderr: Sink;
      isTty: boolean;
    },
  ): Task<number> {
    const name = argv[0];
    const builtin = this.builtin(name);
    const program = builtin ?? this.programs.get(name);
    if (!program) {
      io.stderr(`bash: ${name}: command not found\n`);
      return 127;
    }
    const ctx: ProcCtx = {
      argv,
      env: io.env,
      stdin: io.stdin,
      stdinRedirected: io.stdinRedirected,
      stdoutIsTty: io.isTty,
      cwd: this.cwd,
      world: this.world,
      terminal: this.terminal,
      stdout: io.stdout,
      stderr: io.stderr,
      sleep: (ms) => this.sleep(ms),
      run: (child, env) =>
        this.exec(child, {
          env,
          stdin: '',
          stdinRedirected: false,
          stdout: io.stdout,
          stderr: io.stderr,
          isTty: io.isTty,
        }),
    };
    // While virtual time is paused nothing that waits for it can start, but `sim` (which steps
    // and resumes time) must: it starts at once, so `sim step` typed while paused takes a step.
    const pausedSim =
      name === 'sim' && (this.world as World & { timeControl?: { paused: boolean } }).timeControl?.paused;
    if (!builtin && this.startupMs > 0 && !pausedSim) yield* this.sleep(this.startupMs);
    try {
      return yield* program(ctx);
    } catch (e) {
      if (e instanceof Interrupted) return 130;
      if (e instanceof ExitSignal) throw e;
      // A program must never take the shell down: report like a crashed process.
      io.stderr(`${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }

  sleep(ms: number): Task<void> {
    const s = this.world.scheduler;
    return suspend<void>((resume) => {
      const ev = s.after(ms, 'shell: sleep', () => resume({ ok: true, value: undefined }));
      return () => s.cancel(ev);
    });
  }

  /** Expand one word into fields: parameters, command substitution, then splitting of unquoted results. */
  *expandWord(w: Word, err: Sink): Task<string[]> {
    const fields: string[] = [];
    let cur = '';
    let has = false;
    for (const part of w) {
      let text: string;
      if (part.kind === 'lit') {
        cur += part.text;
        has = true;
        continue;
      }
      if (part.kind === 'var') text = this.param(part.name);
      else if (part.kind === 'arith') {
        try {
          text = String(arith(part.source, (n) => this.param(n)));
        } catch (e) {
          if (!(e instanceof ArithError)) throw e;
          err(`bash: ${e.message}\n`);
          throw new ArithAbort();
        }
      } else {
        let captured = '';
        yield* this.runSub(part.source, (s) => (captured += s), err);
        text = captured.replace(/\n+$/, '');
      }
      if (part.quoted) {
        cur += text;
        has = true;
        continue;
      }
      const pieces = text.split(/[ \t\n]+/);
      for (let i = 0; i < pieces.length; i++) {
        if (i > 0) {
          if (has || cur) fields.push(cur);
          cur = '';
          has = false;
        }
        if (pieces[i]) {
          cur += pieces[i];
          has = true;
        }
      }
    }
    if (has || cur) fields.push(cur);
    return fields;
  }

  private *runSub(source: string, out: Sink, err: Sink): Task<void> {
    let script: AndOr[];
    try {
      script = parse(source);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        err(`bash: command substitution: ${e.message}\n`);
        return;
      }
      throw e;
    }
    for (const item of script) this.lastStatus = yield* this.runAndOr(item, out, err);
  }

  private *expandHeredoc(body: string, err: Sink): Task<string> {
    let out = '';
    let i = 0;
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && '$`\\'.includes(body[i + 1] ?? '')) {
        out += body[i + 1];
        i += 2;
      } else if (c === '$' && /[A-Za-z_{?]/.test(body[i + 1] ?? '')) {
        const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*|\?)\}|([A-Za-z_][A-Za-z0-9_]*|\?))/.exec(body.slice(i));
        if (!m) {
          out += c;
          i++;
          continue;
        }
        out += this.param(m[1] ?? m[2]);
        i += m[0].length;
      } else if (c === '$' && body[i + 1] === '(') {
        let depth = 0;
        let j = i + 1;
        for (; j < body.length; j++) {
          if (body[j] === '(') depth++;
          else if (body[j] === ')' && --depth === 0) break;
        }
        let captured = '';
        yield* this.runSub(body.slice(i + 2, j), (s) => (captured += s), err);
        out += captured.replace(/\n+$/, '');
        i = j + 1;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  }

  private param(name: string): string {
    if (name === '?') return String(this.lastStatus);
    if (name === '$') return '4242';
    if (name === '#') return '0';
    if (name === '0') return 'bash';
    return this.vars.get(name)?.value ?? '';
  }

  /** Every command name this shell runs: its builtins and the programs installed (for Tab completion). */
  commandNames(): string[] {
    return [...new Set([...BUILTIN_NAMES, ...this.programs.keys()])].sort();
  }

  /** Variable names, exported or not (for completing `$NA`). */
  variableNames(): string[] {
    return [...this.vars.keys()].sort();
  }

  private builtin(name: string): Program | undefined {
    const self = this;
    switch (name) {
      case 'export':
        return (ctx) => this.exportBuiltin(ctx);
      case 'unset':
        return function* (ctx) {
          for (const n of ctx.argv.slice(1)) self.vars.delete(n);
          return 0;
        };
      case 'cd':
        return function* (ctx) {
          const to = ctx.argv[1] ?? '/home/learner';
          self.cwd = to.startsWith('/') ? to : `${self.cwd.replace(/\/$/, '')}/${to}`;
          return 0;
        };
      case 'sh':
      case 'bash':
        // `sh -c SCRIPT`: a child shell that sees only the exported environment it was given.
        return function* (ctx) {
          if (ctx.argv[1] !== '-c' || ctx.argv[2] === undefined) {
            ctx.stderr(`${name}: only \`${name} -c 'command'\` is simulated in the playground\n`);
            return 2;
          }
          const child = new Shell(self.world, { env: ctx.env, cwd: self.cwd, jobOutput: self.jobOutput, startupMs: 0 });
          for (const [k, p] of self.programs) child.register(k, p);
          return yield* child.run(ctx.argv[2], ctx.stdout, ctx.stderr);
        };
      case 'pwd':
        return function* (ctx) {
          ctx.stdout(self.cwd + '\n');
          return 0;
        };
      case 'jobs':
        return function* (ctx) {
          const live = self.jobs.filter((j) => self.inTable(j));
          live.forEach((j, k) => {
            const mark = k === live.length - 1 ? '+' : k === live.length - 2 ? '-' : ' ';
            const state = j.runner.done ? 'Done'.padEnd(24) + j.text : 'Running'.padEnd(24) + j.text + ' &';
            ctx.stdout(`[${j.num}]${mark}  ${state}\n`);
          });
          return 0;
        };
      case 'kill':
        return (ctx) => this.killBuiltin(ctx);
      case 'history':
        return function* (ctx) {
          ctx.stdout(self.history.map((h, i) => `${String(i + 1).padStart(5)}  ${h}\n`).join(''));
          return 0;
        };
      case 'exit':
        return function* (ctx) {
          throw new ExitSignal(Number(ctx.argv[1] ?? self.lastStatus) || 0);
        };
      default:
        return undefined;
    }
  }

  private *exportBuiltin(ctx: ProcCtx): Task<number> {
    let status = 0;
    for (const a of ctx.argv.slice(1)) {
      if (a === '-p' || a === '-n') continue;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=([\s\S]*))?$/.exec(a);
      if (!m) {
        ctx.stderr(`bash: export: \`${a}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      const cur = this.vars.get(m[1]);
      this.vars.set(m[1], { value: m[2] ?? cur?.value ?? '', exported: true });
    }
    if (ctx.argv.length === 1) {
      for (const [k, v] of [...this.vars].sort()) if (v.exported) ctx.stdout(`declare -x ${k}="${v.value}"\n`);
    }
    return status;
  }

  private *killBuiltin(ctx: ProcCtx): Task<number> {
    const args = ctx.argv.slice(1).filter((a) => !/^-(INT|TERM|KILL|[0-9]+|s)$/.test(a));
    if (!args.length) {
      ctx.stderr('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
      return 2;
    }
    let status = 0;
    for (const a of args) {
      const m = /^%(\d+)$/.exec(a);
      const job = m ? this.job(Number(m[1])) : undefined;
      if (!job) {
        ctx.stderr(`bash: kill: ${a}: ${m ? 'no such job' : 'arguments must be process or job IDs'}\n`);
        status = 1;
        continue;
      }
      job.runner.interrupt();
      job.killed = true;
      if (this.jobOutput === 'buffered') {
        // The recorder shows a job's output when it is killed: wait for it to finish exiting.
        const s = this.world.scheduler;
        yield* suspend<void>((resume) => {
          const poll = () =>
            job.runner.done ? resume({ ok: true, value: undefined }) : s.after(1, 'shell: wait job', poll);
          poll();
          return undefined;
        });
        ctx.stdout(job.buffer);
        job.buffer = '';
      }
    }
    return status;
  }
}
