// Swarm-style fuzzing of the whole cluster: for one seed, a random workload of puts, gets,
// deletes and compare-and-set txns from several clients, while faults strike at random times
// (crashes, restarts, graceful stops, partitions, isolation, loss, duplication, reordering,
// leader transfers, compactions). Each seed enables a random subset of the fault kinds (swarm
// testing). Afterwards: every invariant, linearizability of the client history, liveness.
import { Prng } from '../base/prng.ts';
import { suspend, type Task, TaskRunner } from '../base/task.ts';
import { Client } from '../client/client.ts';
import type { RaftBugs } from '../raft/raft.ts';
import type { Member, MemberBugs, MemberObserver } from '../server/member.ts';
import { InvariantChecker, InvariantViolation } from './checkers/invariants.ts';
import { isLinearizable, type KvOp, type Operation } from './checkers/linearizability.ts';
import { localTopology } from './topology.ts';
import { World } from './world.ts';

export type FaultKind =
  | 'kill'
  | 'stop'
  | 'bounce'
  | 'flaky-leader'
  | 'vote-bounce'
  | 'lonely-append'
  | 'catch-up-crash'
  | 'partition'
  | 'isolate'
  | 'loss'
  | 'duplicate'
  | 'reorder'
  | 'transfer'
  | 'compact';
export const FAULT_KINDS: FaultKind[] = [
  'kill',
  'stop',
  'bounce',
  'flaky-leader',
  'vote-bounce',
  'lonely-append',
  'catch-up-crash',
  'partition',
  'isolate',
  'loss',
  'duplicate',
  'reorder',
  'transfer',
  'compact',
];

export interface FuzzOptions {
  seed: number;
  /** Virtual time the workload runs, in ms. */
  durationMs?: number;
  clients?: number;
  bugs?: { raft?: RaftBugs; member?: MemberBugs };
  /** Fault kinds to draw from; default: a random subset (swarm). */
  faults?: FaultKind[];
  /** Members in the cluster (1 to 7); default: drawn per seed. */
  size?: number;
}

export type FuzzFailure = 'invariant' | 'linearizability' | 'liveness' | 'exception';

export interface FuzzResult {
  history?: Operation[];
  /** Every event of the run's trace, one per line: the same seed must give the same bytes. */
  trace: string;
  seed: number;
  ok: boolean;
  failure?: FuzzFailure;
  message?: string;
  faults: FaultKind[];
  size: number;
  ops: number;
  faultsInjected: number;
  virtualMs: number;
}

const KEYS = ['a', 'b', 'c'];

