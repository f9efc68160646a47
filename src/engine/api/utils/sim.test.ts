import { describe, expect, it } from 'vitest';
import { Simulation } from '../../index.ts';

async function session() {
  const sim = Simulation.create({ seed: 3 });
  sim.world.settle();
  const sh = sim.shell();
  return { sim, run: async (line: string) => sim.execSync(sh, line) };
}

describe('sim says what it changed', () => {
  it('partition, isolate, heal, latency and loss print the change and which side holds the quorum', async () => {
    const { run } = await session();
    expect((await run('sim partition infra1 -- infra2 infra3')).output).toBe(
      'partitioned: infra1 | infra2 infra3\nquorum (2 of 3 voting members): infra2, infra3; the others cannot elect a leader or commit\n',
    );
    expect((await run('sim heal')).output).toBe('healed: every link is up again (4 were cut)\n');
    expect((await run('sim heal')).output).toBe('nothing to heal: no link was cut\n');
    expect((await run('sim isolate infra2')).output).toMatch(/^infra2 is cut off from infra1, infra3\nquorum \(2 of 3/);
    expect((await run('sim partition infra1 -- infra2 -- infra3')).output).toMatch(
      /no side holds a quorum \(2 of 3 voting members\): no leader can be elected/,
    );
    expect((await run('sim latency 50')).output).toBe('latency between members: 50 ms one way (was 0.2 ms)\n');
    expect((await run('sim loss 10%')).output).toBe('messages lost between members: 10% (was 0%)\n');
  });

  it('stop, kill and start print nothing, as the conformance harness does', async () => {
    const { run } = await session();
    for (const line of ['sim stop infra3', 'sim start infra3', 'sim kill infra2', 'sim start infra2'])
      expect(await run(line)).toMatchObject({ output: '', exitCode: 0 });
  });
});

describe('a removed member cannot rejoin', () => {
  it('is shown as removed, and sim start refuses it until member add announces it again', async () => {
    const { sim, run } = await session();
    const id = sim.world.member('infra3')!.id.toString(16);
    expect((await run(`etcdctl member remove ${id}`)).output).toMatch(/Member .* removed from cluster/);
    sim.advance(500);
    expect(sim.view().members.find((m) => m.name === 'infra3')?.role).toBe('removed');
    const refused = await run('sim start infra3');
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toMatch(/^sim: infra3 was removed from the cluster and cannot rejoin/);
    expect(sim.world.member('infra3')!.running).toBe(false);
    // (etcd adds a member only once the leader has been connected to a quorum for 5 s.)
    sim.advance(6000);
    // Announced again, it starts afresh under a new ID and joins.
    expect((await run('etcdctl member add infra3 --peer-urls=http://127.0.0.1:32380')).exitCode).toBe(0);
    expect(await run('sim start infra3')).toMatchObject({ output: '', exitCode: 0 });
    sim.advance(3000);
    const back = sim.world.member('infra3')!;
    expect(back.running).toBe(true);
    expect(back.id.toString(16)).not.toBe(id);
    expect((await run('etcdctl member list')).output.split('\n').filter(Boolean)).toHaveLength(3);
  });
});

describe('sim load fills the keyspace through the log', () => {
  it('writes N keys on every member, 1000 to an entry, and says so', async () => {
    const { sim, run } = await session();
    expect(await run('sim load 2500 bulk/')).toMatchObject({ output: 'wrote 2500 keys under bulk/\n', exitCode: 0 });
    sim.advance(100);
    expect((await run('etcdctl get bulk/0042')).output).toBe('bulk/0042\nvalue-42\n');
    expect((await run('etcdctl get bulk/ --prefix --limit 1 -w json')).output).toMatch(/"count":2500/);
    for (const m of sim.world.members) expect(m.kv.liveKeys).toBe(2500);
    expect((await run('sim load lots')).exitCode).toBe(1);
  });
});
