// etcdctl version, snapshot save / status, and the commands that wait on later parts of the engine.
import type { Task } from '../../../base/task.ts';
import { type CmdCtx, Exit, fail } from '../context.ts';
import { API_VERSION, ETCDCTL_VERSION } from '../spec.ts';

export function* version(cx: CmdCtx): Task<number> {
  cx.out(`etcdctl version: ${ETCDCTL_VERSION}\nAPI version: ${API_VERSION}\n`);
  return 0;
}

export function* snapshotSave(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'snapshot save expects one argument');
  const eps = cx.endpoints();
  if (eps.length !== 1)
    fail(Exit.Interrupted, `snapshot must be requested to one selected node, not multiple [${eps.join(' ')}]`);
  const world = cx.proc.world;
  const member = world.listener(eps[0]);
  if (!member) {
    yield* cx.proc.sleep(cx.commandTimeoutMs());
    fail(Exit.Interrupted, 'context deadline exceeded');
  }
  // The playground's snapshot file: the store's revisions, not a bbolt file.
  const kvs: unknown[] = [];
  member.kv.backend.forEachIn(0, member.kv.currentRev, (kv, main, sub) => {
    kvs.push([main, sub, kv.key, kv.value, kv.createRevision, kv.modRevision, kv.version, String(kv.lease)]);
  });
  world.fs.write(
    cx.proc.cwd,
    cx.args[0],
    JSON.stringify({
      format: 'etcd-playground-snapshot/1',
      revision: member.kv.currentRev,
      compacted: member.kv.compactMainRev,
      kvs,
    }),
  );
  cx.out(`Snapshot saved at ${cx.args[0]}\n`);
  return 0;
}

/** Commands of etcdctl that the engine does not simulate yet: said plainly, never faked. */
export function notYet(what: string) {
  return function* (_cx: CmdCtx): Task<number> {
    fail(Exit.Error, `${what} is not simulated by the playground yet`);
  };
}

/** etcdctl member remove: the ID is checked before anything is sent. */
export function* memberRemove(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'member ID is not provided');
  return yield* notYet('etcdctl member remove')(cx);
}
