import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../i18n/events.ts';
import { Playground, type PlaygroundSink } from './playground.ts';
import { InvalidSession, parseSession, type SessionFile } from './sessionFile.ts';

/** A sink that keeps each terminal's screen as text: output, prompts and replayed command lines. */
function screens(): PlaygroundSink & { text: Map<string, string> } {
  const text = new Map<string, string>();
  const add = (t: string, s: string) => text.set(t, (text.get(t) ?? '') + s);
  return {
    text,
    output: (t, _id, bytes) => add(t, bytes),
    done: (t, _id, code) => add(t, `[exit ${code}]\n$ `),
    echo: (t, line) => add(t, `${line}\n`),
  };
}

/** What a user sees of the cluster, minus the messages in flight (the same either way, but long). */
function picture(p: Playground) {
  const v = p.view({ logTail: 50, traceTail: 500 });
  return { ...v, virtualMs: p.now() };
}

describe('a session replays exactly from its seed and inputs', () => {
  it('rebuilds the cluster, the leases, the watches and each terminal screen after a reload', () => {
    const live = screens();
    const p = new Playground(7, {
      ...live,
      // A live terminal echoes what is typed itself; record it the way a replay shows it.
      echo: undefined,
    });
    const type = (t: string, line: string) => {
      live.text.set(t, `${live.text.get(t) ?? ''}${line}\n`);
      p.exec(t, line);
    };
    // Wall time comes in uneven frames, as in a browser.
    const frames = (n: number) => {
      for (let i = 0; i < n; i++) p.advance(16 + (i % 3));
    };
    frames(200);
    type('t2', 'etcdctl watch --prefix app');
    frames(10);
    type('t1', 'etcdctl put app/a 1');
    frames(20);
    type('t1', 'etcdctl lease grant 30');
    frames(20);
    p.control('isolate', { member: 'infra3' });
    frames(30);
    type('t1', 'etcdctl put app/b 2');
    frames(30);
    p.control('heal');
    p.time('pause');
    p.time('step');
    p.time('until');
    p.time('resume');
    frames(100);
    const file = parseSession(JSON.parse(JSON.stringify(p.toFile())));

    const again = screens();
    const q = Playground.replay(file, again);
    expect(picture(q)).toEqual(picture(p));
    expect(again.text).toEqual(live.text);
    expect(q.busy('t2')).toBe(true); // the watch is still running
    // And it goes on as the original would.
    p.exec('t1', 'etcdctl put app/c 3');
    q.exec('t1', 'etcdctl put app/c 3');
    p.advance(200);
    q.advance(200);
    expect(picture(q)).toEqual(picture(p));
  });

  it('holds for random inputs at random instants (replay a failure with its printed seed)', () => {
    const commands = [
      'etcdctl put k v',
      'etcdctl get k',
      'etcdctl del k',
      'etcdctl lease grant 5',
      'etcdctl compaction 2',
      'etcdctl put --prev-kv k w',
      'etcdctl endpoint status -w table',
      'sleep 1',
    ];
    const input = fc.oneof(
      fc.record({
        kind: fc.constant('exec' as const),
        line: fc.constantFrom(...commands),
        t: fc.constantFrom('t1', 't2'),
      }),
      fc.record({
        kind: fc.constant('control' as const),
        action: fc.constantFrom('kill', 'start', 'isolate', 'heal', 'stop' as const),
        member: fc.constantFrom('infra1', 'infra2', 'infra3'),
      }),
      fc.record({
        kind: fc.constant('time' as const),
        action: fc.constantFrom('pause', 'resume', 'step', 'until' as const),
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), input), { maxLength: 25 }),
        (seed, script) => {
          const p = new Playground(seed, { output: () => {}, done: () => {} });
          for (const [frames, i] of script) {
            for (let f = 0; f < frames; f++) p.advance(16.7);
            if (i.kind === 'exec') {
              if (!p.busy(i.t)) p.exec(i.t, i.line);
            } else if (i.kind === 'control') p.control(i.action, { member: i.member });
            else p.time(i.action);
          }
          p.advance(500);
          const q = Playground.replay(parseSession(JSON.parse(JSON.stringify(p.toFile()))), {
            output: () => {},
            done: () => {},
          });
          expect(picture(q)).toEqual(picture(p));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('a quiet cluster dozes, so idle hours cost nothing to run or to replay', () => {
  const quiet = () => {
    const out = screens();
    const p = new Playground(5, out);
    return { p, out };
  };
  /** Wall time in browser frames for `ms`, then one long stretch (a background tab). */
  const idle = (p: Playground, hours: number) => {
    for (let i = 0; i < 120; i++) p.advance(16.7);
    p.advance(hours * 3_600_000);
  };

  it('runs a handful of events in 72 idle hours, and wakes at the next input as if it had been awake', () => {
    const { p, out } = quiet();
    p.exec('t1', 'etcdctl put foo bar');
    idle(p, 72);
    expect(p.dozing).toBe(true);
    expect(p.now()).toBeGreaterThan(72 * 3_600_000);
    // Awake, 72 hours of heartbeats and ticks would be about 21 million events.
    expect(p.sim.world.scheduler.executed()).toBeLessThan(2_000);
    const leader = p.view().leader;
    p.exec('t1', 'etcdctl get foo');
    // Awake for a moment (it dozes again once quiet for DOZE_AFTER_MS).
    for (let i = 0; i < 5; i++) p.advance(16.7);
    expect(p.dozing).toBe(false);
    expect(out.text.get('t1')).toMatch(/foo\nbar\n\[exit 0\]\n\$ $/);
    // No election happened while it dozed: the followers never missed a heartbeat.
    expect(p.view().leader).toBe(leader);
    expect(
      p
        .view()
        .trace.filter((e) => e.kind === 'election')
        .at(-1)!.t,
    ).toBeLessThan(10_000);
  });

  it('replays a long idle session in as many events as it ran, exactly', () => {
    const { p } = quiet();
    p.exec('t1', 'etcdctl put foo bar');
    idle(p, 8);
    p.exec('t1', 'etcdctl put foo baz');
    idle(p, 72);
    const file = parseSession(JSON.parse(JSON.stringify(p.toFile())));
    expect(file.inputs.filter((i) => i.kind === 'doze')).toHaveLength(2);
    const q = Playground.replay(file, { output: () => {}, done: () => {} });
    expect(picture(q)).toEqual(picture(p));
    expect(q.sim.world.scheduler.executed()).toBe(p.sim.world.scheduler.executed());
  });

  it('stays awake while anything is due: a lease counting down, a v2 TTL, a lossy network, a command running', () => {
    const cases: [string, (p: Playground) => void][] = [
      ['lease', (p) => p.exec('t1', 'etcdctl lease grant 600')],
      ['v2 ttl', (p) => p.exec('t1', 'ETCDCTL_API=2 etcdctl set /ttl x --ttl 600')],
      ['loss', (p) => p.control('loss', { value: 0.2 })],
      ['sleep', (p) => p.exec('t1', 'sleep 600')],
      // A cut link drops heartbeats: the member cut off must time out and campaign.
      ['isolated leader', (p) => p.control('isolate', { member: p.view().leader })],
    ];
    for (const [what, act] of cases) {
      const { p } = quiet();
      for (let i = 0; i < 120; i++) p.advance(16.7);
      act(p);
      for (let i = 0; i < 300; i++) p.advance(16.7);
      expect(p.dozing, what).toBe(false);
    }
  });

  it('an isolated leader is replaced: the majority elects another while the page idles', () => {
    const { p } = quiet();
    for (let i = 0; i < 120; i++) p.advance(16.7);
    const first = p.view().leader;
    p.control('isolate', { member: first });
    for (let i = 0; i < 300; i++) p.advance(16.7);
    const leaders = p.view().members.filter((m) => m.role === 'leader' && m.side !== 'minority');
    expect(leaders.map((m) => m.name)).not.toContain(first);
    expect(leaders).toHaveLength(1);
  });

  it('a loop with nothing slow in it neither freezes the page nor ignores Ctrl-C', () => {
    const { p } = quiet();
    for (let i = 0; i < 60; i++) p.advance(16.7);
    p.exec('t1', 'i=0; while true; do i=$((i + 1)); done');
    for (let i = 0; i < 30; i++) p.advance(16.7);
    expect(p.busy('t1')).toBe(true);
    p.interrupt('t1');
    p.advance(16.7);
    expect(p.busy('t1')).toBe(false);
    p.exec('t1', 'echo $i');
    for (let i = 0; i < 10; i++) p.advance(16.7);
    expect(p.busy('t1')).toBe(false);
  });

  it('`sim step` typed while time is paused takes its step (sim starts at once while paused)', () => {
    const { p, out } = quiet();
    for (let i = 0; i < 120; i++) p.advance(16.7);
    p.exec('t1', 'sim pause');
    for (let i = 0; i < 10; i++) p.advance(16.7);
    const events = p.sim.world.scheduler.executed();
    p.exec('t1', 'sim step');
    expect(p.busy('t1')).toBe(false);
    expect(p.sim.world.scheduler.executed()).toBeGreaterThan(events);
    p.exec('t1', 'sim resume');
    expect(p.paused).toBe(false);
    expect(out.text.get('t1')).not.toMatch(/error/i);
  });
});

describe('an engine error never stops the clock', () => {
  it('is reported with the seed, in the event log and to the page, and time goes on past it', () => {
    const faults: string[] = [];
    const p = new Playground(9, { output: () => {}, done: () => {}, fault: (m) => faults.push(m) });
    for (let i = 0; i < 60; i++) p.advance(16.7);
    // A bug stands in as an event that throws.
    p.sim.world.scheduler.after(5, 'a bug', () => {
      throw new Error('boom');
    });
    const before = p.now();
    p.advance(100);
    expect(p.now()).toBeCloseTo(before + 100, 6);
    expect(faults).toEqual(['engine error (seed 9): boom']);
    expect(p.view().trace.at(-1)).toMatchObject({
      kind: 'fault',
      e: { type: 'engine-error', message: 'engine error (seed 9): boom' },
    });
    // The cluster still works.
    const out: string[] = [];
    const q = new Playground(9, { output: (_t, _i, b) => out.push(b), done: () => {} });
    for (let i = 0; i < 200; i++) q.advance(16.7);
    q.sim.world.scheduler.after(1, 'a bug', () => {
      throw new Error('boom');
    });
    q.exec('t1', 'etcdctl put after bug');
    for (let i = 0; i < 10; i++) q.advance(16.7);
    expect(out.join('')).toBe('OK\n');
  });
});

describe('a replay never runs for ages', () => {
  it('gives up, as asked, on a session that would (a link made up with a huge end)', () => {
    const made = parseSession({
      format: 'etcd-playground-session',
      version: 1,
      seed: 1,
      endMs: 3_000_000_000,
      endEvents: 9_000_000_000_000,
      inputs: [],
    });
    let asked = 0;
    expect(() => Playground.replay(made, { output: () => {}, done: () => {} }, { tooLong: () => ++asked > 3 })).toThrow(
      /takes too long to restore/,
    );
    expect(asked).toBe(4);
  });

  it('refuses ends past what a session can reach', () => {
    expect(() =>
      parseSession({ format: 'etcd-playground-session', version: 1, seed: 1, endMs: 1e300, endEvents: 1, inputs: [] }),
    ).toThrow(/endMs/);
  });
});

describe('time controls', () => {
  it('"run until something happens" stops at the next line of the event log, with time paused', () => {
    const p = new Playground(3, { output: () => {}, done: () => {} });
    p.time('pause');
    p.advance(5000);
    expect(p.now()).toBe(0);
    p.time('until');
    const first = p.view().trace.at(-1)!;
    expect(first.t).toBe(p.now());
    expect(p.now()).toBeGreaterThan(0);
    p.time('until');
    expect(p.view().trace.at(-1)).not.toBe(first);
    // A put shows in the event log as the command and then as the leader's commit, by name.
    p.time('resume');
    p.advance(3000);
    p.exec('t1', 'etcdctl put foo bar');
    p.advance(500);
    const lines = p.view().trace.map((e) => `${e.kind}: ${describeEvent(e.e)}`);
    expect(lines).toContain('command: t1$ etcdctl put foo bar');
    expect(lines.some((l) => /^commit: infra\d committed index \d+: put$/.test(l))).toBe(true);
    expect(lines.some((l) => /^election: infra\d follows infra\d \(term \d+\)$/.test(l))).toBe(true);
  });
});

describe('session files from elsewhere are checked before anything runs', () => {
  const good: SessionFile = {
    format: 'etcd-playground-session',
    version: 1,
    seed: 1,
    endMs: 10,
    endEvents: 9,
    inputs: [{ at: 5, n: 3, kind: 'exec', terminal: 't1', line: 'etcdctl get foo' }],
  };

  it('accepts a session the playground wrote', () => {
    expect(parseSession(good)).toEqual(good);
  });

  it.each([
    [null, /not a playground session/],
    [{ ...good, format: 'x' }, /format/],
    [{ ...good, version: 2 }, /version/],
    [{ ...good, seed: -1 }, /seed/],
    [{ ...good, inputs: [{ at: 1, kind: 'rm -rf' }] }, /inputs\.0/],
    [
      {
        ...good,
        inputs: [
          { at: 5, n: 1, kind: 'time', action: 'pause' },
          { at: 4, n: 1, kind: 'time', action: 'resume' },
        ],
      },
      /out of time order/,
    ],
    [{ ...good, endMs: 1 }, /end is before the last input/],
  ])('refuses %j', (data, why) => {
    expect(() => parseSession(data)).toThrow(InvalidSession);
    expect(() => parseSession(data)).toThrow(why);
  });
});
