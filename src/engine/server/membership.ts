// The cluster's membership as every member has applied it (etcd's RaftCluster): who is in,
// their names and URLs (published by each member once it starts), learners, removed IDs, and
// the cluster version the leader decided.

export interface MemberInfo {
  id: bigint;
  /** Empty until the member has started and published its attributes ("unstarted"). */
  name: string;
  peerURLs: string[];
  clientURLs: string[];
  isLearner: boolean;
}

export class Membership {
  readonly members = new Map<bigint, MemberInfo>();
  readonly removed = new Set<bigint>();
  clusterVersion: string | undefined;

  add(m: MemberInfo): void {
    this.members.set(m.id, { ...m, peerURLs: [...m.peerURLs], clientURLs: [...m.clientURLs] });
  }

  remove(id: bigint): void {
    this.members.delete(id);
    this.removed.add(id);
  }

  /** Members sorted by ID, as every listing of etcd shows them. */
  list(): MemberInfo[] {
    return [...this.members.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  clone(): Membership {
    const c = new Membership();
    for (const m of this.members.values()) c.add(m);
    for (const id of this.removed) c.removed.add(id);
    c.clusterVersion = this.clusterVersion;
    return c;
  }
}
