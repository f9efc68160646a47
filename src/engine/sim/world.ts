// The simulated world: the virtual clock, the seeded randomness, the members, the network
// between them and the one clients reach them through, and the controls a UI, a lesson or the
// `sim` command use (stop, kill, start, partition, heal, latency, loss).

import { serveHttp } from '../api/http/server.ts';
import type { HttpRequest, HttpResponse } from '../api/http/types.ts';
import { clusterId } from '../base/ids.ts';
import { Prng } from '../base/prng.ts';
import { Scheduler } from '../base/scheduler.ts';
import { kindOf, type SimEvent, type TraceEvent } from '../base/trace.ts';
import { WatchRegistry } from '../client/watchRegistry.ts';
import { type Message, MessageType } from '../raft/messages.ts';
import type { RaftBugs } from '../raft/raft.ts';
import type { MemberBugs } from '../server/member.ts';
import { ELECTION_MS, HEARTBEAT_MS, Member, type MemberHost, type MemberObserver } from '../server/member.ts';
import type { MemberInfo } from '../server/membership.ts';
import { Network } from './network.ts';
import { DEFAULT_TOPOLOGY, hostPort, localTopology, type MemberSpec, type Topology } from './topology.ts';
import { VirtualFs } from './vfs.ts';

const RAFT_LABEL = 'net: raft message';
/** A member's background loops: they run forever and change nothing in a quiet cluster. */
const IDLE_LOOP = /^(raft: tick|lease: check|v2: sync) /;

/** One-way latency between a client and a member on the same host, in virtual ms. */
export const CLIENT_LATENCY_MS = 0.1;

export interface WorldOptions {
  seed?: number;
  topology?: Topology;
  epochMs?: number;
  observer?: MemberObserver;
  /** Test-only faults, switched on in every member before it starts. */
  bugs?: { raft?: RaftBugs; member?: MemberBugs };
  /** Raft settings of every member (etcd 3.4: no pre-vote, many entries per message). */
  raft?: { preVote?: boolean; maxEntriesPerMsg?: number; snapshotCount?: number; catchUpEntries?: number };
}

/** A connection from a client to the member listening on an endpoint. */
export interface Connection {
  readonly endpoint: string;
  readonly member: Member;
  /** Deliver `f` at the member after the network's latency; `down` runs instead if it is gone by then. */
  send(f: (m: Member) => void, down?: () => void): void;
  /** Deliver `f` back at the client after the network's latency. */
  receive(f: () => void): void;
}

export class World {
  readonly scheduler: Scheduler;
  readonly prng: Prng;
  readonly members: Member[] = [];
  readonly fs = new VirtualFs();
  readonly topology: Topology;
  readonly network: Network;
  readonly traceLog: TraceEvent[] = [];
  /** The newest Raft messages put on the wire, when `recordSends` is on (the UI draws each one). */
  readonly recentSends: {
    seq: number;
    from: bigint;
    to: bigint;
    type: string;
    term: number;
    sentAt: number;
    arrivesAt: number;
  }[] = [];
  /** The newest Raft messages the network dropped (a partition, loss), for the UI to draw. */
  readonly recentDrops: { t: number; from: bigint; to: bigint; type: string }[] = [];
  /** Every client watch, for the UI's watch picture. */
  readonly watches = new WatchRegistry();
  /** Keep the messages sent lately (the UI's network picture; off for speed otherwise). */
  recordSends = false;
  /** The leader traces each entry it applies (the UI's event log; off for speed otherwise). */
  traceCommits = false;
  /** Also trace every Raft message sent and dropped (the UI's event log; off for speed otherwise). */
  traceMessages = false;
  /** Checkers that see every apply and every new leader. */
  observer: MemberObserver | undefined;
  private host!: MemberHost;
  /** Sees every Raft message as it is sent, and may drop it (the fuzzer's protocol-aware faults). */
  nemesis: ((m: Message) => boolean | undefined) | undefined;

