// etcd's gRPC gateway: the v3 API as JSON over HTTP at /v3/... (and /v3beta/...), answered by
// the member the request reached, exactly as grpc-gateway renders it.

import type { Permission } from '../../auth/authStore.ts';
import { Base64Error, fromBase64 } from '../../base/bytes.ts';
import { EtcdError, GrpcCode, GrpcStatusError } from '../../base/errors.ts';
import type { Outcome } from '../../base/task.ts';
import {
  type Compare,
  CompareResult,
  CompareTarget,
  type DeleteRangeRequest,
  type HashKVResponse,
  type LeaseGrantResponse,
  type LeaseKeepAliveResponse,
  type LeaseLeasesResponse,
  type LeaseTimeToLiveResponse,
  type PutRequest,
  type RangeRequest,
  type RequestOp,
  type ResponseHeader,
  SortOrder,
  SortTarget,
  type TxnRequest,
  WatchFilterType,
} from '../../etcdserverpb.ts';
import type { Member } from '../../server/member.ts';
import { GoJsonError, parseGoJson } from './goJsonParse.ts';
import {
  b64,
  type GwValue,
  gwDelete,
  gwHeader,
  gwKv,
  gwMember,
  gwPut,
  gwRange,
  gwStringify,
  gwTxn,
  i64,
} from './gwJson.ts';
import type { HttpRequest, HttpResponse } from './types.ts';

export function jsonResponse(status: number, body: string): HttpResponse {
  return {
    status,
    headers: [
      ['Content-Type', 'application/json'],
      ['Grpc-Metadata-Content-Type', 'application/grpc'],
    ],
    body,
  };
}

export function textResponse(status: number, body: string): HttpResponse {
  return {
    status,
    headers: [
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['X-Content-Type-Options', 'nosniff'],
    ],
    body,
  };
}

/** grpc-gateway's HTTPStatusFromCode. */
function httpStatus(code: GrpcCode): number {
  const m: Partial<Record<GrpcCode, number>> = {
    [GrpcCode.OK]: 200,
    [GrpcCode.Canceled]: 408,
    [GrpcCode.Unknown]: 500,
    [GrpcCode.InvalidArgument]: 400,
    [GrpcCode.DeadlineExceeded]: 504,
    [GrpcCode.NotFound]: 404,
    [GrpcCode.AlreadyExists]: 409,
    [GrpcCode.PermissionDenied]: 403,
    [GrpcCode.Unauthenticated]: 401,
    [GrpcCode.ResourceExhausted]: 429,
    [GrpcCode.FailedPrecondition]: 400,
    [GrpcCode.Aborted]: 409,
    [GrpcCode.OutOfRange]: 400,
    [GrpcCode.Unimplemented]: 501,
    [GrpcCode.Internal]: 500,
    [GrpcCode.Unavailable]: 503,
    [GrpcCode.DataLoss]: 500,
  };
  return m[code] ?? 500;
}

function errorResponse(e: unknown): HttpResponse {
  let code = GrpcCode.Unknown;
  let msg = e instanceof Error ? e.message : String(e);
  if (e instanceof EtcdError) code = e.code;
  else if (e instanceof GrpcStatusError) {
    code = e.code;
    msg = e.desc;
  } else if (e instanceof GoJsonError || e instanceof Base64Error || e instanceof BadRequest)
    code = GrpcCode.InvalidArgument;
  return jsonResponse(httpStatus(code), gwStringify({ error: msg, message: msg, code }));
}

class BadRequest extends Error {}

type Obj = Record<string, unknown>;

/** A field by its proto name or its lowerCamelCase JSON name. */
function get(o: Obj, name: string): unknown {
  if (name in o) return o[name];
  const camel = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return o[camel];
}

function bytes(o: Obj, name: string): string | undefined {
  const v = get(o, name);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string')
    throw new BadRequest(
      `json: cannot unmarshal ${typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : Array.isArray(v) ? 'array' : 'object'} into Go value of type []uint8`,
    );
  return fromBase64(v);
}

function int(o: Obj, name: string): number {
  const v = get(o, name);
  if (v === undefined || v === null) return 0;
  const n = typeof v === 'string' ? Number(v) : (v as number);
  if (!Number.isFinite(n)) throw new BadRequest(`invalid value for int64 field ${name}`);
  return n;
}

