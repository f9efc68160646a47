// The cluster as a learner meets it: boot, failures, joins, learners, partitions.
import { describe, expect, it } from 'vitest';
import { terminal } from '../../../test/helpers.ts';
import { Simulation } from '../index.ts';
import { bootLikeRecorder } from '../replay.ts';
import { runFuzz } from './fuzz.ts';

describe('the simulated cluster', () => {
  it('boots as a fresh etcd cluster does: term 2, index 8, member names and cluster version published', () => {
    const sim = Simulation.create({ seed: 3 });
    expect(sim.world.settle()).toBe(true);
    for (const m of sim.world.members) {
      expect([m.term(), m.appliedIndex]).toEqual([2, 8]);
      expect(m.membership.clusterVersion).toBe('3.4.0');
      expect(m.membership.list().map((x) => x.name)).toEqual(['infra2', 'infra1', 'infra3']);
    }
  });

  it('reaches the recorder state: infra1 leads at term 4, index 10', () => {
    for (const seed of [1, 2, 3, 4]) {
      const sim = Simulation.create({ seed });
      bootLikeRecorder(sim);
      expect(sim.world.leader()?.name).toBe('infra1');
      expect(sim.world.members.map((m) => [m.term(), m.appliedIndex])).toEqual([
        [4, 10],
        [4, 10],
        [4, 10],
      ]);
    }
  });

  it('answers each client from the member it asked, with request IDs unique across members (a fuzzer find)', () => {
    const t = terminal();
    t.run('etcdctl --endpoints=127.0.0.1:22379 put a 1 &');
    t.run('etcdctl --endpoints=127.0.0.1:32379 txn <<EOF\n\nput b 2\n\n\nEOF');
    expect(t.run('etcdctl get a b')).toBe('a\n1\n');
  });

  it('a partitioned minority member cannot write; the majority can; after heal it catches up', () => {
    const t = terminal();
    const lead = t.sim.world.leader()!.name;
    const minority = ['infra1', 'infra2', 'infra3'].find((n) => n !== lead)!;
    const ports: Record<string, number> = { infra1: 2379, infra2: 22379, infra3: 32379 };
    const port = ports[minority];
    t.run(`sim isolate ${minority}`);
    const r = t.exec(`etcdctl --endpoints=127.0.0.1:${port} --command-timeout=10s put k minority`);
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(
      /Error: (etcdserver: request timed out|rpc error: code = Unknown desc = context deadline exceeded)/,
    );
    expect(t.run(`etcdctl --endpoints=127.0.0.1:${ports[lead]} put k majority`)).toBe('OK\n');
    expect(t.run(`etcdctl --endpoints=127.0.0.1:${port} get k --consistency=s`)).not.toContain('majority');
    t.run('sim heal');
    t.run('sleep 3');
    expect(t.run(`etcdctl --endpoints=127.0.0.1:${port} get k --consistency=s`)).toBe('k\nmajority\n');
  });

  it('stopping the leader elects another, and writes go on', () => {
    const t = terminal();
    const lead = t.sim.world.leader()!.name;
    t.run(`sim stop ${lead}`);
    t.run('sleep 3');
    const next = t.sim.world.leader();
    expect(next && next.name !== lead).toBe(true);
    expect(t.run('etcdctl --endpoints=$ENDPOINTS put x 1')).toBe('OK\n');
  });

  it("adds the tutorial's node 4, which starts, catches up and serves; learners join and are promoted", () => {
    const t = terminal();
    t.run('sleep 6');
    t.run('etcdctl put before 1');
    expect(t.exec('etcdctl member add infra4 --peer-urls=http://127.0.0.1:42380').exitCode).toBe(0);
    expect(t.exec('sim start infra4').exitCode).toBe(0);
    t.run('sleep 3');
    expect(t.run('etcdctl --endpoints=127.0.0.1:42379 get before --consistency=s')).toBe('before\n1\n');
    t.run('etcdctl member add infra5 --peer-urls=http://127.0.0.1:52380 --learner');
    t.run('sim start infra5');
    t.run('sleep 2');
    expect(t.run('etcdctl member list')).toMatch(/infra5, http:\/\/127.0.0.1:52380, http:\/\/127.0.0.1:52379, true\n/);
    expect(t.run('etcdctl member promote $(etcdctl member list | grep infra5 | cut -d, -f1)')).toMatch(
      /^Member \w+ promoted in cluster/,
    );
    expect(t.run('etcdctl member list')).toMatch(/infra5, http:\/\/127.0.0.1:52380, http:\/\/127.0.0.1:52379, false\n/);
  });

  it('a removed member stops serving', () => {
    const t = terminal();
    t.run('sleep 6');
    t.run('etcdctl member remove fd422379fda50e48');
    t.run('sleep 1');
    expect(t.sim.world.member('infra3')!.running).toBe(false);
    expect(t.run('etcdctl member list')).not.toContain('infra3');
  });
});

