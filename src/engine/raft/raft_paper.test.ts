// The claims of the Raft paper (Ongaro & Ousterhout, "In Search of an Understandable Consensus
// Algorithm"), sections 5.1–5.4, one test each, as etcd-io/raft's raft_paper_test.go does.
import { describe, expect, it } from 'vitest';
import { EntryType, MessageType, msg } from './messages.ts';
import { StateType } from './raft.ts';
import { TestNetwork } from './testing.ts';

const ids = [1n, 2n, 3n];
/** Every test cluster starts from etcd's bootstrap: one ConfChange entry per member, at term 1. */
const BOOT = ids.length;
const normal = (net: TestNetwork, id: bigint) =>
  net.nodes
    .get(id)!
    .applied.filter((e) => e.type === EntryType.Normal)
    .map((e) => e.data);

describe('§5.1 Raft basics', () => {
  it('a node that sees a higher term takes it and becomes a follower', () => {
    for (const state of [StateType.Follower, StateType.Candidate, StateType.Leader]) {
      const net = new TestNetwork(ids);
      const r = net.get(1n).raft;
      if (state !== StateType.Follower) r.becomeCandidate();
      if (state === StateType.Leader) r.becomeLeader();
      r.step(msg({ type: MessageType.MsgApp, from: 2n, to: 1n, term: 5 }));
      expect(r.term).toBe(5);
      expect(r.state).toBe(StateType.Follower);
    }
  });

  it('a request with a stale term is ignored', () => {
    const net = new TestNetwork(ids);
    const r = net.get(1n).raft;
    r.becomeFollower(3, 2n);
    r.step(
      msg({
        type: MessageType.MsgApp,
        from: 2n,
        to: 1n,
        term: 2,
        entries: [{ term: 2, index: 1, type: EntryType.Normal }],
      }),
    );
    expect(r.log.lastIndex()).toBe(BOOT);
  });

  it('nodes start as followers', () => {
    const net = new TestNetwork(ids);
    for (const id of ids) expect(net.get(id).raft.state).toBe(StateType.Follower);
  });
});

describe('§5.2 leader election', () => {
  it('a leader sends heartbeats to every follower', () => {
    const net = new TestNetwork(ids);
    net.elect(1n);
    const r = net.get(1n).raft;
    r.tick();
    const hb = r.msgs.filter((m) => m.type === MessageType.MsgHeartbeat).map((m) => m.to);
    expect(hb.sort()).toEqual([2n, 3n]);
  });

  it('a follower that hears nothing for an election timeout starts an election: new term, votes for itself, asks everyone', () => {
    const net = new TestNetwork(ids);
    const r = net.get(1n).raft;
    const before = r.term;
    for (let i = 0; i < 2 * r.electionTimeout; i++) r.tick();
    expect(r.state).toBe(StateType.Candidate);
    expect(r.term).toBe(before + 1);
    expect(r.vote).toBe(1n);
    expect(
      r.msgs
        .filter((m) => m.type === MessageType.MsgVote)
        .map((m) => m.to)
        .sort(),
    ).toEqual([2n, 3n]);
  });

  it('a candidate with votes from a majority becomes leader', () => {
    const net = new TestNetwork(ids);
    net.isolate(3n);
    net.elect(1n);
    expect(net.get(1n).raft.state).toBe(StateType.Leader);
  });

  it('a node votes for at most one candidate per term, first come first served', () => {
    const net = new TestNetwork(ids);
    const r = net.get(3n).raft;
    r.step(msg({ type: MessageType.MsgVote, from: 1n, to: 3n, term: 2, index: BOOT, logTerm: 1 }));
    r.step(msg({ type: MessageType.MsgVote, from: 2n, to: 3n, term: 2, index: BOOT, logTerm: 1 }));
    const resps = r.msgs.filter((m) => m.type === MessageType.MsgVoteResp);
    expect(resps.map((m) => [m.to, m.reject])).toEqual([
      [1n, false],
      [2n, true],
    ]);
  });

  it('a candidate that hears from a leader of its term becomes a follower', () => {
    const net = new TestNetwork(ids);
    const r = net.get(1n).raft;
    r.becomeCandidate();
    r.step(msg({ type: MessageType.MsgApp, from: 2n, to: 1n, term: r.term }));
    expect(r.state).toBe(StateType.Follower);
    expect(r.lead).toBe(2n);
  });

  it('a candidate without a majority stays candidate, and starts a new election after a timeout', () => {
    const net = new TestNetwork(ids);
    net.isolate(1n);
    net.elect(1n);
    const r = net.get(1n).raft;
    expect(r.state).toBe(StateType.Candidate);
    const term = r.term;
    for (let i = 0; i < 2 * r.electionTimeout; i++) r.tick();
    expect(r.term).toBeGreaterThan(term);
  });

  it('election timeouts are randomized between one and two election timeouts', () => {
    const net = new TestNetwork(ids, { seed: 7 });
    const seen = new Set<number>();
    const r = net.get(1n).raft;
    for (let i = 0; i < 50; i++) {
      r.becomeFollower(r.term + 1, 0n);
      expect(r.randomizedElectionTimeout).toBeGreaterThanOrEqual(r.electionTimeout);
      expect(r.randomizedElectionTimeout).toBeLessThan(2 * r.electionTimeout);
      seen.add(r.randomizedElectionTimeout);
    }
    expect(seen.size).toBeGreaterThan(3);
  });
});

