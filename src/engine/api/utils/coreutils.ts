// The small programs the tutorials pipe into or lean on: echo, sleep, cat, true/false, clear,
// env, head, tail, wc, grep, help. Each answers bad input as GNU coreutils does.

import { fromUtf8 } from '../../base/bytes.ts';
import type { Task } from '../../base/task.ts';
import type { ProcCtx, Program } from '../shell/process.ts';
import { dd, deviceBytes } from './dd.ts';
import { seq, test } from './seqTest.ts';

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
  // A terminal receives bytes: what was typed goes out as UTF-8.
  ctx.stdout(fromUtf8(s) + (newline ? '\n' : ''));
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
    let bytes: number | undefined;
    const files: string[] = [];
    const args = ctx.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const m = /^-n(\d+)?$/.exec(a) ?? /^-(\d+)$/.exec(a);
      const c = /^-c(\d+)?$/.exec(a);
      if (c) bytes = Number(c[1] ?? args[++i]);
      else if (m) n = Number(m[1] ?? args[++i]);
      else if (a.startsWith('--lines=')) n = Number(a.slice(8));
      else files.push(a);
    }
    if (!Number.isFinite(n)) {
      ctx.stderr(`${which}: invalid number of lines\n`);
      return 1;
    }
    if (bytes !== undefined) {
      // -c N: bytes, from a file, standard input, or a device (/dev/zero, /dev/urandom).
      const dev = files.length === 1 ? deviceBytes(files[0], bytes, () => ctx.world.prng.fork('head')) : undefined;
      const { text, status } = dev !== undefined ? { text: dev, status: 0 } : inputOf(ctx, files, which);
      ctx.stdout(which === 'head' ? text.slice(0, bytes) : text.slice(Math.max(0, text.length - bytes)));
      return status;
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
  // GNU wc: one count alone is not padded; with files, the columns are as wide as their byte count.
  const width = cols.length === 1 ? 0 : files.length ? String(bytes).length : 7;
  ctx.stdout(cols.map((c) => String(c).padStart(width)).join(' ') + (files.length ? ` ${files[0]}` : '') + '\n');
  return status;
}

/**
 * A POSIX basic regular expression as a JavaScript one: in a BRE `| ( ) { } + ?` are plain
 * characters and their backslashed forms are the operators (GNU grep), the reverse of an ERE.
 */
export function basicRegExp(bre: string): string {
  let out = '';
  for (let i = 0; i < bre.length; i++) {
    const c = bre[i];
    if (c === '[') {
      // A bracket expression is copied whole (a `]` first in it is a member, not its end).
      let j = i + 1;
      if (bre[j] === '^') j++;
      if (bre[j] === ']') j++;
      while (j < bre.length && bre[j] !== ']') j++;
      out += bre.slice(i, j + 1);
      i = j;
    } else if (c === '\\' && i + 1 < bre.length) {
      const n = bre[++i];
      out += '|(){}+?'.includes(n) ? n : `\\${n}`;
    } else out += '|(){}+?'.includes(c) ? `\\${c}` : c;
  }
  return out;
}