function int64(o: Obj, name: string): bigint {
  const v = get(o, name);
  if (v === undefined || v === null) return 0n;
  try {
    return BigInt(typeof v === 'number' ? Math.trunc(v) : String(v));
  } catch {
    throw new BadRequest(`invalid value for int64 field ${name}`);
  }
}

function bool(o: Obj, name: string): boolean {
  return get(o, name) === true || get(o, name) === 'true';
}

function enumOf<T extends number>(o: Obj, name: string, names: Record<string, T>): T | undefined {
  const v = get(o, name);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v as T;
  if (typeof v === 'string' && v in names) return names[v];
  throw new BadRequest(`unknown value ${JSON.stringify(v)} for enum ${name}`);
}

function rangeReq(o: Obj): RangeRequest {
  return {
    key: bytes(o, 'key') ?? '',
    rangeEnd: bytes(o, 'range_end'),
    limit: int(o, 'limit'),
    revision: int(o, 'revision'),
    sortOrder: enumOf(o, 'sort_order', { NONE: SortOrder.NONE, ASCEND: SortOrder.ASCEND, DESCEND: SortOrder.DESCEND }),
    sortTarget: enumOf(o, 'sort_target', {
      KEY: SortTarget.KEY,
      VERSION: SortTarget.VERSION,
      CREATE: SortTarget.CREATE,
      MOD: SortTarget.MOD,
      VALUE: SortTarget.VALUE,
    }),
    serializable: bool(o, 'serializable'),
    keysOnly: bool(o, 'keys_only'),
    countOnly: bool(o, 'count_only'),
    minModRevision: int(o, 'min_mod_revision'),
    maxModRevision: int(o, 'max_mod_revision'),
    minCreateRevision: int(o, 'min_create_revision'),
    maxCreateRevision: int(o, 'max_create_revision'),
  };
}

function putReq(o: Obj): PutRequest {
  return {
    key: bytes(o, 'key') ?? '',
    value: bytes(o, 'value') ?? '',
    lease: int64(o, 'lease'),
    prevKv: bool(o, 'prev_kv'),
    ignoreValue: bool(o, 'ignore_value'),
    ignoreLease: bool(o, 'ignore_lease'),
  };
}

function deleteReq(o: Obj): DeleteRangeRequest {
  return { key: bytes(o, 'key') ?? '', rangeEnd: bytes(o, 'range_end'), prevKv: bool(o, 'prev_kv') };
}

function compareReq(o: Obj): Compare {
  return {
    result:
      enumOf(o, 'result', {
        EQUAL: CompareResult.EQUAL,
        GREATER: CompareResult.GREATER,
        LESS: CompareResult.LESS,
        NOT_EQUAL: CompareResult.NOT_EQUAL,
      }) ?? CompareResult.EQUAL,
    target:
      enumOf(o, 'target', {
        VERSION: CompareTarget.VERSION,
        CREATE: CompareTarget.CREATE,
        MOD: CompareTarget.MOD,
        VALUE: CompareTarget.VALUE,
        LEASE: CompareTarget.LEASE,
      }) ?? CompareTarget.VERSION,
    key: bytes(o, 'key') ?? '',
    rangeEnd: bytes(o, 'range_end'),
    version: int(o, 'version'),
    createRevision: int(o, 'create_revision'),
    modRevision: int(o, 'mod_revision'),
    value: bytes(o, 'value') ?? '',
    lease: int64(o, 'lease'),
  };
}

function requestOp(o: Obj): RequestOp {
  const r = get(o, 'request_range');
  if (r) return { requestRange: rangeReq(r as Obj) };
  const p = get(o, 'request_put');
  if (p) return { requestPut: putReq(p as Obj) };
  const d = get(o, 'request_delete_range');
  if (d) return { requestDeleteRange: deleteReq(d as Obj) };
  const t = get(o, 'request_txn');
  if (t) return { requestTxn: txnReq(t as Obj) };
  return { requestRange: { key: '' } };
}