describe('snapshots and log compaction', () => {
  it('a member that fell behind a compacted log catches up from a snapshot, watches and all', () => {
    const sim = Simulation.create({ seed: 2, raft: { snapshotCount: 20, catchUpEntries: 5 } });
    sim.world.settle();
    const sh = sim.shell({ jobOutput: 'buffered' });
    const lead = sim.world.leader()!.name;
    const behind = ['infra1', 'infra2', 'infra3'].find((n) => n !== lead)!;
    const port = { infra1: 2379, infra2: 22379, infra3: 32379 }[behind];
    sim.execSync(sh, `etcdctl --endpoints=127.0.0.1:${port} watch k49 &`);
    sim.execSync(sh, 'sleep 1'); // the watch is established before its member goes down
    sim.execSync(sh, `sim kill ${behind}`);
    const leadPort = { infra1: 2379, infra2: 22379, infra3: 32379 }[lead];
    for (let i = 0; i < 50; i++) sim.execSync(sh, `etcdctl --endpoints=127.0.0.1:${leadPort} put k${i} v${i}`);
    const leader = sim.world.leader()!;
    expect(leader.raftStorage.firstIndex()).toBeGreaterThan(10); // compacted
    sim.execSync(sh, `sim start ${behind}`);
    sim.execSync(sh, 'sleep 3');
    expect(
      sim.world.traceLog.some(
        (e) =>
          e.e.type === 'snapshot-installed' &&
          e.e.member === behind &&
          e.e.index === sim.world.member(behind)!.raftStorage.snapshot.metadata.index,
      ),
    ).toBe(true);
    expect(
      sim.execSync(sh, `etcdctl --endpoints=127.0.0.1:${port} get k --prefix --keys-only --consistency=s | grep -c k`)
        .output,
    ).toBe('50\n');
    expect(sim.execSync(sh, 'kill %1').output).toBe('PUT\nk49\nv49\n');
  });

  it('applies a proposal the network delivered twice only once (a duplicate in the log changes nothing)', () => {
    const sim = Simulation.create({ seed: 5 });
    sim.world.settle();
    const sh = sim.shell();
    const follower = sim.world.members.find((m) => !m.isLeader())!;
    const ep = `--endpoints=${follower.config.clientUrls[0].replace('http://', '')}`;
    // Every message is delivered twice: the follower's forwarded proposals reach the leader twice.
    sim.world.network.faults.duplicate = 1;
    expect(sim.execSync(sh, `etcdctl ${ep} put k one`).output).toBe('OK\n');
    expect(sim.execSync(sh, `etcdctl ${ep} del k`).output).toBe('1\n');
    expect(sim.execSync(sh, `etcdctl ${ep} put k two`).output).toBe('OK\n');
    sim.world.network.faults.duplicate = 0;
    sim.advance(1000);
    for (const m of sim.world.members) {
      // Three writes, three revisions on every member, and the last put stands.
      expect(m.kv.currentRev).toBe(4);
      expect(
        m.kv
          .read()
          .range('k', undefined)
          .kvs.map((kv) => kv.value),
      ).toEqual(['two']);
    }
  });

  it('passes fuzz seed 701, where a duplicated delete was applied again after a put', () => {
    expect(runFuzz({ seed: 701 })).toMatchObject({ ok: true });
  });
});
