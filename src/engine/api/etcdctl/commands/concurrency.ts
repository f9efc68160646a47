// etcdctl lock and elect: the concurrency recipes, holding on until interrupted.
import { fromUtf8 } from '../../../base/bytes.ts';
import { Interrupted, suspend, type Task } from '../../../base/task.ts';
import { errorText } from '../../../client/client.ts';
import { Election, Mutex, Session } from '../../../client/concurrency.ts';
import { type CmdCtx, Exit, ExitError, fail } from '../context.ts';

/** Park until interrupted (Ctrl-C / kill %N) or until the session's lease is lost. */
function* holdUntilSignal(session: Session): Task<'signal' | 'expired'> {
  try {
    yield* suspend<void>((resume) => {
      session.onExpired = () => resume({ ok: true, value: undefined });
      return undefined;
    });
    return 'expired';
  } catch (e) {
    if (e instanceof Interrupted) return 'signal';
    throw e;
  }
}

export function* lock(cx: CmdCtx): Task<number> {
  if (cx.args.length === 0) fail(Exit.BadArgs, 'lock takes a lock name argument and an optional command to execute.');
  const c = cx.client();
  const s = cx.proc.world.scheduler;
  let session: Session | undefined;
  try {
    session = yield* Session.create(c, s, cx.flag<number>('ttl'));
    const m = new Mutex(session, fromUtf8(cx.args[0]));
    yield* m.lock();
    const k = yield* c.get({ key: m.myKey });
    if (!k.kvs.length) fail(Exit.Error, 'lock lost on init');
    cx.display().get(k);
    const why = yield* holdUntilSignal(session);
    if (why === 'signal') {
      yield* m.unlock();
      return 0;
    }
    throw new ExitError(Exit.Error, 'session expired');
  } catch (e) {
    if (e instanceof Interrupted) return 130;
    if (e instanceof ExitError) throw e;
    throw new ExitError(Exit.Error, errorText(e));
  } finally {
    session?.orphan();
  }
}

export function* elect(cx: CmdCtx): Task<number> {
  const args = cx.args;
  if (args.length !== 1 && args.length !== 2) {
    fail(Exit.BadArgs, 'elect takes one election name argument and an optional proposal argument.');
  }
  const listen = cx.flag<boolean>('listen');
  if (args.length === 1 && !listen) fail(Exit.BadArgs, 'no proposal argument but -l not set');
  if (args.length === 2 && listen) fail(Exit.BadArgs, 'proposal given but -l is set');
  const c = cx.client();
  const s = cx.proc.world.scheduler;
  let session: Session | undefined;
  try {
    session = yield* Session.create(c, s);
    const e = new Election(session, fromUtf8(args[0]));
    if (args.length === 1) return yield* observe(cx, e);
    yield* e.campaign(fromUtf8(args[1]));
    const resp = yield* c.get({ key: e.leaderKey });
    cx.display().get(resp);
    const why = yield* holdUntilSignal(session);
    if (why === 'expired') fail(Exit.Error, 'elect: session expired');
    yield* e.resign();
    return 0;
  } catch (err) {
    if (err instanceof Interrupted) return 130;
    if (err instanceof ExitError) throw err;
    throw new ExitError(Exit.Error, errorText(err));
  } finally {
    session?.orphan();
  }
}

/** elect -l: print the leader's proposal each time it changes. */
function* observe(cx: CmdCtx, e: Election): Task<number> {
  const c = cx.client();
  let last: string | undefined;
  try {
    for (;;) {
      const kv = yield* e.leader();
      const id = kv ? `${kv.key}@${kv.modRevision}` : undefined;
      if (kv && id !== last) cx.display().get({ kvs: [kv] } as never);
      last = id;
      const from = (yield* c.get({ key: e.keyPrefix, rangeEnd: e.keyPrefix.slice(0, -1) + '0' })).header.revision + 1;
      yield* suspend<void>((resume) => {
        const sub = c.watch(
          { key: e.keyPrefix, rangeEnd: e.keyPrefix.slice(0, -1) + '0', startRevision: from },
          (r) => {
            if (r.events.length) {
              sub.cancel();
              resume({ ok: true, value: undefined });
            }
          },
        );
        return () => sub.cancel();
      });
    }
  } catch (err) {
    if (err instanceof Interrupted) return 130;
    throw err;
  }
}
