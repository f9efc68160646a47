// A learner's session survives anything a browser does to it: reloads (crashes, closed tabs),
// exports and imports, resets, in any order, with commands, faults, time controls and long idle
// stretches between them. The page is modelled as what it is made of: a Playground (the worker),
// a SessionRecord over a storage (the page), and the wiring of engineClient.ts between them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Playground, type PlaygroundSink } from '../../engine/session/playground.ts';
import { parseSession, type SessionFile } from '../../engine/session/sessionFile.ts';
import { type KeyValueStorage, loadStoredSession, SessionRecord } from './sessionStore.ts';
import { decodeShareFragment, encodeShareFragment } from './shareLink.ts';

class MapStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  writes = 0;
  /** Refuse writes once this many bytes are stored (a full browser storage). */
  quota = Number.POSITIVE_INFINITY;
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const size = [...this.map.values()].reduce((n, x) => n + x.length, 0) - (this.map.get(k)?.length ?? 0);
    if (size + v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.writes++;
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

/** One browser tab: the worker's Playground, the page's record, and each terminal's screen. */
class Tab {
  pg!: Playground;
  record!: SessionRecord;
  readonly screens = new Map<string, string>();
  troubles: string[] = [];

  constructor(
    readonly storage: MapStorage,
    private members = 3,
  ) {}

  private sink(): PlaygroundSink {
    const add = (t: string, s: string) => this.screens.set(t, (this.screens.get(t) ?? '') + s);
    return {
      output: (t, _id, bytes) => add(t, bytes),
      done: (t, _id, code) => add(t, `[exit ${code}]\n$ `),
      echo: (t, line) => add(t, `${line}\n`),
      recorded: (input) => this.record.add(input),
    };
  }

  private trouble = (why: string) => this.troubles.push(why);

  /** Open the page: the stored session comes back, or a fresh cluster starts. */
  open(seed: number): void {
    this.screens.clear();
    const stored = loadStoredSession(this.storage);
    if (stored) {
      this.pg = Playground.replay(parseSession(stored.file), this.sink());
      this.record = SessionRecord.resume(this.storage, stored, this.trouble);
    } else {
      this.record = SessionRecord.fresh(this.storage, seed, this.members, this.trouble);
      this.pg = new Playground(seed, this.sink(), this.members);
    }
  }

  /** Import a file (or open a share link): it replaces the session. */
  import(file: SessionFile): void {
    this.screens.clear();
    const checked = parseSession(JSON.parse(JSON.stringify(file)));
    this.pg = Playground.replay(checked, this.sink());
    this.record = SessionRecord.replace(this.storage, checked, this.trouble);
  }

  reset(seed: number): void {
    this.record.clear();
    this.screens.clear();
    this.record = SessionRecord.fresh(this.storage, seed, this.members, this.trouble);
    this.pg = new Playground(seed, this.sink(), this.members);
  }

  type(t: string, line: string): void {
    if (this.pg.busy(t)) return;
    this.screens.set(t, `${this.screens.get(t) ?? ''}${line}\n`);
    this.pg.exec(t, line);
  }

  /** Wall time passes in frames; the worker's clock message tells the page where the run is. */
  frames(n: number, ms = 16.7): void {
    for (let i = 0; i < n; i++) {
      this.pg.advance(ms);
      this.record.reached(this.pg.now(), this.pg.sim.world.scheduler.executed());
    }
  }

  /** Leaving the page (pagehide) stores where the run had got to. */
  close(): void {
    this.record.flush();
  }

  /** Everything a learner can see or reach: the picture, every member's keys, the screens. */
  state() {
    const w = this.pg.sim.world;
    return {
      at: [this.pg.now(), w.scheduler.executed()],
      view: this.pg.view({ logTail: 50, traceTail: 500, sentSince: 0 }),
      stores: w.members.map((m) => m.kv.read().range('\x00', '\x00', {}).kvs.length),
      busy: ['t1', 't2'].map((t) => this.pg.busy(t)),
      screens: Object.fromEntries([...this.screens].filter(([, s]) => s !== '').sort()),
    };
  }
}

const commands = [
  'etcdctl put k1 v1',
  'etcdctl put k2 "two words"',
  'etcdctl get k --prefix',
  'etcdctl del k1',
  'etcdctl watch k --prefix',
  'etcdctl lease grant 2',
  'etcdctl member list',
  'etcdctl endpoint status -w table',
  'export A=1',
  'echo $A',
  'sleep 1',
  'etcdctl member add infra4 --peer-urls=http://127.0.0.1:42380',
  'sim start infra4',
];

type Step =
  | { kind: 'type'; t: string; line: string }
  | { kind: 'interrupt'; t: string }
  | { kind: 'control'; action: 'stop' | 'kill' | 'start' | 'isolate' | 'heal'; member: string }
  | { kind: 'time'; action: 'pause' | 'resume' | 'step' | 'until' }
  | { kind: 'wait'; frames: number; ms: number }
  | { kind: 'reload' | 'crash' | 'export-import' | 'share' | 'reset' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('type' as const),
      t: fc.constantFrom('t1', 't2'),
      line: fc.constantFrom(...commands),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('interrupt' as const), t: fc.constantFrom('t1', 't2') }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('control' as const),
      action: fc.constantFrom('stop', 'kill', 'start', 'isolate', 'heal' as const),
      member: fc.constantFrom('infra1', 'infra2', 'infra3'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('time' as const),
      action: fc.constantFrom('pause', 'resume', 'step', 'until' as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      frames: fc.integer({ min: 1, max: 60 }),
      // Mostly frames, sometimes a tab left alone for an hour.
      ms: fc.constantFrom(16.7, 16.7, 33, 250, 3_600_000),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('reload' as const, 'crash' as const, 'export-import' as const, 'reset' as const),
    }),
  },
);

