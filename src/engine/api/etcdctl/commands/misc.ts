// etcdctl version, snapshot save / status, and the commands that wait on later parts of the engine.

import { Crc32c } from '../../../base/crc32c.ts';
import type { Task } from '../../../base/task.ts';
import { humanizeBytes } from '../../printers/cluster.ts';
import { renderTable } from '../../printers/table.ts';
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
/**
 * etcdctl snapshot status, over the playground's snapshot file: its revision, how many records
 * it holds, its size, and a CRC-32C over its records (real etcd hashes its bbolt buckets).
 */
export function* snapshotStatus(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'snapshot status requires exactly one argument');
  const data = cx.proc.world.fs.read(cx.proc.cwd, cx.args[0]);
  if (data === undefined) fail(Exit.Error, `stat ${cx.args[0]}: no such file or directory`);
  let snap: { format?: string; revision: number; kvs: unknown[][] };
  try {
    snap = JSON.parse(data);
  } catch {
    snap = { revision: 0, kvs: [] };
  }
  if (snap.format !== 'etcd-playground-snapshot/1') fail(Exit.Error, 'invalid database');
  const h = new Crc32c();
  for (const r of snap.kvs) h.update(JSON.stringify(r));
  const st = { hash: h.digest(), revision: snap.revision, totalKey: snap.kvs.length, totalSize: data.length };
  const hex = st.hash.toString(16);
  switch (cx.format) {
    case 'json':
      cx.out(`{"hash":${st.hash},"revision":${st.revision},"totalKey":${st.totalKey},"totalSize":${st.totalSize}}\n`);
      break;
    case 'fields':
      cx.out(`"Hash" : ${st.hash}\n"Revision" : ${st.revision}\n"Keys" : ${st.totalKey}\n"Size" : ${st.totalSize}\n`);
      break;
    case 'table':
      cx.out(
        renderTable(
          ['HASH', 'REVISION', 'TOTAL KEYS', 'TOTAL SIZE'],
          [[hex, String(st.revision), String(st.totalKey), humanizeBytes(st.totalSize)]],
        ),
      );
      break;
    case 'simple':
      cx.out(`${hex}, ${st.revision}, ${st.totalKey}, ${humanizeBytes(st.totalSize)}\n`);
      break;
    default:
      fail(Exit.BadFeature, 'unsupported output format');
  }
  return 0;
}
