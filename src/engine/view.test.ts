import { describe, expect, it } from 'vitest';
import { describeEvent } from '../i18n/events.ts';
import { Simulation } from './index.ts';

describe('the engine façade: controls and the view model', () => {
  it('pictures members, roles, logs and messages in flight as plain data', () => {
    const sim = Simulation.create({ seed: 5 });
    sim.world.settle();
    const v = sim.view();
    expect(v.members.map((m) => m.role).sort()).toEqual(['follower', 'follower', 'leader']);
    expect(v.leader).toBeDefined();
    for (const m of v.members) {
      expect(m.commit).toBe(8);
      expect(m.log.at(-1)).toMatchObject({ index: 8, committed: true });
      expect(m.log[0].kind).toBe('conf change');
    }
    // Heartbeats are always on their way somewhere.
    sim.advance(50);
    const inFlight = sim.view().messages;
    expect(inFlight.every((m) => m.arrivesAt >= sim.world.scheduler.now())).toBe(true);
  });

  it('stops, partitions and heals through the same controls as the sim command', () => {
    const sim = Simulation.create({ seed: 5 });
    sim.world.settle();
    const lead = sim.view().leader!;
    sim.killMember(lead);
    expect(sim.runUntil((w) => !!w.leader() && w.leader()!.name !== lead, 10_000)).toBe(true);
    expect(sim.view().members.find((m) => m.name === lead)!.role).toBe('stopped');
    sim.startMember(lead);
    sim.isolate('infra1');
    expect(sim.view().cut.length).toBe(4);
    sim.heal();
    expect(sim.view().cut).toEqual([]);
    let moved = false;
    const target = sim.view().members.find((m) => m.role === 'follower')!.name;
    sim.transferLeadership(target, (ok) => (moved = ok));
    sim.runUntil(() => moved, 5_000);
    expect(sim.view().leader).toBe(target);
  });

  it('tells a graceful stop as a handover: no member loses its leader', () => {
    const sim = Simulation.create({ seed: 5 });
    sim.world.settle();
    const from = sim.world.leader()!.name;
    const n = sim.world.traceLog.length;
    sim.execSync(sim.shell(), `sim stop ${from}`);
    sim.execSync(sim.shell(), 'sleep 2');
    const lines = sim.world.traceLog.slice(n).map((e) => describeEvent(e.e));
    expect(lines.find((l) => l.includes('hands leadership over'))).toMatch(
      new RegExp(`^${from} hands leadership over to infra\\d`),
    );
    expect(lines.some((l) => /starts an election at term \d+: the leader handed leadership over/.test(l))).toBe(true);
    expect(lines.filter((l) => /lost its leader/.test(l))).toEqual([]);
    expect(lines.some((l) => /follows (infra\d) \(term \d+\)/.test(l) && !l.startsWith(from))).toBe(true);
  });

  it('tells a learner promoted to a voting member as a promotion', () => {
    const sim = Simulation.create({ seed: 1 });
    sim.world.settle();
    const sh = sim.shell();
    for (const l of [
      'sleep 6',
      'etcdctl member add infra4 --learner --peer-urls=http://127.0.0.1:42380',
      'sim start infra4',
      'sleep 3',
      'etcdctl member promote $(etcdctl member list | grep infra4 | cut -d, -f1)',
      'sleep 1',
    ])
      sim.execSync(sh, l);
    const changes = sim.world.traceLog.flatMap((e) => (e.e.type === 'conf-change' ? [e.e.change] : []));
    expect(changes).toContain('add-learner');
    expect(changes.at(-1)).toBe('promote');
  });

  it('traces elections and, on request, every message', () => {
    const sim = Simulation.create({ seed: 5 });
    sim.world.traceMessages = true;
    sim.world.settle();
    const events = sim.view({ traceTail: 10_000 }).trace.map((e) => describeEvent(e.e));
    expect(events.some((e) => /became leader at term 2/.test(e))).toBe(true);
    expect(events.some((e) => /^sent MsgVote /.test(e))).toBe(true);
  });
  it("pictures the keyspace with each key's generations, as the key index keeps them", () => {
    const sim = Simulation.create({ seed: 5 });
    sim.world.settle();
    const sh = sim.shell();
    for (const line of [
      'etcdctl put foo 1',
      'etcdctl put foo 2',
      'etcdctl del foo',
      'etcdctl put foo 3',
      'etcdctl put bar x',
    ])
      expect(sim.execSync(sh, line).exitCode).toBe(0);
    const ks = sim.view().keyspace!;
    expect(ks.member).toBe(sim.view().leader);
    expect(ks.revision).toBe(6);
    expect(ks.keys.map((k) => k.key)).toEqual(['bar', 'foo']);
    const foo = ks.keys[1];
    expect(foo).toMatchObject({ value: '3', createRevision: 5, modRevision: 5, version: 1 });
    expect(foo.generations).toEqual([
      {
        revs: [
          { main: 2, sub: 0 },
          { main: 3, sub: 0 },
          { main: 4, sub: 0 },
        ],
        tombstone: true,
      },
      { revs: [{ main: 5, sub: 0 }], tombstone: false },
    ]);
  });

  it('lists watches by terminal, with what they delivered and how they ended', () => {
    const sim = Simulation.create({ seed: 5 });
    sim.world.settle();
    const t1 = sim.shell({ terminal: 't1' });
    const t2 = sim.shell({ terminal: 't2' });
    const watch = sim.start(t2.run('etcdctl watch --prefix app', () => {}));
    sim.advance(200);
    sim.execSync(t1, 'etcdctl put app/a 1');
    sim.advance(200);
    expect(sim.view().watches).toMatchObject([
      {
        terminal: 't2',
        key: 'app',
        prefix: true,
        state: 'active',
        eventCount: 1,
        recent: [{ type: 'PUT', key: 'app/a', modRevision: 2 }],
      },
    ]);
    watch.interrupt();
    sim.advance(200);
    expect(sim.view().watches[0].state).toBe('cancelled');
  });

  it('shows a member that member add announced, until it starts', () => {
    const sim = Simulation.create({ seed: 5 });
    sim.world.settle();
    sim.advance(6000); // etcd refuses to add a member while a peer connected less than 5 s ago
    const sh = sim.shell();
    expect(sim.execSync(sh, 'etcdctl member add infra4 --peer-urls=http://127.0.0.1:42380').exitCode).toBe(0);
    expect(sim.view().pending).toMatchObject([{ name: 'infra4', peerURLs: ['http://127.0.0.1:42380'] }]);
    sim.startMember('infra4');
    expect(sim.view().pending).toEqual([]);
    expect(sim.view().members.map((m) => m.name)).toContain('infra4');
  });
});