  constructor(opts: WorldOptions = {}) {
    const self = this;
    this.observer = opts.observer;
    this.scheduler = new Scheduler(opts.epochMs);
    this.prng = new Prng(opts.seed ?? 1);
    this.topology = opts.topology ?? DEFAULT_TOPOLOGY;
    this.network = new Network(this.scheduler, this.prng.fork('network'));
    this.network.onDrop = (data) => {
      const m = data as Message | undefined;
      if (m?.type) {
        this.recentDrops.push({ t: this.scheduler.now(), from: m.from, to: m.to, type: m.type });
        if (this.recentDrops.length > 64) this.recentDrops.splice(0, 32);
      }
      if (this.traceMessages && m?.type)
        this.emit({
          type: 'message',
          msgType: m.type,
          from: this.nameOf(m.from),
          to: this.nameOf(m.to),
          term: m.term,
          dropped: true,
        });
    };
    this.network.onSend = (data, ev) => {
      if (!this.recordSends) return;
      const m = data as Message | undefined;
      if (!m?.type) return;
      this.recentSends.push({
        seq: ev.seq,
        from: m.from,
        to: m.to,
        type: m.type,
        term: m.term,
        sentAt: this.scheduler.now(),
        arrivesAt: ev.time,
      });
      if (this.recentSends.length > 1024) this.recentSends.splice(0, 512);
    };
    const host: MemberHost = (this.host = {
      scheduler: this.scheduler,
      sendRaft: (m: Message) => this.sendRaft(m),
      forward: (from: Member, to: bigint, f: (m: Member) => void) => this.forward(from, to, f),
      emit: (e: SimEvent) => this.emit(e),
      nameOf: (id: bigint) => this.member(id)?.name,
      get traceCommits() {
        return self.traceCommits;
      },
      connectedSince: (a: Member, b: bigint) => this.connectedSince(a, b),
      get observer() {
        return self.observer;
      },
    });
    for (const spec of this.topology.members) {
      this.members.push(
        new Member(
          {
            name: spec.name,
            clientUrls: spec.clientUrls,
            peerUrls: spec.peerUrls,
            clusterToken: this.topology.clusterToken,
          },
          host,
          this.prng.fork(`elections:${spec.name}`),
        ),
      );
    }
    const cid = clusterId(this.members.map((m) => m.id));
    const initial: MemberInfo[] = this.members.map((m) => ({
      id: m.id,
      name: m.name,
      peerURLs: m.config.peerUrls,
      clientURLs: m.config.clientUrls,
      isLearner: false,
    }));
    for (const m of this.members) {
      m.clusterId = cid;
      m.bootstrap(initial);
    }
    for (const m of this.members) {
      if (opts.bugs?.raft) m.bugs = opts.bugs.raft;
      if (opts.bugs?.member) m.memberBugs = opts.bugs.member;
      if (opts.raft?.preVote !== undefined) m.preVote = opts.raft.preVote;
      if (opts.raft?.maxEntriesPerMsg !== undefined) m.maxEntriesPerMsg = opts.raft.maxEntriesPerMsg;
      if (opts.raft?.snapshotCount !== undefined) m.snapshotCount = opts.raft.snapshotCount;
      if (opts.raft?.catchUpEntries !== undefined) m.catchUpEntries = opts.raft.catchUpEntries;
      m.start();
    }
  }

  private traceSeq = 0;

  /** Something happened: a line of the event log, and a fact lessons' goals can check. */
  emit(e: SimEvent): void {
    this.traceLog.push({ t: this.scheduler.now(), seq: ++this.traceSeq, kind: kindOf(e), e });
    if (this.traceLog.length > 10_000) this.traceLog.splice(0, 5_000);
  }

  /** The number of the last event emitted (0 before any). */
  lastEventSeq(): number {
    return this.traceSeq;
  }