export function runFuzz(opts: FuzzOptions): FuzzResult {
  const rng = new Prng(opts.seed);
  const swarm = rng.fork('swarm');
  const faults = opts.faults ?? FAULT_KINDS.filter(() => swarm.bool(0.5));
  // Swarm knobs beyond faults: cluster size, pre-vote, how many entries one append carries.
  const usual = swarm.pick([3, 3, 5]);
  // The unusual sizes from their own stream, so that the other draws of a seed stay as they were.
  const sizes = rng.fork('size');
  const size = opts.size ?? (sizes.bool(0.3) ? sizes.pick([1, 2, 7]) : usual);
  const raft = { preVote: swarm.bool(0.3), maxEntriesPerMsg: swarm.pick([1, 2, 64]) };
  const checker = new InvariantChecker();
  let chaos: ((m: Member) => void) | undefined;
  const observer: MemberObserver = {
    applied: (m, e) => checker.applied(m, e),
    becameLeader: (m, term) => {
      checker.becameLeader(m, term);
      chaos?.(m);
    },
  };
  const world = new World({ seed: opts.seed, observer, bugs: opts.bugs, topology: localTopology(size), raft });
  const s = world.scheduler;
  const duration = opts.durationMs ?? 20_000;
  const history: Operation[] = [];
  let faultsInjected = 0;
  const result = (failure?: FuzzFailure, message?: string): FuzzResult => ({
    seed: opts.seed,
    ok: !failure,
    failure,
    message,
    faults,
    size,
    ops: history.length,
    faultsInjected,
    virtualMs: s.now(),
    trace: world.traceLog.map((e) => `${e.t.toFixed(3)} ${JSON.stringify(e.e)}`).join('\n'),
  });
  try {
    if (!world.settle(60_000)) return result('liveness', 'the cluster did not elect a leader at boot');
    const start = s.now();
    const end = start + duration;
    // --- clients ---
    const nClients = opts.clients ?? 3;
    let seq = 0;
    const runners: TaskRunner<void>[] = [];
    for (let c = 0; c < nClients; c++) {
      const crng = rng.fork(`client:${c}`);
      const client = new Client(
        { scheduler: s, dial: (ep) => world.dial(ep) },
        { endpoints: world.members.map((m) => m.config.clientUrls[0]), dialTimeoutMs: 2000, commandTimeoutMs: 5000 },
        crng,
      );
      const loop = function* (): Task<void> {
        while (s.now() < end) {
          const key = crng.pick(KEYS);
          const r = crng.int(0, 9);
          const op: KvOp =
            r < 4
              ? { kind: 'put', key, value: `${c}.${seq++}` }
              : r < 7
                ? { kind: 'get', key }
                : r < 8
                  ? { kind: 'delete', key }
                  : {
                      kind: 'cas',
                      key,
                      expect: `${crng.int(0, nClients - 1)}.${crng.int(0, Math.max(0, seq - 1))}`,
                      value: `${c}.${seq++}`,
                    };
          const rec: Operation = { client: c, op, call: s.now(), ret: Number.POSITIVE_INFINITY };
          try {
            rec.result = yield* perform(client, op);
            rec.ret = s.now();
            history.push(rec);
          } catch {
            // Failed or timed out: a write may or may not have happened; a read changed nothing.
            if (op.kind !== 'get') history.push({ ...rec, unknown: true });
          }
          yield* sleep(s, crng.int(0, 300));
        }
      };
      runners.push(new TaskRunner(loop(), () => {}).start());
    }
    // --- faults ---
    const frng = rng.fork('faults');
    const names = world.members.map((m) => m.name);
    const injectAt = (t: number) =>
      s.after(t - s.now(), 'fuzz: fault', () => {
        if (s.now() >= end || !faults.length) return;
        faultsInjected++;
        inject(world, frng, frng.pick(faults), names);
        injectAt(s.now() + frng.int(100, 2000));
      });
    injectAt(start + frng.int(200, 2000));
    // Protocol-aware faults: crashes timed by what a member just sent.
    const nrng = rng.fork('nemesis');
    const rivalTerms = new Set<number>();
    const lonely = new Set<bigint>();
    const bounce = (name: string, downMs: number) => {
      world.kill(name);
      s.after(downMs, 'fuzz: restart', () => world.start(name));
    };
    world.nemesis = (m) => {
      if (s.now() >= end) return;
      const from = world.member(m.from);
      if (!from) return;
      // vote-bounce: elections race (a second member's timer fires in the same instant, clock
      // skew), and a member that just granted its vote crashes and is back a moment later.
      if (faults.includes('vote-bounce')) {
        if (m.type === 'MsgVote' && !rivalTerms.has(m.term) && nrng.bool(0.5)) {
          rivalTerms.add(m.term);
          const rival = world.members.find(
            (x) => x.running && x.id !== m.from && x.id !== m.to && x.node!.raft.state === 'Follower',
          );
          if (rival) {
            faultsInjected++;
            s.after(0.05, 'fuzz: skewed timer', () => {
              if (!rival.running) return;
              rival.node!.campaign();
              rival.processReady();
            });
          }
        }
        if (m.type === 'MsgVoteResp' && !m.reject && nrng.bool(0.5)) {
          faultsInjected++;
          s.after(0.01, 'fuzz: vote bounce', () => from.running && bounce(from.name, 0.01 + nrng.float() * 0.05));
        }
      }
      // lonely-append: a leader's new entry never leaves it (the appends are lost and the leader
      // crashes), so its log alone holds an entry of its term.
      if (
        faults.includes('lonely-append') &&
        m.type === 'MsgApp' &&
        m.entries.some((e) => e.term === m.term) &&
        (lonely.has(m.from) || nrng.bool(0.2))
      ) {
        if (!lonely.has(m.from)) {
          lonely.add(m.from);
          faultsInjected++;
          s.after(0.05, 'fuzz: lonely crash', () => {
            lonely.delete(m.from);
            if (from.running) bounce(from.name, nrng.int(100, 2000));
          });
        }
        return true;
      }
      // catch-up-crash: a leader bringing a follower entries of an earlier term is cut off just
      // after the follower acknowledged them, before its own entries follow.
      if (
        faults.includes('catch-up-crash') &&
        m.type === 'MsgApp' &&
        m.entries.length &&
        m.entries[0].term < m.term &&
        nrng.bool(0.3)
      ) {
        faultsInjected++;
        s.after(0.45, 'fuzz: catch-up cut', () => {
          if (!from.running) return;
          world.isolate(from.name);
          s.after(nrng.int(100, 2000), 'fuzz: heal', () => world.heal());
        });
      }
      return false;
    };
    // flaky-leader: a leader that has just won is cut off or crashes within milliseconds,
    // mid-replication (the schedules of the Raft paper's Figure 8).
    if (faults.includes('flaky-leader')) {
      const lrng = rng.fork('flaky-leader');
      chaos = (m) => {
        if (s.now() >= end || !lrng.bool(0.5)) return;
        faultsInjected++;
        s.after(lrng.float() * 5, 'fuzz: flaky leader', () => {
          if (!m.running) return;
          if (lrng.bool(0.5)) {
            world.kill(m.name);
            s.after(lrng.int(50, 1500), 'fuzz: restart', () => world.start(m.name));
          } else {
            world.isolate(m.name);
            s.after(lrng.int(50, 1500), 'fuzz: heal', () => world.heal());
          }
        });
      };
    }
    // Invariants that look at whole logs, now and then.
    const periodic = () => {
      checker.checkLogs(world);
      if (s.now() < end) s.after(1000, 'fuzz: check logs', periodic);
    };
    s.after(1000, 'fuzz: check logs', periodic);
    world.runUntil(() => s.now() >= end && runners.every((r) => r.done), end + 30_000);
    // --- heal everything and wait for the cluster to recover ---
    world.heal();
    world.network.faults = { latencyMs: 0.2, jitterMs: 0, loss: 0, duplicate: 0 };
    for (const m of world.members) if (!m.running) world.start(m.name);
    if (!world.settle(60_000))
      return result('liveness', 'the cluster did not recover within 60 s after the faults healed');
    checker.checkLogs(world);
    if (!isLinearizable(history)) {
      // Every operation touches one key, so the history is linearizable iff each key's is: name the key.
      const bad = KEYS.find((k) => !isLinearizable(history.filter((o) => o.op.key === k)));
      return {
        ...result('linearizability', `the history of ${history.length} operations is not linearizable (key ${bad})`),
        history,
      };
    }
    return result();
  } catch (e) {
    if (e instanceof InvariantViolation) return result('invariant', e.message);
    return result('exception', e instanceof Error ? `${e.message}\n${e.stack}` : String(e));
  }
}

