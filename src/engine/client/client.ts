// A clientv3-like client: the KV, Lease, Watch and Maintenance calls etcdctl is built on. It
// picks a reachable endpoint per call (round robin, like the gRPC balancer), fails over when one
// is down, and gives up when the command timeout passes: "context deadline exceeded".
import type { Permission } from '../auth/authStore.ts';
import { EtcdError, type GrpcCode } from '../base/errors.ts';
import type { Prng } from '../base/prng.ts';
import type { Scheduler } from '../base/scheduler.ts';
import { suspend, type Task } from '../base/task.ts';
import type {
  CompactionRequest,
  DeleteRangeRequest,
  DeleteRangeResponse,
  HashKVResponse,
  LeaseGrantResponse,
  LeaseKeepAliveResponse,
  LeaseLeasesResponse,
  LeaseTimeToLiveResponse,
  PutRequest,
  PutResponse,
  RangeRequest,
  RangeResponse,
  ResponseHeader,
  StatusResponse,
  TxnRequest,
  TxnResponse,
  WatchCreateRequest,
  WatchResponse,
} from '../etcdserverpb.ts';
import type { Member, Reply } from '../server/member.ts';
import type { MemberInfo } from '../server/membership.ts';
import type { Connection } from '../sim/world.ts';
import type { WatchRegistry } from './watchRegistry.ts';

export interface ClientEnv {
  readonly scheduler: Scheduler;
  dial(endpoint: string): Connection | undefined;
  /** Where the client's watches are listed for the UI, and who opened them (a terminal). */
  readonly watches?: WatchRegistry;
  readonly owner?: string;
}

export interface ClientConfig {
  endpoints: string[];
  dialTimeoutMs: number;
  commandTimeoutMs: number;
  /** --user name:password: the client authenticates before its first request. */
  credentials?: { user: string; password: string };
}

/** The credentials were refused: etcdctl exits with its bad-connection code (2). */
export class AuthenticationFailed extends EtcdError {}

/** The client's own deadline passed (gRPC's context.DeadlineExceeded). */
export class DeadlineExceeded extends Error {
  constructor() {
    super('context deadline exceeded');
  }
}

/** How often a watch or a call without a live endpoint tries again. */
const RETRY_MS = 100;

export interface WatchSubscription {
  cancel(): void;
}

export class Client {
  private rr: number;

  constructor(
    private readonly env: ClientEnv,
    readonly config: ClientConfig,
    rng: Prng,
  ) {
    this.rr = rng.int(0, Math.max(0, config.endpoints.length - 1));
  }

  /** The next reachable endpoint, round robin. */
  private pick(): Connection | undefined {
    const eps = this.config.endpoints;
    for (let i = 0; i < eps.length; i++) {
      const ep = eps[(this.rr + i) % eps.length];
      const c = this.env.dial(ep);
      if (c) {
        this.rr = (this.rr + i + 1) % eps.length;
        return c;
      }
    }
    return undefined;
  }

  /**
   * One unary call: send to a reachable member, deliver its answer back; retry while nothing is
   * reachable; fail with DeadlineExceeded when the command timeout passes first.
   */
  /** The user requests run as, once authenticated (undefined: anonymous, or auth is off). */
  private user: string | undefined;
  private authenticated = false;

  *unary<T>(call: (m: Member, reply: Reply<T>) => void, conn?: () => Connection | undefined): Task<T> {
    const cred = this.config.credentials;
    if (cred && !this.authenticated) {
      try {
        yield* this.rawUnary<{ header: ResponseHeader }>((m, reply) => m.authenticate(cred.user, cred.password, reply));
        this.user = cred.user;
      } catch (e) {
        // With auth off, etcd says so and the client goes on without a token.
        if (!(e instanceof EtcdError && /authentication is not enabled/.test(e.message))) {
          throw e instanceof EtcdError ? new AuthenticationFailed(e.code, e.message) : e;
        }
      }
      this.authenticated = true;
    }
    return yield* this.rawUnary<T>((m, reply) => call(m.as(this.user), reply), conn);
  }

  private rawUnary<T>(call: (m: Member, reply: Reply<T>) => void, conn?: () => Connection | undefined): Task<T> {
    const s = this.env.scheduler;
    return suspend<T>((resume) => {
      let done = false;
      let retry: ReturnType<Scheduler['after']> | undefined;
      const deadline = s.after(this.config.commandTimeoutMs, 'client: command timeout', () => {
        if (done) return;
        done = true;
        s.cancel(retry);
        resume({ ok: false, error: new DeadlineExceeded() });
      });
      const attempt = () => {
        if (done) return;
        const c = conn ? conn() : this.pick();
        if (!c) {
          retry = s.after(RETRY_MS, 'client: retry dial', attempt);
          return;
        }
        c.send((m) =>
          call(m, (o) =>
            c.receive(() => {
              if (done) return;
              done = true;
              s.cancel(deadline);
              resume(o);
            }),
          ),
        );
      };
      attempt();
      return () => {
        done = true;
        s.cancel(deadline);
        s.cancel(retry);
      };
    });
  }

  get(r: RangeRequest): Task<RangeResponse> {
    return this.unary((m, reply) => m.range(r, reply));
  }

  put(p: PutRequest): Task<PutResponse> {
    return this.unary((m, reply) => m.put(p, reply));
  }

  delete(d: DeleteRangeRequest): Task<DeleteRangeResponse> {
    return this.unary((m, reply) => m.deleteRange(d, reply));
  }