describe('§5.3 log replication', () => {
  it('the leader appends a proposal, replicates it, and commits it once a majority has it', () => {
    const net = new TestNetwork(ids);
    net.elect(1n);
    net.propose(1n, 'x');
    for (const id of ids) {
      const r = net.get(id).raft;
      expect(r.log.committed).toBe(BOOT + 2);
      expect(normal(net, id)).toEqual([undefined, 'x']);
    }
  });

  it('an entry is committed with a majority even if one follower is down', () => {
    const net = new TestNetwork(ids);
    net.elect(1n);
    net.isolate(3n);
    net.propose(1n, 'x');
    expect(net.get(1n).raft.log.committed).toBe(BOOT + 2);
    expect(net.get(3n).raft.log.lastIndex()).toBe(BOOT + 1);
  });

  it('followers learn the commit index from the leader and apply in order', () => {
    const net = new TestNetwork(ids);
    net.elect(1n);
    for (const d of ['a', 'b', 'c']) net.propose(1n, d);
    expect(normal(net, 2n)).toEqual([undefined, 'a', 'b', 'c']);
  });

  it('a follower refuses entries whose predecessor it does not have (consistency check)', () => {
    const net = new TestNetwork(ids);
    const r = net.get(2n).raft;
    r.step(msg({ type: MessageType.MsgApp, from: 1n, to: 2n, term: 1, index: BOOT + 5, logTerm: 1, entries: [] }));
    const resp = r.msgs.find((m) => m.type === MessageType.MsgAppResp)!;
    expect(resp.reject).toBe(true);
    expect(resp.rejectHint).toBe(BOOT);
  });

  it("a leader brings a follower's conflicting log in line with its own", () => {
    const net = new TestNetwork(ids);
    net.elect(1n);
    net.propose(1n, 'a');
    // 3 is cut off, becomes leader of a later term alone and appends entries nobody else has.
    net.isolate(3n);
    net.elect(3n);
    net.get(3n).propose('stale');
    net.settle();
    net.heal();
    net.isolate(3n);
    net.elect(2n);
    net.propose(2n, 'b');
    net.heal();
    net.tick(1);
    net.propose(2n, 'c');
    const data = (id: bigint) =>
      net
        .get(id)
        .raft.log.entries(1)
        .map((e) => e.data);
    expect(data(3n)).toEqual(data(2n));
    expect(data(3n)).not.toContain('stale');
  });
});

describe('§5.4 safety', () => {
  it('§5.4.1 a voter denies its vote to a candidate whose log is less up to date', () => {
    const net = new TestNetwork(ids);
    net.elect(1n);
    net.propose(1n, 'a');
    const r = net.get(2n).raft;
    r.step(msg({ type: MessageType.MsgVote, from: 3n, to: 2n, term: r.term + 1, index: BOOT, logTerm: 1 }));
    expect(r.msgs.find((m) => m.type === MessageType.MsgVoteResp)!.reject).toBe(true);
  });

  it('§5.4.1 a candidate that misses committed entries cannot win', () => {
    const net = new TestNetwork(ids);
    net.elect(1n);
    net.isolate(3n);
    net.propose(1n, 'a');
    net.heal();
    net.isolate(1n);
    net.elect(3n);
    expect(net.get(3n).raft.state).not.toBe(StateType.Leader);
  });

  it('§5.4.2 a leader never commits an entry of an earlier term by counting replicas (Figure 8)', () => {
    const net = new TestNetwork([1n, 2n, 3n, 4n, 5n]);
    net.elect(1n);
    // Leader 1 (term 1) gets an entry onto 2 only, then loses leadership.
    for (const id of [3n, 4n, 5n]) net.isolate(id);
    net.propose(1n, 'old');
    net.heal();
    net.isolate(1n);
    net.isolate(2n);
    // 5 leads term 2 with 3 and 4; it does not replicate anything further before 1 comes back.
    net.elect(5n);
    net.heal();
    for (const id of [2n, 3n, 4n, 5n]) net.isolate(id);
    net.cut.delete('1n->2n');
    // 1 becomes leader again in a later term with 2 and 3 and spreads "old" to 3: a majority
    // holds it, but it is from term 1, so 1 must not commit it before an entry of its own term.
    const r1 = net.get(1n).raft;
    r1.becomeFollower(net.get(5n).raft.term, 0n);
    net.heal();
    net.isolate(4n);
    net.isolate(5n);
    net.elect(1n);
    const leaderTerm = r1.term;
    const committed = r1.log.entries(1).filter((e) => e.index <= r1.log.committed);
    for (const e of committed) {
      if (e.data === 'old') {
        // Committed only together with (after) an entry of the leader's own term.
        expect(r1.log.term(r1.log.committed)).toBe(leaderTerm);
      }
    }
  });
});
