// etcdctl with ETCDCTL_API=2: the v2 client over each member's /v2 HTTP API — set, get, mk,
// mkdir, setdir, update, updatedir, rm, rmdir, ls, watch, member list/add/remove, cluster-health,
// with its output modes (simple, json, extended) and its errors and exit codes.

import { suspend, type Task } from '../../base/task.ts';
import type { HttpRequest, HttpResponse } from '../http/types.ts';
import type { ProcCtx } from '../shell/process.ts';
import { ETCDCTL_VERSION } from './spec.ts';
import v2help from './v2help.json' with { type: 'json' };

class V2Exit extends Error {
  constructor(
    readonly code: number,
    readonly text: string,
  ) {
    super(text);
  }
}

interface V2Node {
  key?: string;
  dir?: boolean;
  value?: string;
  nodes?: V2Node[];
  createdIndex?: number;
  modifiedIndex?: number;
  expiration?: string;
  ttl?: number;
}

function hostport(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
}

function* request(
  ctx: ProcCtx,
  endpoint: string,
  req: Omit<HttpRequest, 'headers'> & { headers?: Record<string, string> },
): Task<HttpResponse | undefined> {
  return yield* suspend<HttpResponse | undefined>((resume) => {
    const ok = ctx.world.http(hostport(endpoint), { headers: {}, ...req }, (r) => resume({ ok: true, value: r }));
    if (!ok) resume({ ok: true, value: undefined });
    return undefined;
  });
}

/** Try each endpoint in turn, as the v2 client does; all refused: etcd's "cluster is unavailable". */
function* call(ctx: ProcCtx, endpoints: string[], req: Omit<HttpRequest, 'headers'>): Task<HttpResponse> {
  const errors: string[] = [];
  for (const ep of endpoints) {
    const r = yield* request(ctx, ep, req);
    if (r) return r;
    errors.push(`error #${errors.length}: dial tcp ${hostport(ep)}: connect: connection refused`);
  }
  throw new V2Exit(2, `Error:  ${clusterError(errors)}\n${errors.map((e) => `${e}\n`).join('')}\n`);
}

/** The v2 client's ClusterError text: each endpoint's failure on its own line. */
function clusterError(errors: string[]): string {
  return `client: etcd cluster is unavailable or misconfigured${errors.map((e) => `; ${e}\n`).join('')}`;
}

/**
 * A members API change, as the v2 client sends it: to each of the cluster's client URLs in turn
 * (it has synced them first); a 5xx reply means "has no leader" there and the next one is tried.
 */
function* changeMembers(ctx: ProcCtx, endpoints: string[], req: Omit<HttpRequest, 'headers'>): Task<HttpResponse> {
  const synced = (yield* listMembers(ctx, endpoints)).flatMap((m) => m.clientURLs);
  const errors: string[] = [];
  for (const ep of synced) {
    const r = yield* request(ctx, ep, { ...req, headers: { 'content-type': 'application/json' } });
    const failure = !r
      ? `dial tcp ${hostport(ep)}: connect: connection refused`
      : r.status >= 500
        ? `client: etcd member ${ep} has no leader`
        : undefined;
    if (r && !failure) {
      if (r.status >= 400) throw new V2Exit(1, `${(JSON.parse(r.body) as { message: string }).message}\n`);
      return r;
    }
    errors.push(`error #${errors.length}: ${failure}`);
  }
  throw new V2Exit(1, `${clusterError(errors)}\n`);
}

type V2Member = { id: string; name: string; peerURLs: string[]; clientURLs: string[] };

function* listMembers(ctx: ProcCtx, endpoints: string[]): Task<V2Member[]> {
  const r = yield* call(ctx, endpoints, { method: 'GET', path: '/v2/members', query: {}, body: '' });
  return (JSON.parse(r.body) as { members: V2Member[] }).members;
}

