// `python -m json.tool` (and `python3`): JSON pretty-printed byte for byte as Python's json.tool
// prints it (indent 4, ensure_ascii, key order kept, integers exact), with Python's error texts.
// `python -c` understands only the tutorial's base64 one-liners.

import { fromBase64, fromUtf8, toBase64, toUtf8 } from '../../base/bytes.ts';
import type { Task } from '../../base/task.ts';
import type { ProcCtx } from '../shell/process.ts';
import { NotSimulated, PyError, runOneLiner } from './pyOneLiner.ts';

type Node =
  | { t: 'obj'; v: [string, Node][] }
  | { t: 'arr'; v: Node[] }
  | { t: 'str'; v: string }
  | { t: 'num'; raw: string }
  | { t: 'lit'; raw: 'true' | 'false' | 'null' };

class PyJsonError extends Error {}

function position(s: string, i: number): string {
  const before = s.slice(0, i);
  const line = before.split('\n').length;
  const col = i - before.lastIndexOf('\n');
  return `line ${line} column ${col} (char ${i})`;
}

function parse(s: string): Node {
  let i = 0;
  const ws = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i])) i++;
  };
  const fail = (what: string, at = i): never => {
    throw new PyJsonError(`${what}: ${position(s, at)}`);
  };
  const value = (): Node => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      const v: [string, Node][] = [];
      ws();
      if (s[i] === '}') {
        i++;
        return { t: 'obj', v };
      }
      for (;;) {
        ws();
        if (s[i] !== '"') fail('Expecting property name enclosed in double quotes');
        const k = str();
        ws();
        if (s[i] !== ':') fail("Expecting ':' delimiter");
        i++;
        v.push([k, value()]);
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === '}') {
          i++;
          return { t: 'obj', v };
        }
        fail("Expecting ',' delimiter");
      }
    }
    if (c === '[') {
      i++;
      const v: Node[] = [];
      ws();
      if (s[i] === ']') {
        i++;
        return { t: 'arr', v };
      }
      for (;;) {
        v.push(value());
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ']') {
          i++;
          return { t: 'arr', v };
        }
        fail("Expecting ',' delimiter");
      }
    }
    if (c === '"') return { t: 'str', v: str() };
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(s.slice(i));
    if (num) {
      i += num[0].length;
      return { t: 'num', raw: num[0] };
    }
    for (const raw of ['true', 'false', 'null'] as const) {
      if (s.startsWith(raw, i)) {
        i += raw.length;
        return { t: 'lit', raw };
      }
    }
    return fail('Expecting value');
  };
  const str = (): string => {
    const start = i;
    i++;
    let out = '';
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\') {
        const e = s[i + 1];
        const map: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e === 'u') {
          out += String.fromCharCode(Number.parseInt(s.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e in map) {
          out += map[e];
          i += 2;
        } else fail('Invalid \\escape', i);
      } else {
        if (s.charCodeAt(i) < 0x20) fail('Invalid control character at', i);
        out += s[i++];
      }
    }
    if (i >= s.length) fail('Unterminated string starting at', start);
    i++;
    return out;
  };
  const v = value();
  ws();
  if (i < s.length) fail('Extra data');
  return v;
}

