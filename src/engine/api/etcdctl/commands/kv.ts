// etcdctl put / get / del / compaction.

import type { Task } from '../../../base/task.ts';
import { AuthenticationFailed, errorText } from '../../../client/client.ts';
import { type CmdCtx, Exit, fail } from '../context.ts';
import { delOp, getOp, parseIntBase, putOp } from './ops.ts';

/** Run a request; a failure ends etcdctl with "Error: <message>" (exit 1 unless told otherwise). */
export function* call<T>(t: Task<T>, code: number = Exit.Error, wrap?: (m: string) => string): Task<T> {
  try {
    return yield* t;
  } catch (e) {
    const m = errorText(e);
    // Refused credentials end etcdctl as a failed connection does (exit 2).
    fail(e instanceof AuthenticationFailed ? Exit.BadConnection : code, wrap ? wrap(m) : m);
  }
}

export function* put(cx: CmdCtx): Task<number> {
  const req = putOp(cx.parsed, cx.proc.stdinRedirected ? cx.proc.stdin : undefined);
  const c = cx.client();
  const resp = yield* call(c.put(req));
  cx.display().put(resp);
  return 0;
}

export function* get(cx: CmdCtx): Task<number> {
  const req = getOp(cx.parsed);
  if (cx.flag<boolean>('print-value-only')) {
    if (cx.format !== 'simple') fail(Exit.BadArgs, 'print-value-only is only for `--write-out=simple`');
    cx.valueOnly = true;
  }
  const c = cx.client();
  const resp = yield* call(c.get(req));
  cx.display().get(resp);
  return 0;
}

export function* del(cx: CmdCtx): Task<number> {
  const req = delOp(cx.parsed);
  const c = cx.client();
  const resp = yield* call(c.delete(req));
  cx.display().del(resp);
  return 0;
}

export function* compaction(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'compaction command needs 1 argument');
  const rev = parseIntBase(cx.args[0], 10);
  if (rev.error) fail(Exit.Error, rev.error);
  const c = cx.client();
  yield* call(c.compact({ revision: Number(rev.value), physical: cx.flag<boolean>('physical') }));
  cx.out(`compacted revision ${rev.value}\n`);
  return 0;
}