function txnReq(o: Obj): TxnRequest {
  const list = (n: string) => (get(o, n) as Obj[] | undefined) ?? [];
  return {
    compare: list('compare').map(compareReq),
    success: list('success').map(requestOp),
    failure: list('failure').map(requestOp),
  };
}

type Handler = (m: Member, body: Obj, done: (o: Outcome<GwValue>) => void) => void;

const headerOnly = (r: { header: ResponseHeader }): GwValue => ({
  header: gwHeader(r.header),
});

/** A header and a list of names under `field`, left out when empty as the gateway does. */
const names =
  (field: string) =>
  (r: { header: ResponseHeader; names: string[] }): GwValue => ({
    header: gwHeader(r.header),
    [field]: r.names.length ? r.names : undefined,
  });

const map =
  <T>(f: (v: T) => GwValue) =>
  (done: (o: Outcome<GwValue>) => void) =>
  (o: Outcome<T>) =>
    done(o.ok ? { ok: true, value: f(o.value) } : o);

const ROUTES: Record<string, Handler> = {
  'kv/range': (m, b, done) => m.range(rangeReq(b), map(gwRange)(done)),
  'kv/put': (m, b, done) => m.put(putReq(b), map(gwPut)(done)),
  'kv/deleterange': (m, b, done) => m.deleteRange(deleteReq(b), map(gwDelete)(done)),
  'kv/txn': (m, b, done) => m.txn(txnReq(b), map(gwTxn)(done)),
  'kv/compaction': (m, b, done) =>
    m.compact({ revision: int(b, 'revision'), physical: bool(b, 'physical') }, map(headerOnly)(done)),
  'lease/grant': (m, b, done) =>
    m.leaseGrant(
      { TTL: int(b, 'TTL'), ID: int64(b, 'ID') },
      map((r: LeaseGrantResponse) => ({
        header: gwHeader(r.header),
        ID: i64(r.ID),
        TTL: i64(r.TTL),
        error: r.error || undefined,
      }))(done),
    ),
  'lease/revoke': (m, b, done) => m.leaseRevoke({ ID: int64(b, 'ID') }, map(headerOnly)(done)),
  'kv/lease/revoke': (m, b, done) => ROUTES['lease/revoke'](m, b, done),
  'lease/timetolive': (m, b, done) =>
    m.leaseTimeToLive(
      { ID: int64(b, 'ID'), keys: bool(b, 'keys') },
      map((r: LeaseTimeToLiveResponse) => ({
        header: gwHeader(r.header),
        ID: i64(r.ID),
        TTL: i64(r.TTL),
        grantedTTL: i64(r.grantedTTL),
        keys: r.keys.length ? r.keys.map((k) => b64(k) ?? '') : undefined,
      }))(done),
    ),
  'kv/lease/timetolive': (m, b, done) => ROUTES['lease/timetolive'](m, b, done),
  'lease/leases': (m, _b, done) =>
    m.leaseLeases(
      map((r: LeaseLeasesResponse) => ({
        header: gwHeader(r.header),
        leases: r.leases.length ? r.leases.map((l) => ({ ID: i64(l.ID) })) : undefined,
      }))(done),
    ),
  'kv/lease/leases': (m, b, done) => ROUTES['lease/leases'](m, b, done),
  'cluster/member/list': (m, _b, done) =>
    m.memberList(
      map((r: { header: ResponseHeader; members: import('../../server/membership.ts').MemberInfo[] }) => ({
        header: gwHeader({ ...r.header, revision: 0 }),
        members: r.members.map(gwMember),
      }))(done),
    ),
  'cluster/member/add': (m, b, done) =>
    m.memberAdd(
      ((get(b, 'peerURLs') ?? get(b, 'peer_u_r_ls')) as string[] | undefined) ?? [],
      bool(b, 'isLearner'),
      map(
        (r: {
          header: ResponseHeader;
          member: import('../../server/membership.ts').MemberInfo;
          members: import('../../server/membership.ts').MemberInfo[];
        }) => ({
          header: gwHeader({ ...r.header, revision: 0 }),
          member: gwMember(r.member),
          members: r.members.map(gwMember),
        }),
      )(done),
    ),
  'cluster/member/remove': (m, b, done) =>
    m.memberRemove(
      int64(b, 'ID'),
      map((r: { header: ResponseHeader; members: import('../../server/membership.ts').MemberInfo[] }) => ({
        header: gwHeader({ ...r.header, revision: 0 }),
        members: r.members.map(gwMember),
      }))(done),
    ),
  'maintenance/status': (m, _b, done) => {
    const s = m.status();
    done({
      ok: true,
      value: {
        header: gwHeader(s.header),
        version: s.version,
        dbSize: i64(s.dbSize),
        leader: i64(s.leader),
        raftIndex: i64(s.raftIndex),
        raftTerm: i64(s.raftTerm),
        raftAppliedIndex: i64(s.raftAppliedIndex),
        errors: s.errors.length ? s.errors : undefined,
        dbSizeInUse: i64(s.dbSizeInUse),
        isLearner: s.isLearner || undefined,
      },
    });
  },
  'lease/keepalive': (m, b, done) =>
    m.leaseKeepAlive(
      int64(b, 'ID'),
      map((r: LeaseKeepAliveResponse) => ({
        result: { header: gwHeader(r.header), ID: i64(r.ID), TTL: i64(r.TTL) },
      }))(done),
    ),
  'auth/authenticate': (m, b, done) => {
    const name = String(get(b, 'name') ?? '');
    m.authenticate(name, String(get(b, 'password') ?? ''), (o) =>
      done(o.ok ? { ok: true, value: { header: gwHeader(o.value.header), token: m.issueToken(name) } } : o),
    );
  },
  'auth/enable': (m, _b, done) => m.authChange('authEnable', [], map(headerOnly)(done)),
  'auth/disable': (m, _b, done) => m.authChange('authDisable', [], map(headerOnly)(done)),
  'auth/user/add': (m, b, done) =>
    m.authChange('userAdd', [String(get(b, 'name') ?? ''), String(get(b, 'password') ?? '')], map(headerOnly)(done)),
  'auth/user/delete': (m, b, done) => m.authChange('userDelete', [String(get(b, 'name') ?? '')], map(headerOnly)(done)),
  'auth/user/grant': (m, b, done) =>
    m.authChange('userGrantRole', [String(get(b, 'user') ?? ''), String(get(b, 'role') ?? '')], map(headerOnly)(done)),
  'auth/user/revoke': (m, b, done) =>
    m.authChange('userRevokeRole', [String(get(b, 'name') ?? ''), String(get(b, 'role') ?? '')], map(headerOnly)(done)),
  'auth/role/add': (m, b, done) => m.authChange('roleAdd', [String(get(b, 'name') ?? '')], map(headerOnly)(done)),
  'auth/role/delete': (m, b, done) => m.authChange('roleDelete', [String(get(b, 'role') ?? '')], map(headerOnly)(done)),
  'auth/role/grant': (m, b, done) => {
    const perm = (get(b, 'perm') as Obj | undefined) ?? {};
    const type = enumOf(perm, 'permType', { READ: 0, WRITE: 1, READWRITE: 2 }) ?? 0;
    m.authChange(
      'roleGrantPermission',
      [
        String(get(b, 'name') ?? ''),
        ['READ', 'WRITE', 'READWRITE'][type],
        bytes(perm, 'key') ?? '',
        bytes(perm, 'range_end') ?? '',
      ],
      map(headerOnly)(done),
    );
  },
  'auth/user/changepw': (m, b, done) =>
    m.authChange('userPasswd', [String(get(b, 'name') ?? ''), String(get(b, 'password') ?? '')], map(headerOnly)(done)),
  'auth/role/revoke': (m, b, done) =>
    m.authChange(
      'roleRevokePermission',
      [String(get(b, 'role') ?? ''), bytes(b, 'key') ?? '', bytes(b, 'range_end') ?? ''],
      map(headerOnly)(done),
    ),
  'auth/user/get': (m, b, done) => m.authQuery('userGet', String(get(b, 'name') ?? ''), map(names('roles'))(done)),
  'auth/user/list': (m, _b, done) => m.authQuery('userList', '', map(names('users'))(done)),
  'auth/role/list': (m, _b, done) => m.authQuery('roleList', '', map(names('roles'))(done)),
  'auth/role/get': (m, b, done) =>
    m.authQuery(
      'roleGet',
      String(get(b, 'role') ?? ''),
      map((r: { header: ResponseHeader; perms: Permission[] }) => ({
        header: gwHeader(r.header),
        perm: r.perms.length
          ? r.perms.map((p) => ({
              // READ is the enum's zero: the gateway leaves it out.
              permType: p.type === 'READ' ? undefined : p.type,
              key: b64(p.key),
              range_end: b64(p.rangeEnd),
            }))
          : undefined,
      }))(done),
    ),
  // No quota is ever exceeded in the simulation: no alarms, and an empty answer as etcd gives then.
  'maintenance/alarm': (_m, _b, done) => done({ ok: true, value: {} }),
  'maintenance/hash': (m, b, done) =>
    m.hashKV(
      int(b, 'revision'),
      map((r: HashKVResponse) => ({
        header: gwHeader(r.header),
        hash: i64(r.hash),
        compact_revision: i64(r.compactRevision),
      }))(done),
    ),
};

