// The simulated world: the virtual clock, the seeded randomness, the members and the network
// that carries client requests to them. Everything a shell or a UI acts on goes through here.
import { clusterId } from '../base/ids.ts';
import { Prng } from '../base/prng.ts';
import { Scheduler } from '../base/scheduler.ts';
import { Member } from '../server/member.ts';
import { hostPort, SINGLE_MEMBER_TOPOLOGY, type Topology } from './topology.ts';
import { VirtualFs } from './vfs.ts';

/** One-way latency of a loopback hop, in virtual ms. */
export const LOOPBACK_MS = 0.1;

export interface WorldOptions {
  seed?: number;
  topology?: Topology;
  epochMs?: number;
}

/** A connection from a client to the member listening on an endpoint. */
export interface Connection {
  readonly endpoint: string;
  readonly member: Member;
  /** Deliver `f` at the member after the network's latency, unless the member is gone by then. */
  send(f: (m: Member) => void): void;
  /** Deliver `f` back at the client after the network's latency. */
  receive(f: () => void): void;
}

export class World {
  readonly scheduler: Scheduler;
  readonly prng: Prng;
  readonly members: Member[] = [];
  readonly fs = new VirtualFs();
  readonly topology: Topology;

  constructor(opts: WorldOptions = {}) {
    this.scheduler = new Scheduler(opts.epochMs);
    this.prng = new Prng(opts.seed ?? 1);
    this.topology = opts.topology ?? SINGLE_MEMBER_TOPOLOGY;
    for (const spec of this.topology.members) {
      this.members.push(
        new Member(
          {
            name: spec.name,
            clientUrls: spec.clientUrls,
            peerUrls: spec.peerUrls,
            clusterToken: this.topology.clusterToken,
          },
          this.scheduler,
        ),
      );
    }
    const cid = clusterId(this.members.map((m) => m.id));
    for (const m of this.members) {
      m.clusterId = cid;
      m.start();
    }
  }

  /** The member whose client URL is host:port, if one listens there. */
  listener(endpoint: string): Member | undefined {
    const hp = hostPort(endpoint);
    return this.members.find((m) => m.config.clientUrls.some((u) => hostPort(u) === hp));
  }

  dial(endpoint: string): Connection | undefined {
    const member = this.listener(endpoint);
    if (!member) return undefined;
    const s = this.scheduler;
    return {
      endpoint,
      member,
      send: (f) => s.after(LOOPBACK_MS, `net: request to ${member.name}`, () => f(member)),
      receive: (f) => s.after(LOOPBACK_MS, `net: response from ${member.name}`, f),
    };
  }

  /** Run the world until `done()` or until virtual time passes `deadline`. */
  runUntil(done: () => boolean, deadline?: number): boolean {
    return this.scheduler.runUntil(done, deadline);
  }
}