  private nameOf(id: bigint): string {
    return this.member(id)?.name ?? id.toString(16);
  }

  member(nameOrId: string | bigint): Member | undefined {
    return this.members.find((m) => m.name === nameOrId || m.id === nameOrId);
  }

  /** The running member whose client URL is host:port, if one listens there. */
  listener(endpoint: string): Member | undefined {
    const hp = hostPort(endpoint);
    return this.members.find((m) => m.running && m.config.clientUrls.some((u) => hostPort(u) === hp));
  }

  private readonly connections = new Map<string, Connection>();

  dial(endpoint: string): Connection | undefined {
    const member = this.listener(endpoint);
    if (!member) return undefined;
    const cached = this.connections.get(endpoint);
    if (cached && cached.member === member) return cached;
    const s = this.scheduler;
    const conn: Connection = {
      endpoint,
      member,
      send: (f, down) =>
        s.after(CLIENT_LATENCY_MS, 'net: request', () => {
          if (member.running) f(member);
          else down?.();
        }),
      receive: (f) => s.after(CLIENT_LATENCY_MS, 'net: response', f),
    };
    this.connections.set(endpoint, conn);
    return conn;
  }

  /**
   * An HTTP request from a client on this host to a member's client URL: the response after the
   * network's latency, or undefined at once when nothing listens there (connection refused).
   */
  http(hostport: string, req: HttpRequest, respond: (r: HttpResponse) => void): boolean {
    const member = this.listener(hostport);
    if (!member) return false;
    const s = this.scheduler;
    s.after(CLIENT_LATENCY_MS, 'net: http request', () => {
      if (!member.running) return;
      serveHttp(member, req, (r) => s.after(CLIENT_LATENCY_MS, 'net: http response', () => respond(r)));
    });
    return true;
  }

  private sendRaft(m: Message): void {
    if (this.nemesis?.(m)) return;
    const from = this.member(m.from);
    const to = this.member(m.to);
    if (!from || !to) return;
    if (this.traceMessages)
      this.emit({ type: 'message', msgType: m.type, from: from.name, to: to.name, term: m.term, dropped: false });
    this.network.send(from.name, to.name, RAFT_LABEL, () => to.receive(m), m);
  }

  private forward(from: Member, to: bigint, f: (m: Member) => void): boolean {
    const target = this.member(to);
    if (!target?.running) return false;
    this.network.send(from.name, target.name, `forward ${from.name}->${target.name}`, () => {
      if (target.running) f(target);
    });
    return true;
  }

  /** Since when the peer stream between two members has been up (etcd's transport ActiveSince), if it is. */
  private connectedSince(a: Member, id: bigint): number | undefined {
    const b = this.member(id);
    if (!b?.running || !a.running) return undefined;
    const link = this.network.upSince(a.name, b.name);
    if (link === undefined) return undefined;
    return Math.max(link, a.startedAt, b.startedAt);
  }

  leader(): Member | undefined {
    return this.members.find((m) => m.running && m.isLeader());
  }

  /** Every running member agrees on one leader and has applied all it has committed. */
  stable(): boolean {
    const running = this.members.filter((m) => m.running && m.membership.members.has(m.id));
    const lead = this.leader();
    if (!lead || !running.length) return false;
    const log = lead.node!.raft.log;
    const commit = log.committed;
    // The leader has committed an entry of its own term (its first empty entry at least).
    if (log.term(commit) !== lead.raftTerm()) return false;
    return running.every(
      (m) => m.leader === lead.id && m.appliedIndex === commit && m.node!.raft.log.committed === commit,
    );
  }