  txn(t: TxnRequest): Task<TxnResponse> {
    return this.unary((m, reply) => m.txn(t, reply));
  }

  compact(c: CompactionRequest): Task<{ header: ResponseHeader }> {
    return this.unary((m, reply) => m.compact(c, reply));
  }

  leaseGrant(ttl: number, id = 0n): Task<LeaseGrantResponse> {
    return this.unary((m, reply) => m.leaseGrant({ TTL: ttl, ID: id }, reply));
  }

  leaseRevoke(id: bigint): Task<{ header: ResponseHeader }> {
    return this.unary((m, reply) => m.leaseRevoke({ ID: id }, reply));
  }

  leaseKeepAliveOnce(id: bigint): Task<LeaseKeepAliveResponse> {
    return this.unary((m, reply) => m.leaseKeepAlive(id, reply));
  }

  leaseTimeToLive(id: bigint, keys: boolean): Task<LeaseTimeToLiveResponse> {
    return this.unary((m, reply) => m.leaseTimeToLive({ ID: id, keys }, reply));
  }

  leaseLeases(): Task<LeaseLeasesResponse> {
    return this.unary((m, reply) => m.leaseLeases(reply));
  }

  hashKV(endpoint: string, rev: number): Task<HashKVResponse> {
    return this.unary(
      (m, reply) => m.hashKV(rev, reply),
      () => this.env.dial(endpoint),
    );
  }

  /** A call to one given endpoint (endpoint status, hashkv, defrag, move-leader). */
  at<T>(endpoint: string, call: (m: Member, reply: Reply<T>) => void): Task<T> {
    return this.unary(call, () => this.env.dial(endpoint));
  }

  memberList(): Task<{ header: ResponseHeader; members: MemberInfo[] }> {
    return this.unary((m, reply) => m.memberList(reply));
  }

  memberAdd(
    peerURLs: string[],
    isLearner: boolean,
  ): Task<{ header: ResponseHeader; member: MemberInfo; members: MemberInfo[] }> {
    return this.unary((m, reply) => m.memberAdd(peerURLs, isLearner, reply));
  }

  memberRemove(id: bigint): Task<{ header: ResponseHeader; members: MemberInfo[] }> {
    return this.unary((m, reply) => m.memberRemove(id, reply));
  }

  memberUpdate(id: bigint, peerURLs: string[]): Task<{ header: ResponseHeader; members: MemberInfo[] }> {
    return this.unary((m, reply) => m.memberUpdate(id, peerURLs, reply));
  }

  memberPromote(id: bigint): Task<{ header: ResponseHeader; members: MemberInfo[] }> {
    return this.unary((m, reply) => m.memberPromote(id, reply));
  }

  authChange(op: string, args: string[]): Task<{ header: ResponseHeader }> {
    return this.unary((m, reply) => m.authChange(op, args, reply));
  }

  /** user get / list, role get / list, answered by the member asked. */
  authQuery(
    op: 'userGet' | 'userList' | 'roleGet' | 'roleList',
    name = '',
  ): Task<{ header: ResponseHeader; names: string[]; perms: Permission[] }> {
    return this.unary((m, reply) => m.authQuery(op, name, reply));
  }

  status(endpoint: string): Task<StatusResponse> {
    return this.at(endpoint, (m, reply) => reply({ ok: true, value: m.status() }));
  }

  /**
   * Open a watch. Responses arrive through `onResponse` until `cancel()`. Like clientv3, a watch
   * whose member goes away is re-established on another endpoint from the next revision it has
   * not seen, so no event is lost or repeated.
   */
  watch(req: WatchCreateRequest, onResponse: (r: WatchResponse) => void): WatchSubscription {
    const s = this.env.scheduler;
    let cancelled = false;
    let nextRev = req.startRevision ?? 0;
    let handle: { cancel(): void } | undefined;
    const rec = this.env.watches?.open(this.env.owner ?? '', req, s.now());
    const open = () => {
      if (cancelled) return;
      const c = this.pick();
      if (!c) {
        s.after(RETRY_MS, 'client: watch retry', open);
        return;
      }
      c.send(
        (m) => {
          if (cancelled) return;
          handle = m.watch(
            { ...req, startRevision: nextRev },
            (resp) =>
              c.receive(() => {
                if (cancelled) return;
                if (resp.events.length) nextRev = resp.events[resp.events.length - 1].kv.modRevision + 1;
                else if (!resp.created && resp.header.revision >= nextRev) nextRev = resp.header.revision + 1;
                if (resp.created && nextRev === 0) nextRev = resp.header.revision + 1;
                if (rec) this.env.watches?.delivered(rec, resp);
                onResponse(resp);
              }),
            // The stream broke (the member stopped): try again, from the next revision not seen.
            () => {
              if (!cancelled) s.after(RETRY_MS, 'client: watch reconnect', open);
            },
          );
        },
        () => {
          // The member went away before the stream was set up.
          if (!cancelled) s.after(RETRY_MS, 'client: watch reconnect', open);
        },
      );
    };
    open();
    return {
      cancel: () => {
        cancelled = true;
        handle?.cancel();
        if (rec) this.env.watches?.close(rec, s.now());
      },
    };
  }
}

/** The message etcdctl prints for an error from a call. */
export function errorText(e: unknown): string {
  if (e instanceof EtcdError || e instanceof DeadlineExceeded) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

export function isServerError(e: unknown, code?: GrpcCode): e is EtcdError {
  return e instanceof EtcdError && (code === undefined || e.code === code);
}