function* grep(ctx: ProcCtx): Task<number> {
  const args = ctx.argv.slice(1);
  let invert = false;
  let ignoreCase = false;
  let count = false;
  let fixed = false;
  // egrep is grep -E.
  let extended = ctx.argv[0] === 'egrep';
  let only = false;
  let quiet = false;
  const rest: string[] = [];
  for (const a of args) {
    if (/^-[vicFEoq]+$/.test(a)) {
      invert ||= a.includes('v');
      ignoreCase ||= a.includes('i');
      count ||= a.includes('c');
      fixed ||= a.includes('F');
      extended ||= a.includes('E');
      only ||= a.includes('o');
      quiet ||= a.includes('q');
    } else rest.push(a);
  }
  if (!rest.length) {
    ctx.stderr("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  const [pattern, ...files] = rest;
  let re: RegExp;
  try {
    const source = fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : extended ? pattern : basicRegExp(pattern);
    re = new RegExp(source, ignoreCase ? 'i' : '');
  } catch {
    ctx.stderr('grep: Unmatched ( or \\(\n');
    return 2;
  }
  const { text } = inputOf(ctx, files, 'grep');
  const hits = lines(text).filter((l) => re.test(l) !== invert);
  if (quiet) return hits.length ? 0 : 1;
  if (count) ctx.stdout(`${hits.length}\n`);
  else if (only && !invert) {
    // -o: each match on a line of its own (empty matches print nothing).
    const g = new RegExp(re.source, `${re.flags}g`);
    ctx.stdout(
      hits
        .flatMap((l) =>
          [...l.matchAll(g)]
            .map((m) => m[0])
            .filter(Boolean)
            .map((m) => `${m}\n`),
        )
        .join(''),
    );
  } else if (!only) ctx.stdout(hits.map((l) => l + '\n').join(''));
  return hits.length ? 0 : 1;
}

/** cut -d DELIM -f LIST, or -c LIST. */
function* cut(ctx: ProcCtx): Task<number> {
  const args = ctx.argv.slice(1);
  let delim = '\t';
  let fields: string | undefined;
  let chars: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-d') delim = args[++i] ?? '';
    else if (a.startsWith('-d')) delim = a.slice(2);
    else if (a === '-f') fields = args[++i];
    else if (a.startsWith('-f')) fields = a.slice(2);
    else if (a === '-c') chars = args[++i];
    else if (a.startsWith('-c')) chars = a.slice(2);
    else files.push(a);
  }
  if (delim.length !== 1) {
    ctx.stderr("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
    return 1;
  }
  const spec = fields ?? chars;
  if (!spec) {
    ctx.stderr(
      "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n",
    );
    return 1;
  }
  const ranges = spec.split(',').map((r) => {
    const m = /^(\d*)(-?)(\d*)$/.exec(r);
    if (!m || (!m[1] && !m[3])) return undefined;
    const lo = m[1] ? Number(m[1]) : 1;
    const hi = m[2] ? (m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY) : lo;
    return [lo, hi] as const;
  });
  if (ranges.some((r) => !r || r[0] < 1)) {
    ctx.stderr(`cut: invalid field value '${spec}'\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  const pick = (n: number) => ranges.some((r) => n >= r![0] && n <= r![1]);
  const { text, status } = inputOf(ctx, files, 'cut');
  for (const line of lines(text)) {
    if (chars) ctx.stdout([...line].filter((_, i) => pick(i + 1)).join('') + '\n');
    else if (!line.includes(delim)) ctx.stdout(line + '\n');
    else
      ctx.stdout(
        line
          .split(delim)
          .filter((_, i) => pick(i + 1))
          .join(delim) + '\n',
      );
  }
  return status;
}

/** sort [-r] [-n] [-u]. */
function* sort(ctx: ProcCtx): Task<number> {
  const flags = ctx.argv
    .slice(1)
    .filter((a) => /^-[rnu]+$/.test(a))
    .join('');
  const files = ctx.argv.slice(1).filter((a) => !/^-[rnu]+$/.test(a));
  const { text, status } = inputOf(ctx, files, 'sort');
  let l = lines(text);
  if (flags.includes('n'))
    l.sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b) || (a < b ? -1 : a > b ? 1 : 0));
  else l.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (flags.includes('r')) l.reverse();
  if (flags.includes('u')) l = l.filter((x, i) => i === 0 || x !== l[i - 1]);
  ctx.stdout(l.map((x) => x + '\n').join(''));
  return status;
}

/** tr SET1 SET2, tr -d SET1 (ranges like a-z). */
function* tr(ctx: ProcCtx): Task<number> {
  const args = ctx.argv.slice(1);
  const expand = (s: string) =>
    s.replace(/(.)-(.)/g, (_, a: string, b: string) => {
      let out = '';
      for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) out += String.fromCharCode(c);
      return out;
    });
  if (args[0] === '-d' && args.length === 2) {
    const del = new Set(expand(args[1]));
    ctx.stdout([...ctx.stdin].filter((c) => !del.has(c)).join(''));
    return 0;
  }
  if (args.length !== 2) {
    ctx.stderr("tr: missing operand\nTry 'tr --help' for more information.\n");
    return 1;
  }
  const from = expand(args[0]);
  const to = expand(args[1]);
  ctx.stdout(
    [...ctx.stdin]
      .map((c) => {
        const i = from.indexOf(c);
        return i < 0 ? c : (to[Math.min(i, to.length - 1)] ?? c);
      })
      .join(''),
  );
  return 0;
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
      'Programs:  etcdctl (v3), sim, echo, sleep, cat, head, tail, wc, grep, egrep, cut, sort, tr, seq, test, env, clear, help',
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
  egrep: grep,
  seq,
  test,
  dd,
  '[': test,
  cut,
  sort,
  tr,
  env,
  clear,
  help,
};