  /**
   * Nothing is happening, nor will until someone acts: the cluster is stable, every pending event
   * is a member's idle loop or a heartbeat, no lease or v2 TTL is counting down, and the network
   * loses nothing (a lossy one may start an election by itself). Such a cluster may doze.
   */
  quiet(): boolean {
    const f = this.network.faults;
    // A cut link drops heartbeats: the members it cuts off will time out and campaign.
    if (f.loss > 0 || f.duplicate > 0 || this.network.cut.size > 0 || !this.stable()) return false;
    for (const m of this.members) {
      if (m.running && (m.lessor.count() > 0 || m.v2.hasTTLKeys())) return false;
    }
    for (const e of this.scheduler.events()) {
      if (IDLE_LOOP.test(e.label)) continue;
      const type = (e.data as Message | undefined)?.type;
      if (e.label === RAFT_LABEL && (type === MessageType.MsgHeartbeat || type === MessageType.MsgHeartbeatResp))
        continue;
      return false;
    }
    return true;
  }

  /** Run until `done()` or until virtual time passes `deadline`. */
  runUntil(done: () => boolean, deadline?: number): boolean {
    return this.scheduler.runUntil(done, deadline);
  }

  /** Run until the cluster is stable and its version is set (at most `limitMs` of virtual time). */
  settle(limitMs = 30_000): boolean {
    const deadline = this.scheduler.now() + limitMs;
    return this.runUntil(() => this.stable() && !!this.leader()?.membership.clusterVersion, deadline);
  }

  // ---- controls ----

  /** Crash a member: it stops at once; its disk survives. */
  kill(name: string): void {
    if (this.member(name)?.running) this.emit({ type: 'killed', member: name });
    this.member(name)?.stop();
  }

  /**
   * Start a stopped member from its disk: it rejoins, catches up and publishes itself again. A
   * name the world does not know yet starts the member `member add` announced at that name's
   * peer URL (infra4 at :42380, as the tutorial's "node 4"), with an empty disk: the leader sends
   * it the log (or a snapshot) and it joins. A removed member cannot come back (etcd refuses it:
   * "the member has been permanently removed from the cluster") unless `member add` announced
   * it again, and then it starts afresh, with an empty disk, under its new ID.
   */
  start(name: string): 'started' | 'unknown' | 'removed' {
    const known = this.member(name);
    if (known && this.removed(known)) {
      if (!this.joiner(name, known)) return 'removed';
      return 'started';
    }
    const m = known ?? this.joiner(name);
    if (!m) return 'unknown';
    m.start();
    return 'started';
  }

  /**
   * The groups of running members that can talk to each other both ways (a partition's sides),
   * and whether each holds a quorum of the cluster's voting members.
   */
  sides(): { members: string[]; quorum: boolean; needed: number; voters: number }[] {
    const someone = this.members.find((m) => m.running) ?? this.members[0];
    const voters = someone
      ? someone.membership
          .list()
          .filter((i) => !i.isLearner)
          .map((i) => i.id)
      : [];
    const needed = Math.floor(voters.length / 2) + 1;
    const up = this.members.filter((m) => m.running);
    const seen = new Set<Member>();
    const out: { members: string[]; quorum: boolean; needed: number; voters: number }[] = [];
    for (const m of up) {
      if (seen.has(m)) continue;
      const group: Member[] = [];
      const todo = [m];
      seen.add(m);
      while (todo.length) {
        const a = todo.pop()!;
        group.push(a);
        for (const b of up)
          if (!seen.has(b) && !this.network.isCut(a.name, b.name) && !this.network.isCut(b.name, a.name)) {
            seen.add(b);
            todo.push(b);
          }
      }
      const votes = group.filter((g) => voters.includes(g.id)).length;
      out.push({ members: group.map((g) => g.name), quorum: votes >= needed, needed, voters: voters.length });
    }
    return out;
  }

  /** Whether the cluster has removed this member (etcdctl member remove): any member knows it. */
  removed(m: Member): boolean {
    return this.members.some((x) => x.membership.removed.has(m.id));
  }

