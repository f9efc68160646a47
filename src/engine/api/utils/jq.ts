// `jq`, the filters the etcd tutorials reach for: `.`, `.a.b`, `.["a"]`, `.[0]`, `.[]`,
// `.kvs[].key`, pipes `|`, `length`, `keys`, `@base64d`, `@base64`, `tostring`; options -r, -c,
// -M. Output as jq 1.6 prints it without colors (2-space indent).
import { fromBase64, fromUtf8, toBase64, toUtf8 } from '../../base/bytes.ts';
import type { Task } from '../../base/task.ts';
import type { ProcCtx } from '../shell/process.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Step =
  | { kind: 'field'; name: string }
  | { kind: 'index'; n: number }
  | { kind: 'iter' }
  | { kind: 'fn'; name: string };

class JqError extends Error {}

function typeName(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

function describe(v: Json): string {
  const s = JSON.stringify(v);
  return `${typeName(v)} (${s.length > 11 ? `${s.slice(0, 10)}...` : s})`;
}

/** Parse a filter into pipeline stages, each a chain of steps. */
function parseFilter(f: string): Step[][] {
  return f.split('|').map((stage) => {
    const s = stage.trim();
    const steps: Step[] = [];
    if (['length', 'keys', '@base64d', '@base64', 'tostring'].includes(s)) return [{ kind: 'fn', name: s }];
    if (!s.startsWith('.'))
      throw new JqError(`jq: error: ${s || '(empty)'} is not a filter the playground simulates\njq: 1 compile error`);
    let i = 1;
    while (i < s.length) {
      const rest = s.slice(i);
      let m: RegExpExecArray | null;
      if ((m = /^\.?([A-Za-z_][A-Za-z0-9_]*)/.exec(rest)) && (i === 1 || rest.startsWith('.'))) {
        steps.push({ kind: 'field', name: m[1] });
        i += m[0].length;
      } else if ((m = /^\.?\[\s*"((?:[^"\\]|\\.)*)"\s*\]/.exec(rest))) {
        steps.push({ kind: 'field', name: JSON.parse(`"${m[1]}"`) });
        i += m[0].length;
      } else if ((m = /^\.?\[\s*(-?\d+)\s*\]/.exec(rest))) {
        steps.push({ kind: 'index', n: Number(m[1]) });
        i += m[0].length;
      } else if ((m = /^\.?\[\s*\]/.exec(rest))) {
        steps.push({ kind: 'iter' });
        i += m[0].length;
      } else
        throw new JqError(
          `jq: error: syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?) at <top-level>, line 1:\n${f}\njq: 1 compile error`,
        );
    }
    return steps;
  });
}

function apply(values: Json[], step: Step): Json[] {
  const out: Json[] = [];
  for (const v of values) {
    switch (step.kind) {
      case 'field':
        if (v === null) out.push(null);
        else if (typeof v === 'object' && !Array.isArray(v)) out.push(v[step.name] ?? null);
        else throw new JqError(`Cannot index ${typeName(v)} with string "${step.name}"`);
        break;
      case 'index':
        if (v === null) out.push(null);
        else if (Array.isArray(v)) out.push(v[step.n < 0 ? v.length + step.n : step.n] ?? null);
        else throw new JqError(`Cannot index ${typeName(v)} with number`);
        break;
      case 'iter':
        if (Array.isArray(v)) out.push(...v);
        else if (v !== null && typeof v === 'object') out.push(...Object.values(v));
        else throw new JqError(`Cannot iterate over ${describe(v)}`);
        break;
      case 'fn':
        if (step.name === 'length') {
          if (v === null) out.push(0);
          else if (typeof v === 'string') out.push([...v].length);
          else if (Array.isArray(v)) out.push(v.length);
          else if (typeof v === 'object') out.push(Object.keys(v).length);
          else if (typeof v === 'number') out.push(Math.abs(v));
          else throw new JqError(`${describe(v)} has no length`);
        } else if (step.name === 'keys') {
          if (Array.isArray(v)) out.push(v.map((_, k) => k));
          else if (v !== null && typeof v === 'object') out.push(Object.keys(v).sort());
          else throw new JqError(`${describe(v)} has no keys`);
        } else if (step.name === '@base64d') {
          if (typeof v !== 'string') throw new JqError(`${describe(v)} cannot be base64 decoded`);
          out.push(toUtf8(fromBase64(v)));
        } else if (step.name === '@base64') out.push(toBase64(fromUtf8(typeof v === 'string' ? v : JSON.stringify(v))));
        else out.push(typeof v === 'string' ? v : JSON.stringify(v));
        break;
    }
  }
  return out;
}

export function* jq(ctx: ProcCtx): Task<number> {
  const args = ctx.argv.slice(1);
  const opts = new Set(args.filter((a) => /^-[a-zA-Z]+$/.test(a)).flatMap((a) => [...a.slice(1)]));
  const filter = args.find((a) => !/^-[a-zA-Z]+$/.test(a)) ?? '.';
  let stages: Step[][];
  try {
    stages = parseFilter(filter);
  } catch (e) {
    ctx.stderr(`${(e as Error).message}\n`);
    return 3;
  }
  const text = toUtf8(ctx.stdin);
  let inputs: Json[];
  try {
    inputs = text.trim() ? [JSON.parse(text)] : [];
  } catch {
    const lines = text.split('\n');
    const where = text.endsWith('\n')
      ? `line ${lines.length}, column 0`
      : `EOF at line ${lines.length}, column ${lines[lines.length - 1].length}`;
    ctx.stderr(`parse error: Invalid numeric literal at ${where}\n`);
    return 4;
  }
  let status = 0;
  for (const input of inputs) {
    try {
      let vals: Json[] = [input];
      for (const stage of stages) for (const step of stage) vals = apply(vals, step);
      for (const v of vals) {
        const s =
          opts.has('r') && typeof v === 'string' ? v : opts.has('c') ? JSON.stringify(v) : JSON.stringify(v, null, 2);
        ctx.stdout(fromUtf8(s) + '\n');
      }
    } catch (e) {
      ctx.stderr(
        `jq: error (at <stdin>:${text.split('\n').length - (text.endsWith('\n') ? 1 : 0)}): ${(e as Error).message}\n`,
      );
      status = 5;
    }
  }
  return status;
}