function nodeJson(n: V2Node | undefined): string {
  if (!n) return 'null';
  const parts = [`"key":${JSON.stringify(n.key ?? '')}`];
  if (n.dir) parts.push('"dir":true');
  if (n.value !== undefined) parts.push(`"value":${JSON.stringify(n.value)}`);
  parts.push(`"nodes":${n.nodes ? `[${n.nodes.map(nodeJson).join(',')}]` : 'null'}`);
  parts.push(`"createdIndex":${n.createdIndex ?? 0}`, `"modifiedIndex":${n.modifiedIndex ?? 0}`);
  if (n.expiration) parts.push(`"expiration":${JSON.stringify(n.expiration)}`);
  if (n.ttl) parts.push(`"ttl":${n.ttl}`);
  return `{${parts.join(',')}}`;
}

/** The help screens of etcdctl's v2 mode, recorded from etcdctl 3.4.23 by tools/extract-etcdctl-v2-help.py. */
const HELP = v2help as Record<string, string>;

/** A command's flags, read from the OPTIONS of its help screen: name → whether it takes a value. */
function optionsOf(screen: string): Map<string, boolean> {
  const opts = new Map<string, boolean>([
    ['help', false],
    ['h', false],
  ]);
  const section = screen.split('OPTIONS:\n')[1] ?? '';
  for (const line of section.split('\n')) {
    const m = /^ {3}(-\S+(?: value)?(?:, -\S+(?: value)?)*)(?: {2,}|$)/.exec(line);
    if (!m) continue;
    for (const f of m[1].split(', ')) opts.set(f.replace(/^-+/, '').replace(/ value$/, ''), f.endsWith(' value'));
  }
  return opts;
}

/**
 * Help and usage, before a command runs: `--help`, `help CMD`, unknown commands (exit 3) and
 * unknown flags before the first argument (exit 1), as urfave/cli answers in etcdctl v2.
 * Returns an exit status when it has answered.
 */
function helpOrUsage(ctx: ProcCtx, cmd: string | undefined, rest: string[]): number | undefined {
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || ((cmd === 'help' || cmd === 'h') && !rest.length)) {
    ctx.stdout(HELP['']);
    return 0;
  }
  const topic = cmd === 'help' || cmd === 'h' ? rest[0] : cmd;
  const args = cmd === 'help' || cmd === 'h' ? rest.slice(1) : rest;
  if (!(topic in HELP)) {
    ctx.stderr(`No help topic for '${topic}'\n`);
    return 3;
  }
  const hasSubs = Object.keys(HELP).some((k) => k.startsWith(`${topic} `));
  const sub = hasSubs && args[0] && !args[0].startsWith('-') ? args[0] : undefined;
  if (sub !== undefined && !(`${topic} ${sub}` in HELP)) {
    ctx.stderr(`No help topic for '${sub}'\n`);
    return 3;
  }
  const key = sub !== undefined ? `${topic} ${sub}` : topic;
  const own = sub !== undefined ? args.slice(1) : args;
  if (cmd === 'help' || cmd === 'h' || (hasSubs && sub === undefined && !own.some((a) => a.startsWith('-')))) {
    ctx.stdout(HELP[key]);
    return 0;
  }
  const opts = optionsOf(HELP[key]);
  for (let i = 0; i < own.length; i++) {
    const a = own[i];
    if (a === '--' || !a.startsWith('-') || a === '-') break; // flags end at the first argument
    const name = a.replace(/^-+/, '').replace(/=.*$/, '');
    if (name === 'help' || name === 'h') {
      ctx.stdout(HELP[key]);
      return 0;
    }
    if (!opts.has(name)) {
      // urfave/cli words it with a period for a command that has subcommands.
      ctx.stdout(
        `Incorrect Usage${hasSubs && sub === undefined ? '.' : ':'} flag provided but not defined: -${name}\n\n${HELP[key]}`,
      );
      ctx.stderr(`flag provided but not defined: -${name}\n`);
      return 1;
    }
    if (opts.get(name) && !a.includes('=')) i++;
  }
  return undefined;
}

