// The small programs the tutorials pipe into or lean on: echo, sleep, cat, true/false, clear,
// env, head, tail, wc, grep, help. Each answers bad input as GNU coreutils does.
import type { Task } from '../../base/task.ts';
import type { ProcCtx, Program } from '../shell/process.ts';

function* echo(ctx: ProcCtx): Task<number> {
  let args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    for (const f of args[0].slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
    args = args.slice(1);
  }
  let s = args.join(' ');
  if (escapes) {
    const cut = s.indexOf('\\c');
    if (cut >= 0) {
      s = s.slice(0, cut);
      newline = false;
    }
    s = s.replace(/\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|[abefnrtv\\])/g, (_, e: string) => {
      const map: Record<string, string> = {
        a: '\x07',
        b: '\b',
        e: '\x1b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
        v: '\v',
        '\\': '\\',
      };
      if (e[0] === '0') return String.fromCharCode(Number.parseInt(e.slice(1) || '0', 8));
      if (e[0] === 'x') return String.fromCharCode(Number.parseInt(e.slice(1), 16));
      return map[e];
    });
  }
  ctx.stdout(s + (newline ? '\n' : ''));
  return 0;
}

function* sleep(ctx: ProcCtx): Task<number> {
  const args = ctx.argv.slice(1);
  if (!args.length) {
    ctx.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) {
      ctx.stderr(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  }
  yield* ctx.sleep(total * 1000);
  return 0;
}

function* cat(ctx: ProcCtx): Task<number> {
  const files = ctx.argv.slice(1);
  if (!files.length || (files.length === 1 && files[0] === '-')) {
    ctx.stdout(ctx.stdin);
    return 0;
  }
  let status = 0;
  for (const f of files) {
    if (f === '-') {
      ctx.stdout(ctx.stdin);
      continue;
    }
    const data = ctx.world.fs.read(ctx.cwd, f);
    if (data === undefined) {
      ctx.stderr(`cat: ${f}: No such file or directory\n`);
      status = 1;
    } else ctx.stdout(data);
  }
  return status;
}

function lines(s: string): string[] {
  const l = s.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

function inputOf(ctx: ProcCtx, files: string[], prog: string): { text: string; status: number } {
  if (!files.length) return { text: ctx.stdin, status: 0 };
  let text = '';
  let status = 0;
  for (const f of files) {
    const d = ctx.world.fs.read(ctx.cwd, f);
    if (d === undefined) {
      ctx.stderr(`${prog}: ${f}: No such file or directory\n`);
      status = 1;
    } else text += d;
  }
  return { text, status };
}

function headTail(which: 'head' | 'tail') {
  return function* (ctx: ProcCtx): Task<number> {
    let n = 10;
    const files: string[] = [];
    const args = ctx.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const m = /^-n(\d+)?$/.exec(a) ?? /^-(\d+)$/.exec(a);
      if (m) n = Number(m[1] ?? args[++i]);
      else if (a.startsWith('--lines=')) n = Number(a.slice(8));
      else files.push(a);
    }
    if (!Number.isFinite(n)) {
      ctx.stderr(`${which}: invalid number of lines\n`);
      return 1;
    }
    const { text, status } = inputOf(ctx, files, which);
    const l = lines(text);
    const pick = which === 'head' ? l.slice(0, n) : l.slice(Math.max(0, l.length - n));
    ctx.stdout(pick.map((x) => x + '\n').join(''));
    return status;
  };
}

function* wc(ctx: ProcCtx): Task<number> {
  const flags = ctx.argv.slice(1).filter((a) => a.startsWith('-'));
  const files = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const { text, status } = inputOf(ctx, files, 'wc');
  const nl = (text.match(/\n/g) ?? []).length;
  const words = text.split(/\s+/).filter(Boolean).length;
  const bytes = text.length;
  const want = flags.join('');
  const cols: number[] = [];
  if (!want || want.includes('l')) cols.push(nl);
  if (!want || want.includes('w')) cols.push(words);
  if (!want || want.includes('c') || want.includes('m')) cols.push(bytes);
  const width = cols.length === 1 && !files.length ? 0 : 7;
  ctx.stdout(cols.map((c) => String(c).padStart(width)).join(' ') + (files.length ? ` ${files[0]}` : '') + '\n');
  return status;
}

function* grep(ctx: ProcCtx): Task<number> {
  const args = ctx.argv.slice(1);
  let invert = false;
  let ignoreCase = false;
  let count = false;
  let fixed = false;
  const rest: string[] = [];
  for (const a of args) {
    if (/^-[vicFE]+$/.test(a)) {
      invert ||= a.includes('v');
      ignoreCase ||= a.includes('i');
      count ||= a.includes('c');
      fixed ||= a.includes('F');
    } else rest.push(a);
  }
  if (!rest.length) {
    ctx.stderr("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  const [pattern, ...files] = rest;
  let re: RegExp;
  try {
    re = new RegExp(fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern, ignoreCase ? 'i' : '');
  } catch {
    ctx.stderr('grep: Unmatched ( or \\(\n');
    return 2;
  }
  const { text } = inputOf(ctx, files, 'grep');
  const hits = lines(text).filter((l) => re.test(l) !== invert);
  if (count) ctx.stdout(`${hits.length}\n`);
  else ctx.stdout(hits.map((l) => l + '\n').join(''));
  return hits.length ? 0 : 1;
}

function* env(ctx: ProcCtx): Task<number> {
  for (const [k, v] of Object.entries(ctx.env).sort()) ctx.stdout(`${k}=${v}\n`);
  return 0;
}

function* clear(ctx: ProcCtx): Task<number> {
  ctx.stdout('\x1b[H\x1b[2J\x1b[3J');
  return 0;
}

function* help(ctx: ProcCtx): Task<number> {
  ctx.stdout(
    [
      'etcd Playground shell: a bash-like shell in front of a simulated etcd 3.4 cluster.',
      '',
      'Programs:  etcdctl (v3), echo, sleep, cat, head, tail, wc, grep, env, clear, help',
      'Builtins:  export, unset, cd, pwd, jobs, kill %N, history, exit',
      'Syntax:    "quotes", \'quotes\', $VAR, ${VAR}, $?, $(...), a | b, a && b, a || b, a; b,',
      '           cmd & (background job), cmd <<EOF ... EOF (heredoc), > file, >> file, 2>&1',
      '',
      'Try:       etcdctl put foo bar',
      '           etcdctl get foo -w json',
      '           etcdctl watch foo &',
      '',
    ].join('\n'),
  );
  return 0;
}

export const COREUTILS: Record<string, Program> = {
  echo,
  sleep,
  cat,
  true: function* () {
    return 0;
  },
  false: function* () {
    return 1;
  },
  head: headTail('head'),
  tail: headTail('tail'),
  wc,
  grep,
  env,
  clear,
  help,
};
