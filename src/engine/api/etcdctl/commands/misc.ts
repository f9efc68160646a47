// etcdctl version, snapshot save / status, and the commands that wait on later parts of the engine.

import { toHex } from '../../../base/bytes.ts';
import type { Task } from '../../../base/task.ts';
import { type Buckets, backendBuckets, bucketsStatus } from '../../../server/backendBuckets.ts';
import { humanizeBytes } from '../../printers/cluster.ts';
import { renderTable } from '../../printers/table.ts';
import { type CmdCtx, Exit, fail } from '../context.ts';
import { API_VERSION, ETCDCTL_VERSION } from '../spec.ts';

export function* version(cx: CmdCtx): Task<number> {
  cx.out(`etcdctl version: ${ETCDCTL_VERSION}\nAPI version: ${API_VERSION}\n`);
  return 0;
}

const SNAPSHOT_FORMAT = 'etcd-playground-snapshot/2';

function fromHex(h: string): string {
  let out = '';
  for (let i = 0; i < h.length; i += 2) out += String.fromCharCode(Number.parseInt(h.slice(i, i + 2), 16));
  return out;
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
  // The snapshot file: etcd's buckets and records (what its bbolt file holds), not bbolt's pages.
  const buckets = backendBuckets(member);
  world.fs.write(
    cx.proc.cwd,
    cx.args[0],
    JSON.stringify({
      format: SNAPSHOT_FORMAT,
      size: member.dbSize(),
      buckets: [...buckets].map(([name, kvs]) => [name, kvs.map(([k, v]) => [toHex(k), toHex(v)])]),
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
  let snap: { format?: string; size: number; buckets: [string, [string, string][]][] };
  try {
    snap = JSON.parse(data);
  } catch {
    snap = { size: 0, buckets: [] };
  }
  if (snap.format !== SNAPSHOT_FORMAT) fail(Exit.Error, 'invalid database');
  const buckets: Buckets = new Map(
    snap.buckets.map(([name, kvs]) => [name, kvs.map(([k, v]) => [fromHex(k), fromHex(v)] as [string, string])]),
  );
  const st = { ...bucketsStatus(buckets), totalSize: snap.size };
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