/** Answer a request under /v3/ or /v3beta/; `respond` gets the HTTP response. */
export function gateway(m: Member, req: HttpRequest, route: string, respond: (r: HttpResponse) => void): void {
  if (route === 'watch') return watch(m, req, respond);
  const handler = ROUTES[route];
  if (!handler) return respond(textResponse(404, 'Not Found\n'));
  if (req.method !== 'POST') return respond(textResponse(405, 'Method Not Allowed\n'));
  let body: Obj;
  try {
    const parsed = req.body.trim() === '' ? {} : parseGoJson(req.body);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new BadRequest(
        `json: cannot unmarshal ${Array.isArray(parsed) ? 'array' : typeof parsed} into Go value of type etcdserverpb.Request`,
      );
    }
    body = parsed as Obj;
    // With auth on, requests run as the user whose token is in the Authorization header.
    const token = req.headers.authorization;
    if (token && m.auth.enabled && route !== 'auth/authenticate' && !m.userOfToken(token)) {
      return respond(errorResponse(new EtcdError(GrpcCode.Unauthenticated, 'etcdserver: invalid auth token')));
    }
    const asUser = route === 'auth/authenticate' ? m : m.as(m.userOfToken(token));
    handler(asUser, body, (o) => respond(o.ok ? jsonResponse(200, gwStringify(o.value)) : errorResponse(o.error)));
  } catch (e) {
    respond(errorResponse(e));
  }
}

