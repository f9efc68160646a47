// etcdctl member, endpoint, move-leader, defrag and alarm: the commands about the cluster itself.
import { hexId } from '../../../base/ids.ts';
import type { Task } from '../../../base/task.ts';
import { DeadlineExceeded, errorText } from '../../../client/client.ts';
import {
  type EpHash,
  type EpHealth,
  type EpStatus,
  goDuration,
  printEndpointHashKV,
  printEndpointHealth,
  printEndpointStatus,
  printMemberList,
} from '../../printers/cluster.ts';
import { goQuote } from '../cobra.ts';
import { type CmdCtx, Exit, fail } from '../context.ts';
import { call } from './kv.ts';

/** Go's strconv.ParseUint(s, 16, 64). */
function parseHexId(s: string): { value?: bigint; error?: string } {
  if (!/^[0-9a-fA-F]+$/.test(s)) return { error: `strconv.ParseUint: parsing ${goQuote(s)}: invalid syntax` };
  const v = BigInt(`0x${s}`);
  if (v > 0xffffffffffffffffn) return { error: `strconv.ParseUint: parsing ${goQuote(s)}: value out of range` };
  return { value: v };
}

function memberIdArg(cx: CmdCtx): bigint {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'member ID is not provided');
  const r = parseHexId(cx.args[0]);
  if (r.error) fail(Exit.BadArgs, `bad member ID arg (${r.error}), expecting ID in Hex`);
  return r.value!;
}

/** "%16x": hex padded with spaces to 16, as etcdctl prints member and cluster IDs in messages. */
const hex16sp = (id: bigint) => hexId(id).padStart(16, ' ');

export function* memberList(cx: CmdCtx): Task<number> {
  cx.display();
  const resp = yield* call(cx.client().memberList());
  printMemberList((s) => cx.out(s), cx.format, resp.header, resp.members);
  return 0;
}

export function* memberAdd(cx: CmdCtx): Task<number> {
  if (cx.args.length < 1) fail(Exit.BadArgs, 'member name not provided');
  if (cx.args.length > 1) {
    fail(Exit.BadArgs, `too many arguments, did you mean --peer-urls=${cx.args[1]}`);
  }
  const name = cx.args[0];
  const urls = cx.flag<string>('peer-urls');
  if (!urls) fail(Exit.BadArgs, 'member peer urls not provided');
  const peerURLs = urls.split(',');
  const learner = cx.flag<boolean>('learner');
  cx.display();
  const resp = yield* call(cx.client().memberAdd(peerURLs, learner));
  const id = resp.member.id;
  const cid = resp.header.clusterId;
  if (cx.format === 'simple') {
    cx.out(`Member ${hex16sp(id)} added to cluster ${hex16sp(cid)}\n`);
    const conf: string[] = [];
    for (const m of resp.members) for (const u of m.peerURLs) conf.push(`${m.id === id ? name : m.name}=${u}`);
    cx.out(
      `\nETCD_NAME="${name}"\nETCD_INITIAL_CLUSTER="${conf.join(',')}"\nETCD_INITIAL_ADVERTISE_PEER_URLS="${peerURLs.join(',')}"\nETCD_INITIAL_CLUSTER_STATE="existing"\n`,
    );
  } else printMemberList((s) => cx.out(s), cx.format, resp.header, resp.members);
  return 0;
}

export function* memberRemove(cx: CmdCtx): Task<number> {
  const id = memberIdArg(cx);
  cx.display();
  const resp = yield* call(cx.client().memberRemove(id));
  if (cx.format === 'simple') cx.out(`Member ${hex16sp(id)} removed from cluster ${hex16sp(resp.header.clusterId)}\n`);
  else printMemberList((s) => cx.out(s), cx.format, resp.header, resp.members);
  return 0;
}

export function* memberUpdate(cx: CmdCtx): Task<number> {
  const id = memberIdArg(cx);
  const urls = cx.flag<string>('peer-urls');
  if (!urls) fail(Exit.BadArgs, 'member peer urls not provided');
  cx.display();
  const resp = yield* call(cx.client().memberUpdate(id, urls.split(',')));
  if (cx.format === 'simple') cx.out(`Member ${hex16sp(id)} updated in cluster ${hex16sp(resp.header.clusterId)}\n`);
  else printMemberList((s) => cx.out(s), cx.format, resp.header, resp.members);
  return 0;
}

export function* memberPromote(cx: CmdCtx): Task<number> {
  const id = memberIdArg(cx);
  cx.display();
  const resp = yield* call(cx.client().memberPromote(id));
  if (cx.format === 'simple') cx.out(`Member ${hex16sp(id)} promoted in cluster ${hex16sp(resp.header.clusterId)}\n`);
  else printMemberList((s) => cx.out(s), cx.format, resp.header, resp.members);
  return 0;
}

