import { describe, expect, it } from 'vitest';
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

  it('traces elections and, on request, every message', () => {
    const sim = Simulation.create({ seed: 5 });
    sim.world.traceMessages = true;
    sim.world.settle();
    const events = sim.view({ traceTail: 10_000 }).trace.map((e) => e.event);
    expect(events.some((e) => /became leader at term 2/.test(e))).toBe(true);
    expect(events.some((e) => /^sent MsgVote /.test(e))).toBe(true);
  });
});
