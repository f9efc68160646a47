// The v2 API of a member: /v2/keys (reads locally, writes through the log, ?wait=true long
// polls), /v2/members, /v2/stats/{self,leader,store} and /v2/machines, with etcd's headers.

import { Errors, GrpcStatusError } from '../../base/errors.ts';
import { goJsonText } from '../../base/goJsonText.ts';
import { hexId } from '../../base/ids.ts';
import { isoTime } from '../../base/time.ts';
import type { Member } from '../../server/member.ts';
import type { MemberInfo } from '../../server/membership.ts';
import { checkForm } from '../../v2store/apply.ts';
import { type NodeView, V2Error, type V2Event } from '../../v2store/store.ts';
import { GoJsonError, parseGoJson } from './goJsonParse.ts';
import type { HttpRequest, HttpResponse } from './types.ts';

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
  return `${goJsonText(o)}\n`;
}

function headers(m: Member, withRaft: boolean): [string, string][] {
  const h: [string, string][] = [
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
          body: `${goJsonText({ errorCode: 300, message: 'Raft Internal Error', cause, index: 0 })}\n`,
        });
      }
    });
  } catch (e) {
    if (!(e instanceof V2Error)) throw e;
    const cause = e.errCause.startsWith(KEYS) ? e.errCause.slice(KEYS.length) || '/' : e.errCause;
    respond(errorResp(m, new V2Error(e.errorCode, cause, e.index)));
  }
}

/** Go's name for a JSON value's kind, as encoding/json's "cannot unmarshal" errors give it. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v;
}

/** The body of a members request, checked as etcd checks it (json.Unmarshal, then types.NewURLs); a string is the error. */
function parsePeerURLs(body: string): string[] | string {
  let v: unknown;
  try {
    v = parseGoJson(body);
  } catch (e) {
    return e instanceof GoJsonError && e.message === 'unexpected EOF'
      ? 'unexpected end of JSON input'
      : (e as Error).message;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    return `json: cannot unmarshal ${jsonKind(v)} into Go value of type struct { PeerURLs []string "json:\\"peerURLs\\"" }`;
  const urls = (v as { peerURLs?: unknown }).peerURLs ?? [];
  if (!Array.isArray(urls))
    return `json: cannot unmarshal ${jsonKind(urls)} into Go struct field .peerURLs of type []string`;
  const bad = urls.find((u) => typeof u !== 'string');
  if (bad !== undefined) return `json: cannot unmarshal ${jsonKind(bad)} into Go struct field .peerURLs of type string`;
  if (urls.length === 0) return 'no valid URLs given';
  const out: string[] = [];
  for (const raw of urls as string[]) {
    const u = raw.trim();
    const m = /^([a-zA-Z][\w+.-]*):\/\/([^/?#]*)([^?#]*)/.exec(u);
    if (!m || !['http', 'https', 'unix', 'unixs'].includes(m[1]))
      return `URL scheme must be http, https, unix, or unixs: ${u}`;
    if (!/^(\[[^\]]*\]|[^:]*):\d*$/.test(m[2])) return `URL address does not have the form "host:port": ${u}`;
    if (m[3]) return `URL must not contain a path: ${u}`;
    out.push(u);
  }
  return out;
}

/** A member as /v2/members shows it. */
function v2Member(x: MemberInfo): string {
  return goJsonText({ id: hexId(x.id), name: x.name, peerURLs: x.peerURLs, clientURLs: x.clientURLs });
}

/**
 * /v2/members/leader and the members API's changes (POST, DELETE and PUT), with etcd's statuses:
 * 404 "No such member", 409 for a peer URL in use, 415 for a body that is not JSON, and a bare
 * 500 "Internal Server Error" for anything else, an unhealthy cluster included.
 */
export function v2membersChange(m: Member, req: HttpRequest, id: string, respond: (r: HttpResponse) => void): void {
  const base: [string, string][] = [['X-Etcd-Cluster-Id', hexId(m.clusterId)]];
  const json = (status: number, body: string) =>
    respond({ status, headers: [...base, ['Content-Type', 'application/json']], body: `${body}\n` });
  // Error bodies are written without json.Encoder's newline.
  const message = (status: number, text: string) =>
    respond({
      status,
      headers: [...base, ['Content-Type', 'application/json']],
      body: goJsonText({ message: text }),
    });
  const methodNotAllowed = (allow?: string) =>
    respond({
      status: 405,
      headers: [
        ...(allow ? ([['Allow', allow]] as [string, string][]) : []),
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['X-Content-Type-Options', 'nosniff'],
      ],
      body: 'Method Not Allowed\n',
    });
  if (!['GET', 'POST', 'DELETE', 'PUT'].includes(req.method)) return methodNotAllowed('GET,POST,DELETE,PUT');
  if (req.method === 'GET') {
    if (id !== 'leader') return message(404, 'Not found');
    const leader = m.leader ? m.membership.members.get(m.leader) : undefined;
    return leader ? json(200, v2Member(leader)) : message(503, 'During election');
  }
  const fail = (e: unknown) => {
    const text = e instanceof Error ? e.message : '';
    if (text === Errors.memberNotFound().message) return message(404, `No such member: ${id}`);
    if (text === Errors.peerURLExist().message) return message(409, 'membership: peerURL exists');
    message(500, 'Internal Server Error');
  };
  let peerURLs: string[] = [];
  if (req.method !== 'DELETE') {
    if (req.method === 'PUT' && !id) return methodNotAllowed();
    const ctype = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (ctype !== 'application/json') return message(415, `Bad Content-Type ${ctype}, accept application/json`);
    const parsed = parsePeerURLs(req.body);
    if (typeof parsed === 'string') return message(400, parsed);
    peerURLs = parsed;
  }
  if (req.method === 'POST') {
    if (id) return methodNotAllowed('GET,POST,DELETE,PUT');
    return m.memberAdd(peerURLs, false, (o) => (o.ok ? json(201, v2Member(o.value.member)) : fail(o.error)));
  }
  if (!id) return methodNotAllowed();
  let memberId: bigint;
  try {
    memberId = BigInt(`0x${id}`);
  } catch {
    return message(404, `No such member: ${id}`);
  }
  if (m.membership.removed.has(memberId)) return message(410, `Member permanently removed: ${id}`);
  const done = (o: { ok: boolean; error?: unknown }) =>
    o.ok ? respond({ status: 204, headers: base, body: '' }) : fail(o.error);
  if (req.method === 'DELETE') return m.memberRemove(memberId, done);
  m.memberUpdate(memberId, peerURLs, done);
}

export function v2members(m: Member, respond: (r: HttpResponse) => void): void {
  const members = m.membership
    .list()
    .map((x) => ({ id: hexId(x.id), name: x.name, peerURLs: x.peerURLs, clientURLs: x.clientURLs }));
  respond({
    status: 200,
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Etcd-Cluster-Id', hexId(m.clusterId)],
    ],
    body: `${goJsonText({ members })}\n`,
  });
}

export function v2machines(m: Member, respond: (r: HttpResponse) => void): void {
  respond({
    status: 200,
    headers: [],
    body: m.membership
      .list()
      .flatMap((x) => x.clientURLs)
      .join(', '),
    sniffedType: 'text/plain; charset=utf-8',
  });
}

export function v2stats(m: Member, which: string, respond: (r: HttpResponse) => void): void {
  const json = (status: number, o: unknown) =>
    respond({ status, headers: [['Content-Type', 'application/json']], body: goJsonText(o) });
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
