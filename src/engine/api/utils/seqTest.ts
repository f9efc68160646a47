// `seq` (coreutils) and bash's `test` / `[`: what loops over keys and checks in the etcd docs use.
// Errors are the tools' own words (bash's builtins as an interactive bash prints them).
import type { Task } from '../../base/task.ts';
import type { ProcCtx } from '../shell/process.ts';

/** seq [-w] [FIRST [INCREMENT]] LAST, integers (and decimals as numbers). */
export function* seq(ctx: ProcCtx): Task<number> {
  let args = ctx.argv.slice(1);
  let equalWidth = false;
  if (args[0] === '-w') {
    equalWidth = true;
    args = args.slice(1);
  }
  const usage = (msg: string) => {
    ctx.stderr(`seq: ${msg}\nTry 'seq --help' for more information.\n`);
    return 1;
  };
  if (!args.length) return usage('missing operand');
  if (args.length > 3) return usage(`extra operand ‘${args[3]}’`);
  const nums: number[] = [];
  for (const a of args) {
    const n = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(a) ? Number(a) : Number.NaN;
    if (Number.isNaN(n)) return usage(`invalid floating point argument: ‘${a}’`);
    nums.push(n);
  }
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  if (step === 0) return usage(`invalid Zero increment value: ‘${args[1]}’`);
  const out: string[] = [];
  const width = equalWidth ? Math.max(String(Math.trunc(first)).length, String(Math.trunc(last)).length) : 0;
  // At most a million lines: a terminal has no use for more, and a typo must not hang the page.
  for (let x = first, i = 0; (step > 0 ? x <= last : x >= last) && i < 1_000_000; x = first + ++i * step)
    out.push(width ? String(x).padStart(width, '0') : String(x));
  if (out.length) ctx.stdout(`${out.join('\n')}\n`);
  return 0;
}

const UNARY_FILE = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x']);
const BINARY_INT = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

/** bash's `test EXPR` and `[ EXPR ]`: 0 true, 1 false, 2 an error. */
export function* test(ctx: ProcCtx): Task<number> {
  const name = ctx.argv[0];
  let args = ctx.argv.slice(1);
  const fail = (msg: string) => {
    ctx.stderr(`bash: ${name}: ${msg}\n`);
    return 2;
  };
  if (name === '[') {
    if (args[args.length - 1] !== ']') return fail("missing `]'");
    args = args.slice(0, -1);
  }
  const int = (s: string): number | undefined => (/^\s*[+-]?\d+\s*$/.test(s) ? Number(s) : undefined);
  const evaluate = (a: string[]): boolean | string => {
    if (a.length === 0) return false;
    if (a[0] === '!' && a.length > 1) {
      const r = evaluate(a.slice(1));
      return typeof r === 'string' ? r : !r;
    }
    if (a.length === 1) return a[0] !== '';
    if (a.length === 2) {
      const [op, x] = a;
      if (op === '-z') return x === '';
      if (op === '-n') return x !== '';
      if (UNARY_FILE.has(op)) {
        const fs = ctx.world.fs;
        if (!fs.exists(ctx.cwd, x)) return false;
        return op === '-s' ? (fs.read(ctx.cwd, x) ?? '') !== '' : op !== '-d';
      }
      return `${op}: unary operator expected`;
    }
    if (a.length === 3) {
      const [x, op, y] = a;
      if (op === '=' || op === '==') return x === y;
      if (op === '!=') return x !== y;
      if (op === '<') return x < y;
      if (op === '>') return x > y;
      if (BINARY_INT.has(op)) {
        const i = int(x);
        const j = int(y);
        if (i === undefined) return `${x}: integer expression expected`;
        if (j === undefined) return `${y}: integer expression expected`;
        return { '-eq': i === j, '-ne': i !== j, '-lt': i < j, '-le': i <= j, '-gt': i > j, '-ge': i >= j }[op]!;
      }
      return `${op}: binary operator expected`;
    }
    return 'too many arguments';
  };
  const r = evaluate(args);
  if (typeof r === 'string') return fail(r);
  return r ? 0 : 1;
}