/** /v3/watch: a stream of JSON results, one per line, until the client goes away. */
function watch(m: Member, req: HttpRequest, respond: (r: HttpResponse) => void): void {
  let create: Obj;
  try {
    const body = parseGoJson(req.body) as Obj;
    create = (get(body, 'create_request') as Obj) ?? {};
  } catch (e) {
    return respond(errorResponse(e));
  }
  let key: string;
  let end: string | undefined;
  try {
    key = bytes(create, 'key') ?? '';
    end = bytes(create, 'range_end');
  } catch (e) {
    return respond(errorResponse(e));
  }
  const filters = ((get(create, 'filters') as string[] | undefined) ?? []).map((f) =>
    f === 'NODELETE' || (f as unknown) === 1 ? WatchFilterType.NODELETE : WatchFilterType.NOPUT,
  );
  respond({
    ...jsonResponse(200, ''),
    stream: (onChunk) => {
      const h = m.watch(
        { key, rangeEnd: end, startRevision: int(create, 'start_revision'), prevKv: bool(create, 'prev_kv'), filters },
        (r) => {
          const events = r.events.map((e) => ({
            type: e.type ? 'DELETE' : undefined,
            kv: gwKv(e.kv),
            prev_kv: e.prevKv ? gwKv(e.prevKv) : undefined,
          }));
          onChunk(
            gwStringify({
              result: {
                header: gwHeader(r.header),
                watch_id: i64(r.watchId),
                created: r.created || undefined,
                canceled: r.canceled || undefined,
                compact_revision: i64(r.compactRevision),
                events: events.length ? events : undefined,
              },
            }) + '\n',
          );
        },
      );
      return () => h.cancel();
    },
  });
}