/** --endpoints, or with --cluster every member's client URLs from the member list. */
function* endpointsOf(cx: CmdCtx): Task<string[]> {
  if (!cx.flag<boolean>('cluster')) return cx.endpoints();
  const resp = yield* call(cx.client().memberList());
  return resp.members.flatMap((m) => m.clientURLs);
}

export function* endpointStatus(cx: CmdCtx): Task<number> {
  cx.display();
  const eps = yield* endpointsOf(cx);
  const c = cx.client();
  const list: EpStatus[] = [];
  let failed = false;
  for (const ep of eps) {
    try {
      list.push({ ep, resp: yield* c.status(ep) });
    } catch (e) {
      cx.proc.stderr(`Failed to get the status of endpoint ${ep} (${errorText(e)})\n`);
      failed = true;
    }
  }
  printEndpointStatus((s) => cx.out(s), cx.format, list);
  return failed ? Exit.Error : 0;
}

/** Each endpoint is asked concurrently (a linearizable get of "health"); results print as they finish. */
export function* endpointHealth(cx: CmdCtx): Task<number> {
  cx.display();
  const eps = yield* endpointsOf(cx);
  const c = cx.client();
  const s = cx.proc.world.scheduler;
  const results: EpHealth[] = [];
  yield* (function* () {
    let left = eps.length;
    if (!left) return;
    yield* suspendAll(eps.length, (i, done) => {
      const ep = eps[i];
      const start = s.now();
      const task = c.at(ep, (m, reply) => m.range({ key: 'health' }, reply));
      runDetached(task, (err) => {
        const took = goDuration(s.now() - start);
        results.push({ ep, health: !err, took, error: err ? errorText(err) : '' });
        left--;
        done();
      });
    });
  })();
  printEndpointHealth(
    (x) => cx.out(x),
    (x) => cx.proc.stderr(x),
    cx.format,
    results,
  );
  if (results.some((r) => !r.health)) fail(Exit.Error, 'unhealthy cluster');
  return 0;
}

export function* endpointHashKV(cx: CmdCtx): Task<number> {
  cx.display();
  const eps = yield* endpointsOf(cx);
  const c = cx.client();
  const list: EpHash[] = [];
  let failed = false;
  const rev = cx.flag<number>('rev');
  for (const ep of eps) {
    try {
      const r = yield* c.hashKV(ep, rev);
      list.push({ ep, header: r.header, hash: r.hash, compactRevision: r.compactRevision });
    } catch (e) {
      cx.proc.stderr(`Failed to get the hash of endpoint ${ep} (${errorText(e)})\n`);
      failed = true;
    }
  }
  printEndpointHashKV((s) => cx.out(s), cx.format, list);
  return failed ? Exit.Error : 0;
}

export function* moveLeader(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'move-leader command needs 1 argument');
  const target = parseHexId(cx.args[0]);
  if (target.error) fail(Exit.BadArgs, target.error);
  cx.display();
  const c = cx.client();
  const eps = cx.endpoints();
  let leaderEp: string | undefined;
  let leaderId = 0n;
  for (const ep of eps) {
    const st = yield* call(c.status(ep));
    if (st.header.memberId === st.leader) {
      leaderEp = ep;
      leaderId = st.leader;
      break;
    }
  }
  if (!leaderEp) fail(Exit.BadArgs, `no leader endpoint given at [${eps.join(' ')}]`);
  yield* call(c.at(leaderEp, (m, reply) => m.moveLeader(target.value!, reply)));
  cx.out(`Leadership transferred from ${hexId(leaderId)} to ${hexId(target.value!)}\n`);
  return 0;
}

export function* defrag(cx: CmdCtx): Task<number> {
  cx.display();
  const eps = yield* endpointsOf(cx);
  const c = cx.client();
  let failed = false;
  for (const ep of eps) {
    try {
      yield* c.at(ep, (m, reply) => reply({ ok: true, value: m.header() }));
      cx.out(`Finished defragmenting etcd member[${ep}]\n`);
    } catch (e) {
      cx.proc.stderr(`Failed to defragment etcd member[${ep}] (${errorText(e)})\n`);
      failed = true;
    }
  }
  return failed ? Exit.Error : 0;
}

/** No quota is ever exceeded in the simulation: there are no alarms to list or disarm. */
export function* alarmList(cx: CmdCtx): Task<number> {
  cx.display();
  yield* call(cx.client().memberList());
  return 0;
}

export { DeadlineExceeded };

// --- helpers: run several calls at once and wait for all of them ---
import { suspend, TaskRunner } from '../../../base/task.ts';

function suspendAll(n: number, start: (i: number, done: () => void) => void): Task<void> {
  return suspend<void>((resume) => {
    let left = n;
    for (let i = 0; i < n; i++)
      start(i, () => {
        if (--left === 0) resume({ ok: true, value: undefined });
      });
    return undefined;
  });
}

function runDetached(task: Task<unknown>, done: (err: unknown) => void): void {
  new TaskRunner(task, (o) => done(o.ok ? undefined : o.error)).start();
}