function* perform(client: Client, op: KvOp): Task<string | null | number | boolean | undefined> {
  switch (op.kind) {
    case 'put':
      yield* client.put({ key: op.key, value: op.value });
      return undefined;
    case 'get': {
      const r = yield* client.get({ key: op.key });
      return r.kvs.length ? r.kvs[0].value : null;
    }
    case 'delete':
      return (yield* client.delete({ key: op.key })).deleted;
    case 'cas': {
      const r = yield* client.txn({
        compare: [{ key: op.key, target: 3, result: 0, value: op.expect }],
        success: [{ requestPut: { key: op.key, value: op.value } }],
        failure: [],
      });
      return r.succeeded;
    }
  }
}

function sleep(s: World['scheduler'], ms: number): Task<void> {
  return suspend<void>((resume) => {
    const ev = s.after(ms, 'fuzz: think', () => resume({ ok: true, value: undefined }));
    return () => s.cancel(ev);
  });
}

function inject(world: World, r: Prng, kind: FaultKind, names: string[]): void {
  const running = world.members.filter((m) => m.running).map((m) => m.name);
  const stopped = world.members.filter((m) => !m.running).map((m) => m.name);
  switch (kind) {
    case 'kill':
    case 'stop':
      // Bring one back, or take one down (keeping the chance of a quorum alive).
      if (stopped.length && (r.bool(0.6) || running.length <= 1)) world.start(r.pick(stopped));
      else if (running.length) kind === 'kill' ? world.kill(r.pick(running)) : world.stop(r.pick(running));
      return;
    case 'partition': {
      if (r.bool(0.4)) return world.heal();
      const shuffled = names
        .map((n) => ({ n, k: r.float() }))
        .sort((a, b) => a.k - b.k)
        .map((x) => x.n);
      const cut = r.int(1, names.length - 1);
      world.partition([shuffled.slice(0, cut), shuffled.slice(cut)]);
      return;
    }
    case 'isolate':
      if (r.bool(0.4)) return world.heal();
      world.isolate(world.leader()?.name ?? r.pick(names));
      return;
    case 'loss':
      world.network.faults.loss = r.bool(0.5) ? 0 : r.pick([0.05, 0.2, 0.5]);
      return;
    case 'duplicate':
      world.network.faults.duplicate = r.bool(0.5) ? 0 : r.pick([0.05, 0.3]);
      return;
    case 'reorder':
      world.network.faults.jitterMs = r.bool(0.5) ? 0 : r.pick([1, 5, 50]);
      return;
    case 'bounce': {
      // Crash and restart within a few milliseconds: whatever was only in memory is gone.
      if (!running.length) return;
      const name = r.pick(running);
      world.kill(name);
      world.scheduler.after(r.float() * 20, 'fuzz: bounce', () => world.start(name));
      return;
    }
    case 'flaky-leader':
    case 'vote-bounce':
    case 'lonely-append':
    case 'catch-up-crash':
      return;
    case 'transfer': {
      const lead = world.leader();
      if (!lead) return;
      const others = running.filter((n) => n !== lead.name);
      if (others.length) lead.moveLeader(world.member(r.pick(others))!.id, () => {});
      return;
    }
    case 'compact': {
      const lead = world.leader();
      if (!lead || lead.kv.currentRev < 3) return;
      const rev = r.int(Math.max(1, lead.kv.compactMainRev + 1), lead.kv.currentRev);
      lead.compact({ revision: rev }, () => {});
      return;
    }
  }
}
