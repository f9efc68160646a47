// The history of one key, as etcd's key_index keeps it: a list of generations. A generation
// runs from the put that (re)creates the key to the delete (tombstone) that ends it; the last
// generation is the live one (empty after a delete). Example, key "foo":
//   put@2, put@3, del@4, put@5  =>  {2, 3, 4(tombstone)} {5}
// Compaction drops revisions older than the compaction point but keeps, in each generation,
// the newest revision at or below it, so reads at the compacted revision still work.
import { packRev, type Revision } from './revision.ts';

export interface Generation {
  /** Number of puts in this generation: the key's `version` after its last put. */
  ver: number;
  created: Revision;
  revs: Revision[];
}

export interface KeyAt {
  modified: Revision;
  created: Revision;
  ver: number;
}

export class RevisionNotFound extends Error {
  constructor() {
    super('mvcc: revision not found');
  }
}

export class KeyIndex {
  modified: Revision = { main: 0, sub: 0 };
  generations: Generation[] = [{ ver: 0, created: { main: 0, sub: 0 }, revs: [] }];

  constructor(readonly key: string) {}

  put(main: number, sub: number): void {
    const rev = { main, sub };
    const g = this.generations[this.generations.length - 1];
    if (g.revs.length === 0) g.created = rev;
    g.revs.push(rev);
    g.ver++;
    this.modified = rev;
  }

  /** End the live generation with a delete at (main, sub). */
  tombstone(main: number, sub: number): void {
    if (this.isEmpty() || this.generations[this.generations.length - 1].revs.length === 0) {
      throw new RevisionNotFound();
    }
    this.put(main, sub);
    this.generations.push({ ver: 0, created: { main: 0, sub: 0 }, revs: [] });
  }

  /** The key as it was at revision `atRev`, or undefined if it did not exist then. */
  get(atRev: number): KeyAt | undefined {
    const g = this.findGeneration(atRev);
    if (!g) return undefined;
    for (let n = g.revs.length - 1; n >= 0; n--) {
      if (g.revs[n].main <= atRev) {
        return { modified: g.revs[n], created: g.created, ver: g.ver - (g.revs.length - n - 1) };
      }
    }
    return undefined;
  }

  /** The generation alive at `rev`, if any. */
  findGeneration(rev: number): Generation | undefined {
    const last = this.generations.length - 1;
    for (let i = last; i >= 0; i--) {
      const g = this.generations[i];
      if (g.revs.length === 0) continue;
      // A finished generation ends with its tombstone: deleted at or before rev means absent.
      if (i !== last && g.revs[g.revs.length - 1].main <= rev) return undefined;
      if (g.revs[0].main <= rev) return g;
    }
    return undefined;
  }

  /**
   * Drop history older than `atRev`. Each packed revision that must stay readable at `atRev`
   * is added to `available` (the store keeps those in its backend, drops the rest).
   */
  compact(atRev: number, available: Set<number>): void {
    const { genIdx, revIndex } = this.findCompactPoint(atRev, available);
    const g = this.generations[genIdx];
    let from = genIdx;
    if (g.revs.length > 0) {
      if (revIndex !== -1) g.revs = g.revs.slice(revIndex);
      // A generation left with only its tombstone is gone entirely.
      if (g.revs.length === 1 && genIdx !== this.generations.length - 1) {
        available.delete(packRev(g.revs[0].main, g.revs[0].sub));
        from++;
      }
    }
    this.generations = this.generations.slice(from);
  }

  /** What compact(atRev) would keep, without changing anything. */
  keep(atRev: number, available: Set<number>): void {
    if (this.isEmpty()) return;
    const { genIdx, revIndex } = this.findCompactPoint(atRev, available);
    const g = this.generations[genIdx];
    if (g.revs.length > 0 && revIndex === g.revs.length - 1 && genIdx !== this.generations.length - 1) {
      // Only the tombstone would remain: it is not kept either.
      available.delete(packRev(g.revs[revIndex].main, g.revs[revIndex].sub));
    }
  }

  isEmpty(): boolean {
    return this.generations.length === 1 && this.generations[0].revs.length === 0;
  }

  private findCompactPoint(atRev: number, available: Set<number>): { genIdx: number; revIndex: number } {
    let genIdx = 0;
    // The first generation that holds atRev or was created after it.
    while (genIdx < this.generations.length - 1) {
      const g = this.generations[genIdx];
      if (g.revs[g.revs.length - 1].main > atRev) break;
      genIdx++;
    }
    const g = this.generations[genIdx];
    let revIndex = -1;
    for (let i = g.revs.length - 1; i >= 0; i--) {
      if (g.revs[i].main <= atRev) {
        available.add(packRev(g.revs[i].main, g.revs[i].sub));
        revIndex = i;
        break;
      }
    }
    return { genIdx, revIndex };
  }
}
