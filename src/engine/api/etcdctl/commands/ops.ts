// Turning etcdctl's get / put / del arguments into requests (etcdctl's getGetOp, getPutOp,
// getDelOp), shared by the commands and by `txn`, which parses its request lines the same way.
import { FROM_KEY_END, fromUtf8, prefixRangeEnd } from '../../../base/bytes.ts';
import {
  type DeleteRangeRequest,
  type PutRequest,
  type RangeRequest,
  SortOrder,
  SortTarget,
} from '../../../etcdserverpb.ts';
import type { Parsed } from '../cobra.ts';
import { goQuote } from '../cobra.ts';
import { Exit, fail } from '../context.ts';

/** Go's strconv.ParseInt(s, base, 64) error text, or the value (as bigint, for lease IDs). */
export function parseIntBase(s: string, base: 10 | 16): { value?: bigint; error?: string } {
  const re = base === 16 ? /^[+-]?[0-9a-fA-F]+$/ : /^[+-]?[0-9]+$/;
  if (!re.test(s)) return { error: `strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax` };
  const neg = s.startsWith('-');
  const digits = s.replace(/^[+-]/, '');
  let v = BigInt(base === 16 ? `0x${digits}` : digits);
  if (neg) v = -v;
  if (v > 9223372036854775807n || v < -9223372036854775808n) {
    return { error: `strconv.ParseInt: parsing ${goQuote(s)}: value out of range` };
  }
  return { value: v };
}

const flag = <T>(p: Parsed, name: string) => p.flags.get(name) as T;

/** clientv3's WithPrefix / WithFromKey applied to a key. */
function withPrefix(key: string): { key: string; rangeEnd: string } {
  if (key === '') return { key: '\x00', rangeEnd: FROM_KEY_END };
  return { key, rangeEnd: prefixRangeEnd(key) };
}

function withFromKey(key: string): { key: string; rangeEnd: string } {
  return { key: key === '' ? '\x00' : key, rangeEnd: FROM_KEY_END };
}

export function getOp(p: Parsed): RangeRequest {
  const args = p.args;
  if (args.length === 0)
    fail(Exit.BadArgs, 'get command needs one argument as key and an optional argument as range_end');
  const prefix = flag<boolean>(p, 'prefix');
  const fromKey = flag<boolean>(p, 'from-key');
  if (prefix && fromKey) fail(Exit.BadArgs, '`--prefix` and `--from-key` cannot be set at the same time, choose one');
  const consistency = flag<string>(p, 'consistency');
  if (consistency !== 's' && consistency !== 'l')
    fail(Exit.BadFeature, `unknown consistency flag ${goQuote(consistency)}`);
  let key = fromUtf8(args[0]);
  const req: RangeRequest = { key, serializable: consistency === 's' };
  if (args.length > 1) {
    if (prefix || fromKey)
      fail(Exit.BadArgs, 'too many arguments, only accept one argument when `--prefix` or `--from-key` is set.');
    req.rangeEnd = fromUtf8(args[1]);
  }
  req.limit = flag<number>(p, 'limit');
  const rev = flag<number>(p, 'rev');
  if (rev > 0) req.revision = rev;
  const orderName = flag<string>(p, 'order').toUpperCase();
  let order = SortOrder.NONE;
  if (orderName === 'ASCEND') order = SortOrder.ASCEND;
  else if (orderName === 'DESCEND') order = SortOrder.DESCEND;
  else if (orderName !== '') fail(Exit.BadFeature, `bad sort order ${flag<string>(p, 'order')}`);
  const targets: Record<string, SortTarget> = {
    CREATE: SortTarget.CREATE,
    KEY: SortTarget.KEY,
    MODIFY: SortTarget.MOD,
    VALUE: SortTarget.VALUE,
    VERSION: SortTarget.VERSION,
    '': SortTarget.KEY,
  };
  const targetName = flag<string>(p, 'sort-by').toUpperCase();
  if (!(targetName in targets)) fail(Exit.BadFeature, `bad sort target ${flag<string>(p, 'sort-by')}`);
  const target = targets[targetName];
  // clientv3.WithSort: keys come in ascending key order anyway.
  req.sortTarget = target;
  req.sortOrder = target === SortTarget.KEY && order === SortOrder.ASCEND ? SortOrder.NONE : order;
  if (prefix) Object.assign(req, withPrefix(key));
  if (fromKey) Object.assign(req, withFromKey(key));
  key = req.key;
  if (flag<boolean>(p, 'keys-only')) req.keysOnly = true;
  return req;
}

/** `value` is read from stdin when only the key is given (etcdctl's argOrStdin). */
export function putOp(p: Parsed, stdin: string | undefined): PutRequest {
  const args = p.args;
  const needs = 'put command needs 1 argument and input from stdin or 2 arguments';
  if (args.length === 0) fail(Exit.BadArgs, needs);
  const ignoreValue = flag<boolean>(p, 'ignore-value');
  if (ignoreValue && args.length > 1)
    fail(Exit.BadArgs, "put command needs only 1 argument when 'ignore-value' is set");
  let value = '';
  if (!ignoreValue) {
    if (args.length > 1) value = fromUtf8(args[1]);
    else if (stdin) value = fromUtf8(stdin);
    else fail(Exit.BadArgs, needs);
  }
  const lease = parseIntBase(flag<string>(p, 'lease'), 16);
  if (lease.error) fail(Exit.BadArgs, `bad lease ID (${lease.error}), expecting ID in Hex`);
  return {
    key: fromUtf8(args[0]),
    value,
    lease: lease.value!,
    prevKv: flag<boolean>(p, 'prev-kv'),
    ignoreValue,
    ignoreLease: flag<boolean>(p, 'ignore-lease'),
  };
}

export function delOp(p: Parsed): DeleteRangeRequest {
  const args = p.args;
  if (args.length === 0 || args.length > 2)
    fail(Exit.BadArgs, 'del command needs one argument as key and an optional argument as range_end');
  const prefix = flag<boolean>(p, 'prefix');
  const fromKey = flag<boolean>(p, 'from-key');
  if (prefix && fromKey) fail(Exit.BadArgs, '`--prefix` and `--from-key` cannot be set at the same time, choose one');
  const req: DeleteRangeRequest = { key: fromUtf8(args[0]) };
  if (args.length > 1) {
    if (prefix || fromKey)
      fail(Exit.BadArgs, 'too many arguments, only accept one argument when `--prefix` or `--from-key` is set.');
    req.rangeEnd = fromUtf8(args[1]);
  }
  if (prefix) Object.assign(req, withPrefix(req.key));
  if (flag<boolean>(p, 'prev-kv')) req.prevKv = true;
  if (fromKey) Object.assign(req, withFromKey(req.key));
  return req;
}
