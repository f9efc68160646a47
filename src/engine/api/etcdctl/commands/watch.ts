// etcdctl watch: prints every event on a key, a range or a prefix until interrupted.
import { fromUtf8, prefixRangeEnd } from '../../../base/bytes.ts';
import { suspend, type Task } from '../../../base/task.ts';
import type { WatchCreateRequest } from '../../../etcdserverpb.ts';
import { type CmdCtx, Exit, fail } from '../context.ts';

export function* watch(cx: CmdCtx): Task<number> {
  const env = cx.proc.env;
  const envKey = env.ETCDCTL_WATCH_KEY ?? '';
  const envRange = env.ETCDCTL_WATCH_RANGE_END ?? '';
  if (envKey === '' && envRange !== '') {
    fail(Exit.BadArgs, `ETCDCTL_WATCH_KEY is empty but got ETCDCTL_WATCH_RANGE_END=${JSON.stringify(envRange)}`);
  }
  if (cx.flag<boolean>('interactive'))
    fail(Exit.BadFeature, 'watch --interactive is not simulated by the playground yet');
  // Arguments after "--" are a command to run per event; the key comes before it.
  let args = [...cx.args];
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