/** Python's json.dumps string with ensure_ascii. */
function pyStr(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const esc: Record<string, string> = {
      '"': '\\"',
      '\\': '\\\\',
      '\n': '\\n',
      '\r': '\\r',
      '\t': '\\t',
      '\b': '\\b',
      '\f': '\\f',
    };
    if (esc[ch]) out += esc[ch];
    else if (c < 0x20 || c > 0x7e) {
      if (c > 0xffff) {
        const hi = Math.floor((c - 0x10000) / 0x400) + 0xd800;
        const lo = ((c - 0x10000) % 0x400) + 0xdc00;
        out += `\\u${hi.toString(16).padStart(4, '0')}\\u${lo.toString(16).padStart(4, '0')}`;
      } else out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + '"';
}

function pyNum(raw: string): string {
  if (!/[.eE]/.test(raw)) return raw;
  const n = Number(raw);
  if (Number.isInteger(n) && !/[eE]/.test(raw)) return `${n}.0`;
  let s = String(n);
  if (/e/.test(s)) s = s.replace(/e([+-])(\d)$/, 'e$10$2');
  return s;
}

function dump(n: Node, indent: string): string {
  const inner = indent + '    ';
  switch (n.t) {
    case 'obj':
      if (!n.v.length) return '{}';
      return `{\n${n.v.map(([k, v]) => `${inner}${pyStr(k)}: ${dump(v, inner)}`).join(',\n')}\n${indent}}`;
    case 'arr':
      if (!n.v.length) return '[]';
      return `[\n${n.v.map((v) => inner + dump(v, inner)).join(',\n')}\n${indent}]`;
    case 'str':
      return pyStr(n.v);
    case 'num':
      return pyNum(n.raw);
    case 'lit':
      return n.raw;
  }
}

export function jsonTool(input: string): { out: string; err?: string } {
  try {
    return { out: dump(parse(toUtf8(input)), '') + '\n' };
  } catch (e) {
    if (e instanceof PyJsonError) return { out: '', err: e.message };
    throw e;
  }
}

export function* python(ctx: ProcCtx): Task<number> {
  const args = ctx.argv.slice(1);
  if (args[0] === '-m' && args[1] === 'json.tool') {
    const r = jsonTool(ctx.stdin);
    if (r.err !== undefined) {
      ctx.stderr(`${r.err}\n`);
      return 1;
    }
    ctx.stdout(fromUtf8(r.out) === r.out ? r.out : r.out);
    return 0;
  }
  if (args[0] === '-c' && args[1] !== undefined && /json\.loads?\(/.test(args[1])) {
    // A one-liner that reads JSON from standard input.
    try {
      ctx.stdout(fromUtf8(runOneLiner(args[1], toUtf8(ctx.stdin))));
      return 0;
    } catch (e) {
      if (e instanceof PyError) {
        ctx.stderr(e.message);
        return 1;
      }
      if (!(e instanceof NotSimulated)) throw e;
    }
  }
  if (args[0] === '-c' && args[1] !== undefined) {
    // The tutorial's one-liners: print(base64.b64encode(b"...")) and b64decode.
    const enc = /base64\.b64encode\(\s*b?(['"])(.*?)\1\s*\)/.exec(args[1]);
    const dec = /base64\.b64decode\(\s*b?(['"])(.*?)\1\s*\)/.exec(args[1]);
    if (enc) {
      ctx.stdout(`b'${toBase64(fromUtf8(enc[2]))}'\n`);
      return 0;
    }
    if (dec) {
      try {
        ctx.stdout(`b'${fromBase64(dec[2])}'\n`);
        return 0;
      } catch {
        ctx.stderr('binascii.Error: Incorrect padding\n');
        return 1;
      }
    }
  }
  ctx.stderr(
    'python: only `python -m json.tool`, one-liners that print fields of json.load(sys.stdin), and the base64.b64encode / b64decode one-liners of the tutorials are simulated by the playground\n',
  );
  return 1;
}

export function* base64(ctx: ProcCtx): Task<number> {
  const args = ctx.argv.slice(1);
  const decode = args.includes('-d') || args.includes('--decode');
  const wIdx = args.findIndex((a) => a === '-w' || a === '--wrap');
  const wrap = wIdx >= 0 ? Number(args[wIdx + 1]) : 76;
  const files = args.filter((a, i) => !a.startsWith('-') && !(wIdx >= 0 && i === wIdx + 1));
  let input = ctx.stdin;
  if (files.length) {
    const d = ctx.world.fs.read(ctx.cwd, files[0]);
    if (d === undefined) {
      ctx.stderr(`base64: ${files[0]}: No such file or directory\n`);
      return 1;
    }
    input = d;
  }
  if (decode) {
    try {
      ctx.stdout(fromBase64(input.replace(/\s+/g, '')));
      return 0;
    } catch {
      ctx.stderr('base64: invalid input\n');
      return 1;
    }
  }
  const enc = toBase64(input);
  const lines = wrap > 0 ? (enc.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? ['']) : [enc];
  ctx.stdout(lines.join('\n') + '\n');
  return 0;
}
