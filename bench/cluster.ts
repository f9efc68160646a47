// Committed puts per second through the simulated 3-member cluster (headless, as fast as the
// engine runs), against a real etcd 3-member cluster on loopback measured in the same run when
// the etcd binary is installed (apt-get install etcd-server), else against the last recorded
// figure. Both are sequential puts on one connection: each waits for its commit.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TaskRunner } from '../src/engine/base/task.ts';
import { Client } from '../src/engine/client/client.ts';
import { World } from '../src/engine/sim/world.ts';

/** Last figures recorded on the project's machine (docs/benchmarks.md), used when etcd is not installed: 1 and 8 connections. */
export const RECORDED_REAL_ETCD_PUTS_PER_S = Number(process.env.REAL_ETCD_PUTS ?? 809);
export const RECORDED_REAL_ETCD_PUTS_PER_S_8 = Number(process.env.REAL_ETCD_PUTS_8 ?? 0);

export function simulatedPutsPerSecond(n: number, clients = 1): { rate: number; virtualMs: number } {
  const world = new World({ seed: 1 });
  world.settle();
  const s = world.scheduler;
  const client = new Client(
    { scheduler: s, dial: (ep) => world.dial(ep) },
    { endpoints: ['127.0.0.1:2379'], dialTimeoutMs: 2000, commandTimeoutMs: 5000 },
    world.prng.fork('bench'),
  );
  let done = 0;
  const v0 = s.now();
  const t0 = performance.now();
  const per = Math.ceil(n / clients);
  let finished = 0;
  Array.from({ length: clients }, (_, c) =>
    new TaskRunner(
      (function* () {
        for (let i = 0; i < per; i++) {
          yield* client.put({ key: `key${c}.${i % 1000}`, value: `value${i}` });
          done++;
        }
      })(),
      () => finished++,
    ).start(),
  );
  const runner = {
    get done() {
      return finished === clients;
    },
  };
  n = per * clients;
  world.runUntil(() => runner.done);
  const wall = performance.now() - t0;
  if (done !== n) throw new Error(`only ${done} of ${n} puts committed`);
  return { rate: n / (wall / 1000), virtualMs: s.now() - v0 };
}

function hasEtcd(): boolean {
  try {
    execFileSync('etcd', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function post(agent: http.Agent, port: number, path: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json' } },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve(data));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Puts/s through a real cluster's gateway on `connections` keep-alive connections, each waiting for its commits. */
export type RealEtcd = (n: number, connections: number) => Promise<number>;

/**
 * A real 3-member etcd on loopback (ports 12379.., away from the usual ones) for `use` to
 * measure, stopped afterwards; undefined when etcd is not installed.
 */
export async function withRealEtcd<T>(use: (measure: RealEtcd) => Promise<T>): Promise<T | undefined> {
  if (!hasEtcd()) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'etcd-bench-'));
  const names = ['b1', 'b2', 'b3'];
  const cport = (i: number) => 12379 + i * 100;
  const pport = (i: number) => 12380 + i * 100;
  const initial = names.map((nm, i) => `${nm}=http://127.0.0.1:${pport(i)}`).join(',');
  const procs: ChildProcess[] = names.map((nm, i) =>
    spawn(
      'etcd',
      [
        '--name',
        nm,
        '--data-dir',
        join(dir, nm),
        '--listen-client-urls',
        `http://127.0.0.1:${cport(i)}`,
        '--advertise-client-urls',
        `http://127.0.0.1:${cport(i)}`,
        '--listen-peer-urls',
        `http://127.0.0.1:${pport(i)}`,
        '--initial-advertise-peer-urls',
        `http://127.0.0.1:${pport(i)}`,
        '--initial-cluster',
        initial,
        '--initial-cluster-token',
        'bench',
        '--initial-cluster-state',
        'new',
      ],
      { stdio: 'ignore' },
    ),
  );
  const agents: http.Agent[] = [];
  try {
    const key = Buffer.from('k').toString('base64');
    const probe = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(probe);
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        const r = await post(probe, cport(0), '/v3/kv/put', JSON.stringify({ key, value: 'dg==' }));
        if (r.includes('"revision"')) break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error('the real etcd cluster did not come up');
      await new Promise((r) => setTimeout(r, 200));
    }
    const measure: RealEtcd = async (n, connections) => {
      const per = Math.ceil(n / connections);
      const conns = Array.from({ length: connections }, () => {
        const a = new http.Agent({ keepAlive: true, maxSockets: 1 });
        agents.push(a);
        return a;
      });
      // Warm: each connection opened and used once before the clock starts.
      await Promise.all(conns.map((a) => post(a, cport(0), '/v3/kv/put', JSON.stringify({ key, value: 'dg==' }))));
      const t0 = performance.now();
      await Promise.all(
        conns.map(async (a, c) => {
          for (let i = 0; i < per; i++)
            await post(
              a,
              cport(0),
              '/v3/kv/put',
              JSON.stringify({
                key: Buffer.from(`key${c}.${i % 1000}`).toString('base64'),
                value: Buffer.from(`v${i}`).toString('base64'),
              }),
            );
        }),
      );
      return (per * connections) / ((performance.now() - t0) / 1000);
    };
    return await use(measure);
  } finally {
    for (const a of agents) a.destroy();
    for (const p of procs) p.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}
