// The v2 API of a member: /v2/keys (reads locally, writes through the log, ?wait=true long
// polls), /v2/members, /v2/stats/{self,leader,store} and /v2/machines, with etcd's headers.
import { GrpcStatusError } from '../../base/errors.ts';
import { hexId } from '../../base/ids.ts';
import { isoTime } from '../../base/time.ts';
import type { Member } from '../../server/member.ts';
import { checkForm } from '../../v2store/apply.ts';
import { type NodeView, V2Error, type V2Event } from '../../v2store/store.ts';
import type { HttpRequest, HttpResponse } from './types.ts';

const CORS: [string, string][] = [
  ['Access-Control-Allow-Headers', 'accept, content-type, authorization'],
  ['Access-Control-Allow-Methods', 'POST, GET, OPTIONS, PUT, DELETE'],
  ['Access-Control-Allow-Origin', '*'],
];

/** The keys API lives under /1 in the store; answers show paths without it. */
const KEYS = '/1';

function strip(n: NodeView): NodeView {
  const out: NodeView = { ...n };
  if (out.key !== undefined) out.key = out.key === KEYS ? undefined : out.key.slice(KEYS.length);
  if (out.nodes) out.nodes = out.nodes.map(strip);
  return out;
}

function eventJson(e: V2Event): string {
  const o: Record<string, unknown> = { action: e.action, node: strip(e.node) };
  if (e.prevNode) o.prevNode = strip(e.prevNode);
  return `${JSON.stringify(o)}\n`;
}

function headers(m: Member, withRaft: boolean): [string, string][] {
  const h: [string, string][] = [
    ...CORS,
    ['Content-Type', 'application/json'],
    ['X-Etcd-Cluster-Id', hexId(m.clusterId)],
    ['X-Etcd-Index', String(m.v2.index)],
  ];
  if (withRaft) h.push(['X-Raft-Index', String(m.appliedIndex)], ['X-Raft-Term', String(m.term())]);
  return h;
}

function errorResp(m: Member, e: V2Error): HttpResponse {
  return { status: e.httpStatus(), headers: headers(m, false), body: e.json() };
}

export function v2keys(m: Member, req: HttpRequest, respond: (r: HttpResponse) => void): void {
  const path = KEYS + decodeURIComponent(req.path.slice('/v2/keys'.length) || '/');
  const p = req.query;
  try {
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (p.wait === 'true') {
        const since = p.waitIndex !== undefined ? Number(p.waitIndex) : undefined;
        const cancel = m.v2.watch(path, p.recursive === 'true', since, (e) => {
          respond({ status: 200, headers: headers(m, true), body: eventJson(e) });
        });
        void cancel;
        return;
      }
      const e = m.v2.get(path, p.recursive === 'true', p.sorted === 'true', m.scheduler.unixMs());
      return respond({ status: 200, headers: headers(m, true), body: eventJson(e) });
    }
    if (req.method !== 'PUT' && req.method !== 'POST' && req.method !== 'DELETE') {
      return respond({
        status: 405,
        headers: [['Allow', 'GET, HEAD, POST, PUT, DELETE']],
        body: 'Method Not Allowed\n',
      });
    }
    checkForm(req.method, p);
    m.v2Write({ method: req.method, path, params: { ...p } }, (o) => {
      if (o.ok) {
        const e = o.value;
        const created = e.action === 'create' || (e.action === 'set' && !e.prevNode);
        respond({ status: created ? 201 : 200, headers: headers(m, true), body: eventJson(e) });
      } else if (o.error instanceof V2Error) {
        const err = o.error as V2Error;
        respond(
          errorResp(
            m,
            new V2Error(
              err.errorCode,
              err.errCause.startsWith(KEYS) ? err.errCause.slice(KEYS.length) || '/' : err.errCause,
              err.index,
            ),
          ),
        );
      } else {
        // A write that never committed in time: etcd's v2 path says "request timed out" either way.
        const cause =
          o.error instanceof GrpcStatusError
            ? 'etcdserver: request timed out'
            : o.error instanceof Error
              ? o.error.message
              : String(o.error);
        respond({
          status: 500,
          headers: headers(m, false),
          body: `${JSON.stringify({ errorCode: 300, message: 'Raft Internal Error', cause, index: 0 })}\n`,
        });
      }
    });
  } catch (e) {
    if (!(e instanceof V2Error)) throw e;
    const cause = e.errCause.startsWith(KEYS) ? e.errCause.slice(KEYS.length) || '/' : e.errCause;
    respond(errorResp(m, new V2Error(e.errorCode, cause, e.index)));
  }
}

export function v2members(m: Member, respond: (r: HttpResponse) => void): void {
  const members = m.membership
    .list()
    .map((x) => ({ id: hexId(x.id), name: x.name, peerURLs: x.peerURLs, clientURLs: x.clientURLs }));
  respond({
    status: 200,
    headers: [...CORS, ['Content-Type', 'application/json'], ['X-Etcd-Cluster-Id', hexId(m.clusterId)]],
    body: `${JSON.stringify({ members })}\n`,
  });
}

export function v2machines(m: Member, respond: (r: HttpResponse) => void): void {
  respond({
    status: 200,
    headers: [['Content-Type', 'text/plain; charset=utf-8']],
    body: m.membership
      .list()
      .flatMap((x) => x.clientURLs)
      .join(', '),
  });
}

export function v2stats(m: Member, which: string, respond: (r: HttpResponse) => void): void {
  const json = (status: number, o: unknown) =>
    respond({ status, headers: [['Content-Type', 'application/json']], body: JSON.stringify(o) });
  const started = isoTime(m.scheduler.epochMs + m.startedAt);
  if (which === 'self') {
    const isLeader = m.isLeader();
    return json(200, {
      name: m.name,
      id: hexId(m.id),
      state: isLeader ? 'StateLeader' : 'StateFollower',
      startTime: started,
      leaderInfo: {
        leader: m.leader ? hexId(m.leader) : '',
        uptime: `${((m.scheduler.now() - m.startedAt) / 1000).toFixed(3)}s`,
        startTime: started,
      },
      recvAppendRequestCnt: 0,
      sendAppendRequestCnt: 0,
    });
  }
  if (which === 'leader') {
    if (!m.isLeader()) return json(403, { message: 'not current leader' });
    const followers: Record<string, unknown> = {};
    for (const x of m.membership.list()) {
      if (x.id === m.id) continue;
      followers[hexId(x.id)] = {
        latency: { current: 0, average: 0, standardDeviation: 0, minimum: 0, maximum: 0 },
        counts: { fail: 0, success: 0 },
      };
    }
    return json(200, { leader: hexId(m.id), followers });
  }
  if (which === 'store') {
    const s = m.v2.stats;
    return json(200, {
      getsSuccess: s.getsSuccess,
      getsFail: s.getsFail,
      setsSuccess: s.setsSuccess,
      setsFail: s.setsFail,
      deleteSuccess: s.deleteSuccess,
      deleteFail: s.deleteFail,
      updateSuccess: s.updateSuccess,
      updateFail: s.updateFail,
      createSuccess: s.createSuccess,
      createFail: s.createFail,
      compareAndSwapSuccess: s.compareAndSwapSuccess,
      compareAndSwapFail: s.compareAndSwapFail,
      compareAndDeleteSuccess: s.compareAndDeleteSuccess,
      compareAndDeleteFail: s.compareAndDeleteFail,
      expireCount: s.expireCount,
      watchers: s.watchers,
    });
  }
  respond({ status: 404, headers: [['Content-Type', 'text/plain; charset=utf-8']], body: '404 page not found\n' });
}
