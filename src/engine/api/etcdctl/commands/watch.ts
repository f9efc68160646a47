// etcdctl watch: prints every event on a key, a range or a prefix until interrupted.
import { fromUtf8, prefixRangeEnd, toUtf8 } from '../../../base/bytes.ts';
import { suspend, type Task } from '../../../base/task.ts';
import { EventType, type WatchCreateRequest, type WatchResponse } from '../../../etcdserverpb.ts';
import { goQuote, parseArgs } from '../cobra.ts';
import { type CmdCtx, Exit, fail } from '../context.ts';
import { argify } from './txn.ts';

export function* watch(cx: CmdCtx): Task<number> {
  const env = cx.proc.env;
  const envKey = env.ETCDCTL_WATCH_KEY ?? '';
  const envRange = env.ETCDCTL_WATCH_RANGE_END ?? '';
  if (envKey === '' && envRange !== '') {
    fail(Exit.BadArgs, `ETCDCTL_WATCH_KEY is empty but got ETCDCTL_WATCH_RANGE_END=${JSON.stringify(envRange)}`);
  }
  if (cx.flag<boolean>('interactive')) return yield* interactive(cx);
  // Arguments after "--" are a command to run per event; the key comes before it.
  let args = [...cx.args];
  const dash = cx.parsed.argsAtDash;
  const command = dash !== undefined ? args.slice(dash) : [];
  if (dash !== undefined) args = args.slice(0, dash);
  if (envKey) args = [envKey, ...(envRange ? [envRange] : []), ...args];
  if (args.length < 1 || args.length > 2) fail(Exit.BadArgs, 'bad number of arguments');
  const req: WatchCreateRequest = { key: fromUtf8(args[0]) };
  const rev = cx.flag<number>('rev');
  if (rev) req.startRevision = rev;
  if (args.length === 2) {
    if (cx.flag<boolean>('prefix')) fail(Exit.BadArgs, '`range_end` and `--prefix` are mutually exclusive');
    req.rangeEnd = fromUtf8(args[1]);
  }
  if (cx.flag<boolean>('prefix')) req.rangeEnd = req.key === '' ? '\x00' : prefixRangeEnd(req.key);
  if (cx.flag<boolean>('prev-kv')) req.prevKv = true;
  const c = cx.client();
  const display = cx.display();
  if (command.length) return yield* watchAndRun(cx, req, command);
  let canceled = false;
  yield* suspend<void>((resume) => {
    const sub = c.watch(req, (resp) => {
      if (resp.created) return; // clientv3 keeps the creation to itself
      if (resp.canceled) {
        const why = resp.compactRevision ? 'etcdserver: mvcc: required revision has been compacted' : resp.cancelReason;
        cx.out(`watch was canceled (${why})\n`);
      }
      try {
        display.watch(resp);
      } catch (error) {
        // e.g. -w table: the printer refuses at the first event, and etcdctl exits.
        sub.cancel();
        resume({ ok: false, error });
        return;
      }
      if (resp.canceled) {
        canceled = true;
        sub.cancel();
        resume({ ok: true, value: undefined });
      }
    });
    return () => sub.cancel();
  });
  if (canceled) fail(Exit.Interrupted, 'watch is canceled by the server');
  return 0;
}

/**
 * watch -i: one request per stdin line ("watch [options] <key> [range_end]" or "progress").
 * Like etcdctl 3.4, it ends with an error when stdin runs out (a heredoc, or no terminal).
 */
function* interactive(cx: CmdCtx): Task<number> {
  const c = cx.client();
  const display = cx.display();
  const subs: { cancel(): void }[] = [];
  let pos = 0;
  const input = cx.proc.stdinRedirected ? cx.proc.stdin : '';
  try {
    for (;;) {
      const nl = input.indexOf('\n', pos);
      if (nl < 0) fail(Exit.InvalidInput, 'Error reading watch request line: EOF');
      const line = input.slice(pos, nl);
      pos = nl + 1;
      const args = argify(line);
      if (args.length < 1) {
        cx.proc.stderr(`Invalid command: ${line} (watch and progress supported)\n`);
        continue;
      }
      if (args[0] === 'progress') continue;
      if (args[0] !== 'watch') {
        cx.proc.stderr(`Invalid command ${line} (only support watch)\n`);
        continue;
      }
      const o = parseArgs(args);
      if (o.kind !== 'run') {
        cx.proc.stderr(`Invalid command ${line} (only support watch)\n`);
        continue;
      }
      const p = o.parsed;
      const flag = <T>(n: string) => p.flags.get(n) as T;
      if (p.args.length < 1 || p.args.length > 2) {
        cx.proc.stderr(`Invalid command ${line} (bad number of arguments)\n`);
        continue;
      }
      const req: WatchCreateRequest = { key: fromUtf8(p.args[0]) };
      if (flag<number>('rev')) req.startRevision = flag<number>('rev');
      if (p.args.length === 2) req.rangeEnd = fromUtf8(p.args[1]);
      if (flag<boolean>('prefix')) req.rangeEnd = req.key === '' ? '\x00' : prefixRangeEnd(req.key);
      if (flag<boolean>('prev-kv')) req.prevKv = true;
      subs.push(
        c.watch(req, (resp) => {
          if (!resp.created) display.watch(resp);
        }),
      );
    }
  } finally {
    for (const s of subs) s.cancel();
  }
}

/**
 * watch KEY -- COMMAND: each response printed as usual, then COMMAND run once per event with
 * ETCD_WATCH_REVISION, and ETCD_WATCH_KEY / _EVENT_TYPE / _VALUE quoted as Go's %q quotes them.
 */
function* watchAndRun(cx: CmdCtx, req: WatchCreateRequest, command: string[]): Task<number> {
  const c = cx.client();
  const display = cx.display();
  const queue: WatchResponse[] = [];
  let wake: (() => void) | undefined;
  const sub = c.watch(req, (resp) => {
    queue.push(resp);
    wake?.();
  });
  try {
    for (;;) {
      if (!queue.length)
        yield* suspend<void>((resume) => {
          wake = () => {
            wake = undefined;
            resume({ ok: true, value: undefined });
          };
          return () => {
            wake = undefined;
          };
        });
      const resp = queue.shift()!;
      if (resp.created) continue;
      display.watch(resp);
      for (const e of resp.events) {
        yield* cx.proc.run(command, {
          ...cx.proc.env,
          ETCD_WATCH_REVISION: String(resp.header.revision),
          ETCD_WATCH_KEY: goQuote(toUtf8(e.kv.key)),
          ETCD_WATCH_EVENT_TYPE: goQuote(e.type === EventType.DELETE ? 'DELETE' : 'PUT'),
          ETCD_WATCH_VALUE: goQuote(toUtf8(e.kv.value)),
        });
      }
      if (resp.canceled) return 0;
    }
  } finally {
    sub.cancel();
  }
}