export function* etcdctlV2(ctx: ProcCtx): Task<number> {
  const args = ctx.argv.slice(1);
  let endpoints = (ctx.env.ETCDCTL_ENDPOINTS ?? 'http://127.0.0.1:2379,http://127.0.0.1:4001').split(',');
  let output = ctx.env.ETCDCTL_OUTPUT ?? 'simple';
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++; // the end of the global flags: the command comes next
      break;
    }
    const m = /^--?([\w-]+)(?:=(.*))?$/.exec(a);
    if (
      !m ||
      !['endpoints', 'endpoint', 'output', 'o', 'version', 'v', 'debug', 'no-sync', 'peers', 'C'].includes(m[1])
    )
      break;
    const val = () => m[2] ?? args[++i];
    if (m[1] === 'version' || m[1] === 'v') {
      ctx.stdout(`etcdctl version: ${ETCDCTL_VERSION}\nAPI version: 2\n`);
      return 0;
    }
    if (m[1] === 'endpoints' || m[1] === 'endpoint' || m[1] === 'peers' || m[1] === 'C')
      endpoints = String(val()).split(',');
    else if (m[1] === 'output' || m[1] === 'o') output = String(val());
  }
  const [cmd, ...rest] = args.slice(i);
  const flags = new Set(rest.filter((a) => a.startsWith('-')).map((a) => a.replace(/^--?/, '').replace(/=.*$/, '')));
  const flagVal = (name: string) => {
    const at = rest.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (at < 0) return undefined;
    return rest[at].includes('=') ? rest[at].slice(rest[at].indexOf('=') + 1) : rest[at + 1];
  };
  const positional = rest.filter(
    (a, k) =>
      !a.startsWith('-') && !(k > 0 && /^--(ttl|swap-with-value|swap-with-index|after-index)$/.test(rest[k - 1])),
  );
  try {
    for (const ep of endpoints) {
      if (!/^[a-z]+:\/\//.test(ep) && /^[^/]*:/.test(ep)) {
        throw new V2Exit(1, `parse ${JSON.stringify(ep)}: first path segment in URL cannot contain colon\n`);
      }
    }
    const key = (k: string | undefined) => {
      if (!k) throw new V2Exit(1, 'Error:  key required\n');
      return k.startsWith('/') ? k : `/${k}`;
    };
    const keyPath = (k: string) => `/v2/keys${k.split('/').map(encodeURIComponent).join('/')}`;
    const fail = (r: HttpResponse): never => {
      const e = JSON.parse(r.body) as { errorCode: number; message: string; cause: string; index: number };
      throw new V2Exit(4, `Error:  ${e.errorCode}: ${e.message} (${e.cause}) [${e.index}]\n`);
    };
    const write = function* (method: 'PUT' | 'POST' | 'DELETE', k: string, params: Record<string, string>) {
      const r = yield* call(ctx, endpoints, { method, path: keyPath(k), query: params, body: '' });
      if (r.status >= 400) fail(r);
      return { r, body: JSON.parse(r.body) as { action: string; node: V2Node; prevNode?: V2Node } };
    };
    const index = (r: HttpResponse) => r.headers.find(([h]) => h === 'X-Etcd-Index')?.[1] ?? '0';
    const show = (r: HttpResponse, b: { action: string; node: V2Node; prevNode?: V2Node }, printValue: boolean) => {
      if (output === 'json')
        ctx.stdout(
          `{"action":${JSON.stringify(b.action)},"node":${nodeJson(b.node)},"prevNode":${nodeJson(b.prevNode)}}\n`,
        );
      else if (output === 'extended') {
        const n = b.node;
        ctx.stdout(
          `Key: ${n.key}\nCreated-Index: ${n.createdIndex}\nModified-Index: ${n.modifiedIndex}\nTTL: ${n.ttl ?? 0}\nIndex: ${index(r)}\n\n${n.value ?? ''}\n`,
        );
      } else if (printValue) ctx.stdout(`${b.node.value ?? ''}\n`);
    };
    const answered = helpOrUsage(ctx, cmd, rest);
    if (answered !== undefined) return answered;
    const ttl = flagVal('ttl');
    const withTtl = (p: Record<string, string>) => (ttl !== undefined ? { ...p, ttl } : p);
    switch (cmd) {
      case 'set': {
        const k = key(positional[0]);
        if (positional.length < 2) throw new V2Exit(1, 'Error:  value required\n');
        const p: Record<string, string> = withTtl({ value: positional[1] });
        if (flagVal('swap-with-value') !== undefined) p.prevValue = flagVal('swap-with-value')!;
        if (flagVal('swap-with-index') !== undefined) p.prevIndex = flagVal('swap-with-index')!;
        const { r, body } = yield* write('PUT', k, p);
        show(r, body, true);
        return 0;
      }
      case 'mk': {
        const k = key(positional[0]);
        const { r, body } = yield* write(
          flags.has('in-order') ? 'POST' : 'PUT',
          k,
          withTtl(
            flags.has('in-order') ? { value: positional[1] ?? '' } : { value: positional[1] ?? '', prevExist: 'false' },
          ),
        );
        show(r, body, true);
        return 0;
      }
      case 'update': {
        const { r, body } = yield* write(
          'PUT',
          key(positional[0]),
          withTtl({ value: positional[1] ?? '', prevExist: 'true' }),
        );
        show(r, body, true);
        return 0;
      }
      case 'mkdir': {
        const { r, body } = yield* write('PUT', key(positional[0]), withTtl({ dir: 'true', prevExist: 'false' }));
        show(r, body, false);
        return 0;
      }
      case 'setdir': {
        const { r, body } = yield* write('PUT', key(positional[0]), withTtl({ dir: 'true' }));
        show(r, body, false);
        return 0;
      }
      case 'updatedir': {
        const { r, body } = yield* write('PUT', key(positional[0]), withTtl({ dir: 'true', prevExist: 'true' }));
        show(r, body, false);
        return 0;
      }
      case 'rm': {
        const p: Record<string, string> = {};
        if (flags.has('dir')) p.dir = 'true';
        if (flags.has('recursive') || flags.has('r')) p.recursive = 'true';
        if (flagVal('with-value') !== undefined) p.prevValue = flagVal('with-value')!;
        if (flagVal('with-index') !== undefined) p.prevIndex = flagVal('with-index')!;
        const { r, body } = yield* write('DELETE', key(positional[0]), p);
        if (output !== 'simple') show(r, body, false);
        else if (body.prevNode?.value !== undefined) ctx.stdout(`PrevNode.Value: ${body.prevNode.value}\n`);
        return 0;
      }
      case 'rmdir': {
        const { r, body } = yield* write('DELETE', key(positional[0]), { dir: 'true' });
        if (output !== 'simple') show(r, body, false);
        return 0;
      }
      case 'get': {
        const k = key(positional[0]);
        const r = yield* call(ctx, endpoints, {
          method: 'GET',
          path: keyPath(k),
          query: flags.has('quorum') ? { quorum: 'true' } : {},
          body: '',
        });
        if (r.status >= 400) fail(r);
        const body = JSON.parse(r.body) as { action: string; node: V2Node };
        if (body.node.dir && output === 'simple') throw new V2Exit(1, `${body.node.key}: is a directory\n`);
        show(r, body, true);
        return 0;
      }
      case 'ls': {
        const k = positional[0] ? key(positional[0]) : '/';
        const q: Record<string, string> = {};
        if (flags.has('recursive') || flags.has('r')) q.recursive = 'true';
        if (flags.has('sort')) q.sorted = 'true';
        const r = yield* call(ctx, endpoints, {
          method: 'GET',
          path: keyPath(k === '/' ? '' : k) || '/v2/keys/',
          query: q,
          body: '',
        });
        if (r.status >= 400) fail(r);
        const body = JSON.parse(r.body) as { action: string; node: V2Node };
        if (output === 'json') {
          ctx.stdout(`{"action":"get","node":${nodeJson(body.node)},"prevNode":null}\n`);
          return 0;
        }
        const walk = (n: V2Node) => {
          for (const c of n.nodes ?? []) {
            ctx.stdout(`${c.key}${c.dir && flags.has('p') ? '/' : ''}\n`);
            if (c.dir) walk(c);
          }
        };
        if (!body.node.dir) ctx.stdout(`${body.node.key}\n`);
        else walk(body.node);
        return 0;
      }
      case 'watch': {
        const k = key(positional[0]);
        const forever = flags.has('forever') || flags.has('f');
        let after = flagVal('after-index');
        for (;;) {
          const q: Record<string, string> = { wait: 'true' };
          if (flags.has('recursive') || flags.has('r')) q.recursive = 'true';
          if (after !== undefined) q.waitIndex = String(Number(after) + 1);
          const r = yield* call(ctx, endpoints, { method: 'GET', path: keyPath(k), query: q, body: '' });
          if (r.status >= 400) fail(r);
          const body = JSON.parse(r.body) as { action: string; node: V2Node; prevNode?: V2Node };
          if (output === 'simple' && (flags.has('recursive') || flags.has('r')))
            ctx.stdout(`[${body.action}] ${body.node.key}\n`);
          show(r, body, true);
          if (!forever) return 0;
          after = String(body.node.modifiedIndex);
        }
      }
      case 'exec-watch': {
        // The command comes after `--`; without one, etcdctl takes the last argument as the key.
        const sep = rest.indexOf('--');
        const head = sep >= 0 ? rest.slice(0, sep) : rest;
        const words = head.filter((a, k) => !a.startsWith('-') && !(k > 0 && head[k - 1] === '--after-index'));
        const [k, command] =
          sep > 0 && words.length ? [words[0], rest.slice(sep + 1)] : [words[words.length - 1], words.slice(0, -1)];
        if (!k || command.length === 0) throw new V2Exit(1, 'Error:  key and command to exec required\n');
        let after = flagVal('after-index');
        for (;;) {
          const q: Record<string, string> = { wait: 'true' };
          if (flags.has('recursive') || flags.has('r')) q.recursive = 'true';
          if (after !== undefined && after !== '0') q.waitIndex = String(Number(after) + 1);
          const r = yield* call(ctx, endpoints, { method: 'GET', path: keyPath(key(k)), query: q, body: '' });
          if (r.status >= 400) fail(r);
          const body = JSON.parse(r.body) as { action: string; node: V2Node };
          after = String(body.node.modifiedIndex);
          if (body.node.dir) {
            ctx.stderr(`Ignored dir ${body.node.key} change\n`);
            continue;
          }
          yield* ctx.run(command, {
            ...ctx.env,
            ETCD_WATCH_ACTION: body.action,
            ETCD_WATCH_MODIFIED_INDEX: String(body.node.modifiedIndex),
            ETCD_WATCH_KEY: body.node.key ?? '',
            ETCD_WATCH_VALUE: body.node.value ?? '',
          });
        }
      }
      case 'member': {
        const sub = positional[0];
        if (sub === 'list') {
          const members = yield* listMembers(ctx, endpoints);
          let leader = '';
          for (const mm of members) {
            for (const u of mm.clientURLs) {
              const s = yield* request(ctx, u, { method: 'GET', path: '/v2/stats/self', query: {}, body: '' });
              if (s) leader = (JSON.parse(s.body) as { leaderInfo: { leader: string } }).leaderInfo.leader || leader;
            }
            if (leader) break;
          }
          for (const mm of members) {
            if (!mm.name) {
              ctx.stdout(`${mm.id}[unstarted]: peerURLs=${mm.peerURLs.join(',')}\n`);
              continue;
            }
            ctx.stdout(
              `${mm.id}: name=${mm.name} peerURLs=${mm.peerURLs.join(',')} clientURLs=${mm.clientURLs.join(',')} isLeader=${mm.id === leader}\n`,
            );
          }
          return 0;
        }
        if (sub === 'add') {
          if (positional.length !== 3) throw new V2Exit(1, 'Provide a name and a single member peerURL\n');
          const r = yield* changeMembers(ctx, endpoints, {
            method: 'POST',
            path: '/v2/members',
            query: {},
            body: JSON.stringify({ peerURLs: [positional[2]] }),
          });
          const added = JSON.parse(r.body) as { id: string };
          const conf = (yield* listMembers(ctx, endpoints)).flatMap((x) =>
            x.peerURLs.map((u) => `${x.id === added.id ? positional[1] : x.name}=${u}`),
          );
          ctx.stdout(
            `Added member named ${positional[1]} with ID ${added.id} to cluster\n\nETCD_NAME="${positional[1]}"\nETCD_INITIAL_CLUSTER="${conf.join(',')}"\nETCD_INITIAL_CLUSTER_STATE="existing"\n`,
          );
          return 0;
        }
        if (sub === 'remove') {
          if (positional.length !== 2) throw new V2Exit(1, 'Provide a single member ID\n');
          const id = positional[1];
          // etcdctl looks the ID up first, and refuses one the cluster does not list.
          if (!(yield* listMembers(ctx, endpoints)).some((x) => x.id === id))
            throw new V2Exit(1, `Couldn't find a member in the cluster with an ID of ${id}.\n`);
          yield* changeMembers(ctx, endpoints, { method: 'DELETE', path: `/v2/members/${id}`, query: {}, body: '' });
          ctx.stdout(`Removed member ${id} from cluster\n`);
          return 0;
        }
        if (sub === 'update') {
          if (positional.length !== 3)
            throw new V2Exit(
              1,
              'Provide an ID and a list of comma separated peerURL (0xabcd http://example.com,http://example1.com)\n',
            );
          const id = positional[1];
          yield* changeMembers(ctx, endpoints, {
            method: 'PUT',
            path: `/v2/members/${id}`,
            query: {},
            body: JSON.stringify({ peerURLs: positional[2].split(',') }),
          });
          ctx.stdout(`Updated member with ID ${id} in cluster\n`);
          return 0;
        }
        throw new V2Exit(1, `etcdctl v2 member ${sub ?? ''} is not simulated by the playground yet\n`);
      }
      case 'cluster-health': {
        const members = yield* listMembers(ctx, endpoints);
        let healthy = 0;
        for (const mm of members) {
          let ok = false;
          for (const u of mm.clientURLs) {
            const h = yield* request(ctx, u, { method: 'GET', path: '/health', query: {}, body: '' });
            if (!h) {
              ctx.stdout(
                `failed to check the health of member ${mm.id} on ${u}: Get "${u}/health": dial tcp ${hostport(u)}: connect: connection refused\n`,
              );
              continue;
            }
            if (h.body.includes('"true"')) {
              ctx.stdout(`member ${mm.id} is healthy: got healthy result from ${u}\n`);
              ok = true;
              break;
            }
            ctx.stdout(`member ${mm.id} is unhealthy: got unhealthy result from ${u}\n`);
          }
          if (ok) healthy++;
          else if (!mm.clientURLs.length)
            ctx.stdout(`member ${mm.id} is unreachable: no available published client urls\n`);
          else ctx.stdout(`member ${mm.id} is unreachable: [${mm.clientURLs.join(' ')}] are all unreachable\n`);
        }
        if (healthy === members.length) {
          ctx.stdout('cluster is healthy\n');
          return 0;
        }
        ctx.stdout(healthy > 0 ? 'cluster is degraded\n' : 'cluster is unavailable\n');
        return 5;
      }
      default:
        throw new V2Exit(1, `etcdctl v2 ${cmd ?? '(no command)'} is not simulated by the playground yet\n`);
    }
  } catch (e) {
    if (e instanceof V2Exit) {
      ctx.stderr(e.text);
      return e.code;
    }
    throw e;
  }
}
