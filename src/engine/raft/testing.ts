// A network of Raft nodes for tests (like etcd-io/raft's raft_test.go network): messages are
// delivered synchronously until none are left, and links can be cut.
import { ConfChangeType, type Entry, EntryType, type Message, type NodeId } from './messages.ts';
import type { RaftBugs, ReadState } from './raft.ts';
import { RawNode } from './rawNode.ts';
import { MemoryStorage } from './storage.ts';

export interface TestNode {
  node: RawNode;
  storage: MemoryStorage;
  applied: Entry[];
  reads: ReadState[];
}

export class TestNetwork {
  readonly nodes = new Map<NodeId, TestNode>();
  /** Links that drop messages: "from->to". */
  readonly cut = new Set<string>();
  /** Every message delivered, for assertions. */
  readonly delivered: Message[] = [];
  private seed: number;

  constructor(
    ids: NodeId[],
    opts: { preVote?: boolean; checkQuorum?: boolean; seed?: number; bugs?: RaftBugs; electionTick?: number } = {},
  ) {
    this.seed = opts.seed ?? 1;
    for (const id of ids) {
      // Bootstrapped as etcd-io/raft's Bootstrap does: one committed ConfChange per voter, at term 1.
      const storage = new MemoryStorage();
      storage.append(
        ids.map((v, i) => ({
          term: 1,
          index: i + 1,
          type: EntryType.ConfChange,
          data: { type: ConfChangeType.AddNode, nodeId: v },
        })),
      );
      storage.setHardState({ term: 1, vote: 0n, commit: ids.length });
      const t = this.add(id, storage, opts);
      for (const v of ids) t.node.raft.applyConfChange({ type: ConfChangeType.AddNode, nodeId: v });
    }
    this.settle();
  }

  add(
    id: NodeId,
    storage: MemoryStorage,
    opts: { preVote?: boolean; checkQuorum?: boolean; bugs?: RaftBugs; electionTick?: number } = {},
  ): TestNode {
    const node = new RawNode({
      id,
      electionTick: opts.electionTick ?? 10,
      heartbeatTick: 1,
      storage,
      preVote: !!opts.preVote,
      checkQuorum: !!opts.checkQuorum,
      rand: (n) => {
        this.seed = (Math.imul(this.seed, 1103515245) + 12345) >>> 0;
        return this.seed % n;
      },
      bugs: opts.bugs,
    });
    const t: TestNode = { node, storage, applied: [], reads: [] };
    this.nodes.set(id, t);
    return t;
  }

  get(id: NodeId): RawNode {
    return this.nodes.get(id)!.node;
  }

  isolate(id: NodeId): void {
    for (const other of this.nodes.keys()) {
      if (other === id) continue;
      this.cut.add(`${id}->${other}`);
      this.cut.add(`${other}->${id}`);
    }
  }

  heal(): void {
    this.cut.clear();
  }

  /** Handle every node's Ready (persist, apply), and deliver messages until the network is quiet. */
  settle(limit = 10_000): void {
    for (let i = 0; i < limit; i++) {
      const pending: Message[] = [];
      for (const t of this.nodes.values()) {
        while (t.node.hasReady()) {
          const rd = t.node.ready();
          if (rd.snapshot) t.storage.applySnapshot(rd.snapshot);
          if (rd.entries.length) t.storage.append(rd.entries);
          if (rd.hardState) t.storage.setHardState(rd.hardState);
          for (const e of rd.committedEntries) {
            if (e.type === EntryType.ConfChange) t.node.applyConfChange(e.data as never);
            t.applied.push(e);
          }
          pending.push(...rd.messages);
          // Read states are kept for the scripts to show (RawNode hands them out once).
          t.reads.push(...rd.readStates);
          t.node.advance(rd);
        }
      }
      if (!pending.length) return;
      for (const m of pending) this.deliver(m);
    }
    throw new Error('network did not settle');
  }

  deliver(m: Message): void {
    if (this.cut.has(`${m.from}->${m.to}`)) return;
    const t = this.nodes.get(m.to);
    if (!t) return;
    this.delivered.push(m);
    t.node.step(m);
  }

  /** Tick every node n times, settling after each tick. */
  tick(n = 1): void {
    for (let i = 0; i < n; i++) {
      for (const t of this.nodes.values()) t.node.tick();
      this.settle();
    }
  }

  /** Campaign on `id` and settle. */
  elect(id: NodeId): void {
    this.get(id).campaign();
    this.settle();
  }

  propose(id: NodeId, data: unknown): void {
    this.get(id).propose(data);
    this.settle();
  }

  leader(): NodeId | undefined {
    for (const [id, t] of this.nodes) if (t.node.raft.state === 'Leader') return id;
    return undefined;
  }
}