  /** Members `member add` announced that have not started yet: their ids and the name to start them by. */
  pendingJoiners(): { id: bigint; name: string | undefined; peerURLs: string[] }[] {
    const anyRunning = this.members.find((m) => m.running);
    if (!anyRunning) return [];
    return anyRunning.membership
      .list()
      .filter((i) => !i.name && !this.members.some((m) => m.id === i.id))
      .map((i) => {
        let name: string | undefined;
        for (let n = 1; n <= 9 && !name; n++) {
          const spec = this.topology.members.find((s) => s.name === `infra${n}`) ?? conventionalSpec(`infra${n}`);
          if (spec?.peerUrls.some((u) => i.peerURLs.includes(u))) name = spec.name;
        }
        return { id: i.id, name, peerURLs: i.peerURLs };
      });
  }

  /**
   * The process for a member added at run time, if the cluster has one waiting at this name's
   * URLs; it takes the place of `replacing` (a removed member of that name) and starts.
   */
  private joiner(name: string, replacing?: Member): Member | undefined {
    const spec = this.topology.members.find((s) => s.name === name) ?? conventionalSpec(name);
    if (!spec) return undefined;
    const anyRunning = this.members.find((m) => m.running);
    const info = anyRunning?.membership
      .list()
      .find((i) => !i.name && i.peerURLs.some((u) => spec.peerUrls.includes(u)));
    if (!info) return undefined;
    const m = new Member(
      {
        name,
        clientUrls: spec.clientUrls,
        peerUrls: info.peerURLs,
        clusterToken: this.topology.clusterToken,
        id: info.id,
      },
      this.host,
      this.prng.fork(`elections:${name}`),
    );
    m.clusterId = anyRunning!.clusterId;
    m.preVote = anyRunning!.preVote;
    m.snapshotCount = anyRunning!.snapshotCount;
    m.catchUpEntries = anyRunning!.catchUpEntries;
    if (replacing) this.members.splice(this.members.indexOf(replacing), 1, m);
    else this.members.push(m);
    this.emit({ type: 'joined', member: name, id: info.id.toString(16) });
    if (replacing) m.start();
    return m;
  }

  /**
   * Stop a member gracefully: a leader first hands leadership to the follower most up to date,
   * as etcd does; `done` runs once the process has ended.
   */
  stop(name: string, done: () => void = () => {}): void {
    const m = this.member(name);
    if (!m?.running) return done();
    if (!m.isLeader()) {
      m.stop();
      return done();
    }
    const r = m.node!.raft;
    const followers = [...r.prs.values()]
      .filter((p) => p.id !== m.id && !p.isLearner && this.member(p.id)?.running)
      .sort((a, b) => b.match - a.match || (a.id < b.id ? -1 : 1));
    if (!followers.length) {
      m.stop();
      return done();
    }
    m.moveLeader(followers[0].id, () => {
      m.stop();
      done();
    });
  }

  partition(groups: string[][]): void {
    this.network.partition(groups);
    this.emit({ type: 'partition', groups });
  }

  isolate(name: string): void {
    this.network.isolate(
      name,
      this.members.map((m) => m.name),
    );
    this.emit({ type: 'isolate', member: name });
  }

  heal(): void {
    this.network.heal();
    this.emit({ type: 'heal' });
  }

  /** One-way latency between members, in virtual ms. */
  setLatency(ms: number): void {
    this.network.faults.latencyMs = ms;
    this.emit({ type: 'latency', ms });
  }

  /** The fraction (0 to 1) of messages between members the network drops. */
  setLoss(fraction: number): void {
    this.network.faults.loss = fraction;
    this.emit({ type: 'loss', percent: Math.round(fraction * 100) });
  }
}

export { ELECTION_MS, HEARTBEAT_MS };

/** infraN on 127.0.0.1 at the ports the default topology's pattern gives it (infra4: 42379 / 42380). */
function conventionalSpec(name: string): MemberSpec | undefined {
  const m = /^infra(\d+)$/.exec(name);
  if (!m) return undefined;
  return localTopology(Number(m[1])).members[Number(m[1]) - 1];
}
