// dd, as the tutorials use it to make a large value or a file of a given size: if= (a file,
// /dev/zero, /dev/urandom, standard input), of= (a file, standard output), bs=, count=, skip=,
// status=none. Bytes are one character each; /dev/urandom draws from the world's seeded PRNG.
import type { Prng } from '../../base/prng.ts';
import type { Task } from '../../base/task.ts';
import type { ProcCtx } from '../shell/process.ts';

const UNITS: Record<string, number> = { '': 1, c: 1, w: 2, b: 512, k: 1024, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** The most dd writes here (a browser tab holds it in memory). */
const MAX_BYTES = 64 * 1024 ** 2;

function size(s: string): number | undefined {
  const m = /^(\d+)(c|w|b|k|K|M|G|kB|MB|GB)?$/.exec(s);
  if (!m) return undefined;
  const unit = m[2] ?? '';
  const mult = unit.endsWith('B') ? 1000 ** ' kMG'.indexOf(unit[0]) : UNITS[unit];
  return Number(m[1]) * mult;
}

/** Bytes of a special device, or undefined for an ordinary path. */
export function deviceBytes(path: string, n: number, prng: () => Prng): string | undefined {
  if (path === '/dev/zero') return '\0'.repeat(n);
  if (path === '/dev/urandom' || path === '/dev/random') {
    const r = prng();
    let out = '';
    for (let i = 0; i < n; i++) out += String.fromCharCode(r.int(0, 255));
    return out;
  }
  return undefined;
}

/** Draws from /dev/urandom so far, per world: each read gets its own stream, the same in every run. */
const draws = new WeakMap<object, number>();

export function* dd(ctx: ProcCtx): Task<number> {
  const ops = new Map<string, string>();
  for (const a of ctx.argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq < 0) {
      ctx.stderr(`dd: unrecognized operand ‘${a}’\nTry 'dd --help' for more information.\n`);
      return 1;
    }
    ops.set(a.slice(0, eq), a.slice(eq + 1));
  }
  for (const k of ops.keys())
    if (!['if', 'of', 'bs', 'count', 'skip', 'status', 'ibs', 'obs', 'conv', 'iflag', 'oflag'].includes(k)) {
      ctx.stderr(`dd: unrecognized operand ‘${k}=${ops.get(k)}’\nTry 'dd --help' for more information.\n`);
      return 1;
    }
  const bs = size(ops.get('bs') ?? ops.get('ibs') ?? '512');
  const count = ops.has('count') ? size(ops.get('count')!) : undefined;
  const skip = size(ops.get('skip') ?? '0');
  if (bs === undefined || bs === 0 || skip === undefined || (ops.has('count') && count === undefined)) {
    ctx.stderr(`dd: invalid number: ‘${ops.get('bs') ?? ops.get('count') ?? ops.get('skip')}’\n`);
    return 1;
  }
  const input = ops.get('if');
  const want = count === undefined ? undefined : Math.min(MAX_BYTES, bs * count);
  let data: string;
  if (input === undefined) data = ctx.stdin;
  else {
    const dev = deviceBytes(input, Math.min(MAX_BYTES, want ?? MAX_BYTES), () => {
      const n = (draws.get(ctx.world) ?? 0) + 1;
      draws.set(ctx.world, n);
      return ctx.world.prng.fork(`dd:${n}`);
    });
    if (dev !== undefined) data = dev;
    else {
      const file = ctx.world.fs.read(ctx.cwd, input);
      if (file === undefined) {
        ctx.stderr(`dd: failed to open '${input}': No such file or directory\n`);
        return 1;
      }
      data = file;
    }
  }
  data = data.slice(skip * bs);
  if (want !== undefined) data = data.slice(0, want);
  const out = ops.get('of');
  if (out === undefined) ctx.stdout(data);
  else ctx.world.fs.write(ctx.cwd, out, data);
  if (ops.get('status') !== 'none') {
    const full = Math.floor(data.length / bs);
    const part = data.length % bs ? 1 : 0;
    const records = `${full}+${part} records`;
    ctx.stderr(`${records} in\n${records} out\n${copied(data.length)}\n`);
  }
  return 0;
}

/** GNU dd's last line; the copy takes no virtual time, so it reports a tenth of a millisecond. */
function copied(n: number): string {
  // Rounded to the nearest: sizes with one decimal below 10 (2.0 kB, 15 kB), speeds below 100 (17.8 MB/s).
  const human = (x: number, base: number, units: string[], decimalsBelow = 10) => {
    let i = 0;
    while (x >= base && i < units.length - 1) {
      x /= base;
      i++;
    }
    return `${x < decimalsBelow ? x.toFixed(1) : Math.round(x)} ${units[i]}`;
  };
  const secs = 0.0001;
  const what =
    n >= 1000
      ? `${n} bytes (${human(n, 1000, ['B', 'kB', 'MB', 'GB'])}, ${human(n, 1024, ['B', 'KiB', 'MiB', 'GiB'])})`
      : `${n} bytes`;
  return `${what} copied, ${secs} s, ${human(n / secs, 1000, ['B/s', 'kB/s', 'MB/s', 'GB/s'], 100)}`;
}
