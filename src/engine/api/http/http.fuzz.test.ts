// Random HTTP requests to a member — paths, methods, bodies, bad JSON and base64 — must never
// throw, and every answer must be shaped as etcd shapes it. HTTP_FUZZ_SEED=<n> replays a run.
import { describe, expect, it } from 'vitest';
import { Prng } from '../../base/prng.ts';
import { Simulation } from '../../index.ts';
import { serveHttp } from './server.ts';
import type { HttpResponse } from './types.ts';

const SEED = process.env.HTTP_FUZZ_SEED ? Number(process.env.HTTP_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const N = 5_000;

const PATHS = [
  '/version',
  '/health',
  '/v2/keys',
  '/v2/keys/',
  '/v2/keys/a',
  '/v2/keys/a/b',
  '/v2/keys/d%2Fx',
  '/v2/keys/%zz',
  '/v2/members',
  '/v2/machines',
  '/v2/stats/self',
  '/v2/stats/leader',
  '/v2/stats/store',
  '/v2/stats/nope',
  '/v3/kv/range',
  '/v3/kv/put',
  '/v3/kv/deleterange',
  '/v3/kv/txn',
  '/v3/kv/compaction',
  '/v3/lease/grant',
  '/v3/lease/revoke',
  '/v3/lease/timetolive',
  '/v3/lease/leases',
  '/v3/lease/keepalive',
  '/v3/cluster/member/list',
  '/v3/maintenance/status',
  '/v3/maintenance/alarm',
  '/v3/auth/authenticate',
  '/v3beta/kv/range',
  '/v3alpha/kv/range',
  '/v3/nothing',
  '/',
  '/metrics',
];
const BODIES = [
  '',
  '{}',
  '{"key":"Zm9v"}',
  '{"key":"Zm9v","value":"YmFy"}',
  '{"key":"!!!"}',
  '{"key":1}',
  '{"key":',
  'not json',
  '[]',
  'null',
  '{"TTL":"x","ID":"y"}',
  '{"ID":18446744073709551615}',
  '{"compare":[{"target":"BOGUS"}]}',
  '{"success":[{"requestPut":{}}]}',
  'value=1',
  'value=1&ttl=abc',
  'dir=true',
  'prevExist=maybe',
  'value=x&prevIndex=-1',
  '{"revision":999}',
];

describe('fuzzed HTTP requests', () => {
  it(`${N} requests: no exception, an etcd-shaped answer every time`, () => {
    const r = new Prng(SEED);
    const sim = Simulation.create({ seed: SEED });
    sim.world.settle();
    const m = sim.world.members[0];
    for (let i = 0; i < N; i++) {
      let path = r.pick(PATHS);
      if (r.bool(0.2)) path += `/${String.fromCharCode(r.int(33, 126))}`;
      const method = r.pick(['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH']);
      const body = r.pick(BODIES);
      const query: Record<string, string> = r.bool(0.3)
        ? { [r.pick(['wait', 'recursive', 'sorted', 'dir', 'ttl', 'prevValue'])]: r.pick(['true', 'false', '1', '']) }
        : {};
      if (query.wait) delete query.wait; // a long poll would wait for a write
      let resp: HttpResponse | undefined;
      const where = `HTTP_FUZZ_SEED=${SEED} request ${i}: ${method} ${path} ${JSON.stringify(query)} ${JSON.stringify(body)}`;
      try {
        serveHttp(m, { method, path, query, headers: {}, body }, (x) => (resp = x));
        sim.world.runUntil(() => resp !== undefined, sim.world.scheduler.now() + 10_000);
      } catch (e) {
        throw new Error(`${where} threw ${(e as Error).stack}`);
      }
      expect(resp, `${where}: no answer`).toBeDefined();
      expect(resp!.status >= 200 && resp!.status < 600, where).toBe(true);
      if (resp!.status >= 400 && /json/.test(resp!.headers.find(([h]) => h === 'Content-Type')?.[1] ?? '')) {
        // etcd-shaped errors: the gateway's {error, message, code} or the v2 API's {errorCode, message, ...}
        expect(/^\{"(error|errorCode|message|health)"/.test(resp!.body), `${where}: ${resp!.body}`).toBe(true);
      }
    }
  });
});
