// etcdctl txn: compares, success requests and failure requests read from stdin, each section
// ended by an empty line (etcdctl's readCompares / readOps); -i prints a prompt before each.
import { fromUtf8 } from '../../../base/bytes.ts';
import type { Task } from '../../../base/task.ts';
import { type Compare, CompareResult, CompareTarget, type RequestOp } from '../../../etcdserverpb.ts';
import { parseArgs } from '../cobra.ts';
import { type CmdCtx, Exit, ExitError, fail } from '../context.ts';
import { call } from './kv.ts';
import { delOp, getOp, parseIntBase, putOp } from './ops.ts';

/** A bufio.Reader over stdin: ReadString('\n') fails with EOF when no newline is left. */
class LineReader {
  private pos = 0;
  constructor(private readonly text: string) {}
  readLine(): string {
    const nl = this.text.indexOf('\n', this.pos);
    if (nl < 0) fail(Exit.InvalidInput, 'EOF');
    const line = this.text.slice(this.pos, nl + 1);
    this.pos = nl + 1;
    return line;
  }
}

/** A Go panic: what etcdctl prints for compares it cannot build. */
export class GoPanic extends Error {}

/** etcdctl's argify: split on spaces, keeping '...' and "..." (unescaped) together. */
export function argify(s: string): string[] {
  const re = /"(?:[^"\\]|\\.)*"|'[^']*'|[^'"\s]\S*[^'"\s]?/g;
  return (s.match(re) ?? []).map((a) => {
    if (a.startsWith("'")) return a.slice(1, -1);
    if (a.startsWith('"')) return unquoteGo(a) ?? a;
    return a;
  });
}

/** Go's strconv.Unquote for a double-quoted string (undefined when malformed). */
function unquoteGo(q: string): string | undefined {
  if (q.startsWith('`') && q.endsWith('`') && q.length >= 2) return q.slice(1, -1);
  if (!(q.startsWith('"') && q.endsWith('"') && q.length >= 2)) return undefined;
  try {
    return JSON.parse(
      q
        .replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')
        .replace(/\\a/g, '\\u0007')
        .replace(/\\v/g, '\\u000b'),
    );
  } catch {
    return undefined;
  }
}

function readQuoted(s: string): { value: string; rest: string } | undefined {
  const t = s.replace(/^\s+/, '');
  const m = /^("(?:[^"\\]|\\.)*"|`[^`]*`)/.exec(t);
  if (!m) return undefined;
  const value = unquoteGo(m[1]);
  if (value === undefined) return undefined;
  return { value, rest: t.slice(m[1].length) };
}

const RESULTS: Record<string, CompareResult> = {
  '=': CompareResult.EQUAL,
  '==': CompareResult.EQUAL,
  '!=': CompareResult.NOT_EQUAL,
  '>': CompareResult.GREATER,
  '<': CompareResult.LESS,
};

/** etcdctl's parseCompare: `target("key") op "value"`. */
export function parseCompare(line: string): Compare {
  const lp = line.indexOf('(');
  if (lp < 0) throw new Error(`malformed comparison: ${line}`);
  const target = line.slice(0, lp);
  // fmt.Sscanf(rest, "%q) %s %q", &key, &op, &val)
  const k = readQuoted(line.slice(lp + 1));
  const malformed = (key = '', op = '', val = '') =>
    new Error(`malformed comparison: ${line}; got ${target}(${JSON.stringify(key)}) ${op} ${JSON.stringify(val)}`);
  if (!k?.rest.startsWith(')')) throw malformed(k?.value);
  const afterParen = k.rest.slice(1);
  const opm = /^\s+(\S+)/.exec(afterParen);
  if (!opm) throw malformed(k.value);
  const v = readQuoted(afterParen.slice(opm[0].length));
  if (!v) throw malformed(k.value, opm[1]);
  const key = fromUtf8(k.value);
  const op = opm[1];
  const val = v.value;
  const result = RESULTS[op];
  const num = () => {
    const r = parseIntBase(val, 10);
    if (r.error) throw new Error(r.error);
    return Number(r.value);
  };
  let cmp: Compare;
  switch (target) {
    case 'ver':
    case 'version':
      cmp = { key, target: CompareTarget.VERSION, result: result ?? 0, version: num() };
      break;
    case 'c':
    case 'create':
      cmp = { key, target: CompareTarget.CREATE, result: result ?? 0, createRevision: num() };
      break;
    case 'm':
    case 'mod':
      cmp = { key, target: CompareTarget.MOD, result: result ?? 0, modRevision: num() };
      break;
    case 'val':
    case 'value':
      cmp = { key, target: CompareTarget.VALUE, result: result ?? 0, value: fromUtf8(val) };
      break;
    case 'lease':
      // clientv3.Compare has no case for a lease target: etcdctl 3.4 panics here.
      throw new GoPanic('unknown compare type string');
    default:
      throw new Error(`malformed comparison: ${line} (unknown target ${target})`);
  }
  if (result === undefined) throw new GoPanic('Unknown result op');
  return cmp;
}

/** A request line: put / get / del with their own flags, as the commands parse them. */
export function parseRequest(line: string): RequestOp {
  const args = argify(line);
  const invalid = () => new Error(`invalid txn request: ${line}`);
  if (args.length < 2) throw new Error(`invalid txn compare request: ${line}`);
  const outcome = parseArgs(args);
  if (outcome.kind !== 'run') throw invalid();
  const name = outcome.parsed.path[1]?.name;
  const p = outcome.parsed;
  if (name === 'put') return { requestPut: putOp(p, undefined) };
  if (name === 'get') return { requestRange: getOp(p) };
  if (name === 'del') return { requestDeleteRange: delOp(p) };
  throw invalid();
}

export function* txn(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 0) fail(Exit.BadArgs, 'txn command does not accept argument');
  const interactive = cx.flag<boolean>('interactive');
  const reader = new LineReader(cx.proc.stdinRedirected ? cx.proc.stdin : '');
  const c = cx.client();
  const prompt = (s: string) => interactive && cx.out(s + '\n');
  const section = <T>(parse: (l: string) => T): T[] => {
    const items: T[] = [];
    for (;;) {
      const line = reader.readLine().trim();
      if (!line) return items;
      try {
        items.push(parse(line));
      } catch (e) {
        if (e instanceof GoPanic || e instanceof ExitError) throw e;
        fail(Exit.InvalidInput, (e as Error).message);
      }
    }
  };
  prompt('compares:');
  const compare = section(parseCompare);
  prompt('success requests (get, put, del):');
  const success = section(parseRequest);
  prompt('failure requests (get, put, del):');
  const failure = section(parseRequest);
  const resp = yield* call(c.txn({ compare, success, failure }));
  cx.display().txn(resp);
  return 0;
}