describe('sessions never lose a learner’s work', () => {
  it('come back exactly after any interleaving of inputs, reloads, crashes, exports, imports, share links, member adds and resets (replay a failure with its printed seed)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom(1, 2, 3, 5),
        fc.array(step, { maxLength: 30 }),
        async (seed, members, steps) => {
          const storage = new MapStorage();
          let tab = new Tab(storage, members);
          tab.open(seed);
          for (const s of steps) {
            if (s.kind === 'type') tab.type(s.t, s.line);
            else if (s.kind === 'interrupt') tab.pg.interrupt(s.t);
            else if (s.kind === 'control') tab.pg.control(s.action, { member: s.member });
            else if (s.kind === 'time') tab.pg.time(s.action);
            else if (s.kind === 'wait') tab.frames(Math.min(s.frames, s.ms > 1000 ? 3 : s.frames), s.ms);
            else if (s.kind === 'reset') tab.reset(seed + 1);
            else if (s.kind === 'export-import') {
              const file = tab.record.snapshot();
              const before = tab.state();
              tab.reset(seed + 2);
              tab.import(file);
              expect(tab.state()).toEqual(before);
            } else if (s.kind === 'share') {
              // The link is opened in a fresh browser: a storage of its own.
              const link = await encodeShareFragment(tab.record.snapshot());
              const before = tab.state();
              const other = new Tab(new MapStorage(), members);
              other.import((await decodeShareFragment(link))!);
              expect(other.state()).toEqual(before);
            } else {
              // A reload stores where the run had got to; a crash stores nothing more than the inputs did.
              if (s.kind === 'reload') tab.close();
              const before = tab.state();
              const reference = Playground.replay(parseSession(JSON.parse(JSON.stringify(tab.pg.toFile()))), {
                output: () => {},
                done: () => {},
              });
              tab = new Tab(storage, members);
              tab.open(seed);
              if (s.kind === 'reload') {
                expect(tab.state()).toEqual(before);
                // …and the same as replaying every input from scratch.
                expect(tab.state().view).toEqual(new TabView(reference).view);
              } else {
                // After a crash the run comes back at the last input at least, on the same path.
                expect(tab.pg.inputs).toEqual(reference.inputs);
              }
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('store each input as one small write, however long the session', () => {
    const storage = new MapStorage();
    const tab = new Tab(storage);
    tab.open(1);
    tab.frames(100);
    const cost = (n: number) => {
      const before = storage.writes;
      const bytes = [...storage.map.values()].reduce((a, v) => a + v.length, 0);
      for (let i = 0; i < n; i++) {
        tab.type('t1', `etcdctl put k${i} v`);
        tab.frames(2);
      }
      const grown = [...storage.map.values()].reduce((a, v) => a + v.length, 0) - bytes;
      return { writes: (storage.writes - before) / n, bytes: grown / n };
    };
    const early = cost(10);
    tab.frames(10);
    for (let i = 0; i < 2000; i++) {
      tab.type('t2', `echo ${i}`);
      tab.frames(1);
    }
    const late = cost(10);
    expect(tab.record.length).toBeGreaterThan(2000);
    // The same number of writes, and the same bytes, per input at 20 inputs and at 2,000.
    expect(late.writes).toBe(early.writes);
    expect(Math.abs(late.bytes - early.bytes)).toBeLessThan(8);
  });

  it('say so once when the browser’s storage is full, keep running, and still export everything', () => {
    const storage = new MapStorage();
    storage.quota = 4_000;
    const tab = new Tab(storage);
    tab.open(1);
    tab.frames(100);
    for (let i = 0; i < 100; i++) {
      tab.type('t1', `etcdctl put key${i} value${i}`);
      tab.frames(3);
    }
    expect(tab.troubles).toEqual(["this browser's storage for the page is full"]);
    const file = tab.record.snapshot();
    expect(file.inputs.filter((i) => i.kind === 'exec')).toHaveLength(100);
    // What was stored still replays (a reload keeps what fitted)…
    const stored = loadStoredSession(storage)!;
    expect(stored.file.inputs.length).toBeGreaterThan(0);
    expect(() => Playground.replay(parseSession(stored.file), { output: () => {}, done: () => {} })).not.toThrow();
    // …and the export has it all.
    const back = new Tab(new MapStorage());
    back.import(file);
    expect(back.state().view.keyspace).toEqual(tab.state().view.keyspace);
  });

  it('two tabs of the page: the one opened last saves the session, the other says it stopped', () => {
    const storage = new MapStorage();
    const a = new Tab(storage);
    a.open(2);
    a.frames(100);
    a.type('t1', 'etcdctl put from a');
    a.frames(10);
    const b = new Tab(storage);
    b.open(2);
    b.type('t1', 'etcdctl put from b');
    b.frames(10);
    // Tab a goes on running, but no longer writes over what b saves.
    a.type('t1', 'etcdctl put again a');
    a.frames(10);
    a.close();
    expect(a.troubles).toEqual(['this session was opened in another tab, which saves it from now on']);
    expect(b.troubles).toEqual([]);
    b.close();
    const c = new Tab(storage);
    c.open(2);
    expect(c.state()).toEqual(b.state());
  });

  it('read a session stored whole by the previous version, and store it as entries from then on', () => {
    const storage = new MapStorage();
    const old = new Tab(new MapStorage());
    old.open(4);
    old.type('t1', 'etcdctl put foo bar');
    old.frames(30);
    const file = old.pg.toFile();
    storage.setItem('etcd-playground:session', JSON.stringify(file));
    const tab = new Tab(storage);
    tab.open(4);
    expect(tab.state().view).toEqual(old.state().view);
    tab.type('t1', 'etcdctl get foo');
    tab.frames(30);
    tab.close();
    const again = new Tab(storage);
    again.open(4);
    expect(again.state()).toEqual(tab.state());
  });
});

/** The view of a bare Playground, as Tab.state() takes it. */
class TabView {
  readonly view;
  constructor(p: Playground) {
    this.view = p.view({ logTail: 50, traceTail: 500, sentSince: 0 });
  }
}
