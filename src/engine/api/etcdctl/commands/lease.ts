// etcdctl lease grant / revoke / timetolive / list / keep-alive.
import { suspend, type Task } from '../../../base/task.ts';
import type { LeaseKeepAliveResponse } from '../../../etcdserverpb.ts';
import { type CmdCtx, Exit, fail } from '../context.ts';
import { call } from './kv.ts';
import { parseIntBase } from './ops.ts';

function leaseFromArgs(arg: string): bigint {
  const r = parseIntBase(arg, 16);
  if (r.error) fail(Exit.BadArgs, `bad lease ID arg (${r.error}), expecting ID in Hex`);
  return r.value!;
}

export function* grant(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'lease grant command needs TTL argument');
  const ttl = parseIntBase(cx.args[0], 10);
  if (ttl.error) fail(Exit.BadArgs, `bad TTL (${ttl.error})`);
  const resp = yield* call(
    cx.client().leaseGrant(Number(ttl.value)),
    Exit.Error,
    (m) => `failed to grant lease (${m})`,
  );
  cx.display().grant(resp);
  return 0;
}

export function* revoke(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'lease revoke command needs 1 argument');
  const id = leaseFromArgs(cx.args[0]);
  const resp = yield* call(cx.client().leaseRevoke(id), Exit.Error, (m) => `failed to revoke lease (${m})`);
  cx.display().revoke(id, resp);
  return 0;
}

export function* timeToLive(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'lease timetolive command needs lease ID as argument');
  const id = leaseFromArgs(cx.args[0]);
  const keys = cx.flag<boolean>('keys');
  const resp = yield* call(cx.client().leaseTimeToLive(id, keys), Exit.BadConnection);
  cx.display().timeToLive(resp, keys);
  return 0;
}

export function* list(cx: CmdCtx): Task<number> {
  const resp = yield* call(cx.client().leaseLeases(), Exit.BadConnection);
  cx.display().leases(resp);
  return 0;
}

export function* keepAlive(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'lease keep-alive command needs lease ID as argument');
  const id = leaseFromArgs(cx.args[0]);
  const c = cx.client();
  if (cx.flag<boolean>('once')) {
    const resp = yield* call(c.leaseKeepAliveOnce(id), Exit.BadConnection);
    cx.display().keepAlive(resp);
    return 0;
  }
  // clientv3 renews every TTL/3 until interrupted; a lease that is gone ends the loop.
  for (;;) {
    let resp: LeaseKeepAliveResponse;
    try {
      resp = yield* c.leaseKeepAliveOnce(id);
    } catch {
      break;
    }
    cx.display().keepAlive(resp);
    const waitMs = Math.max(500, (resp.TTL * 1000) / 3);
    const s = cx.proc.world.scheduler;
    yield* suspend<void>((resume) => {
      const ev = s.after(waitMs, 'lease: keep-alive', () => resume({ ok: true, value: undefined }));
      return () => s.cancel(ev);
    });
  }
  if (cx.format === 'simple') cx.out(`lease ${id.toString(16).padStart(16, '0')} expired or revoked.\n`);
  return 0;
}
