// The history of one key, as etcd's key_index keeps it: a list of generations. A generation
// runs from the put that (re)creates the key to the delete (tombstone) that ends it; the last
// generation is the live one (empty after a delete). Example, key "foo":
//   put@2, put@3, del@4, put@5  =>  {2, 3, 4(tombstone)} {5}
// Compaction drops revisions older than the compaction point but keeps, in each generation,
// the newest revision at or below it, so reads at the compacted revision still work.
// Revisions are packed (revision.ts) so a key's history is a few numbers, not objects.
import type { KeyValue } from '../etcdserverpb.ts';
import { mainOf, packRev, type Revision, unpackRev } from './revision.ts';

export interface Generation {
  /** Number of puts in this generation: the key's `version` after its last put. */
  ver: number;
  /** Packed revision of the put that created it. */
  created: number;
  /** Packed revisions, oldest first. */
  revs: number[];
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

/** The empty live generation, shared: a key index costs one object until its first put. */
const NO_REVS: number[] = Object.freeze([]) as unknown as number[];

export class KeyIndex {
  /** Packed revision of the key's newest change. */
  modified = 0;
  /** Finished generations (each ended by its tombstone), oldest first; none until the first delete. */
  private past: Generation[] | undefined;
  /** The live generation, kept inline: most keys never have another, and a put allocates nothing more. */
  private ver = 0;
  private created = 0;
  private revs: number[] = NO_REVS;
  /**
   * What the key's newest revision wrote (a tombstone after a delete). Reads at or after that
   * revision, by far the most common, take it from here instead of the backend.
   */
  latest: KeyValue | undefined;
  /** Main revision of `latest`, and whether the key is alive now: inline so the fast path reads one object. */
  latestMain = 0;
  alive = false;

  constructor(readonly key: string) {}

  /** All generations, the live (possibly empty) one last. */
  get generations(): Generation[] {
    return [...(this.past ?? []), { ver: this.ver, created: this.created, revs: this.revs }];
  }

  private set generations(gens: Generation[]) {
    const live = gens[gens.length - 1];
    this.past = gens.length > 1 ? gens.slice(0, -1) : undefined;
    this.ver = live.ver;
    this.created = live.created;
    this.revs = live.revs;
  }

  /** The live generation, if the key exists now. */
  live(): Generation | undefined {
    return this.revs.length ? { ver: this.ver, created: this.created, revs: this.revs } : undefined;
  }

  /** Version and packed create revision of the live generation (a put's fast path); undefined if the key is deleted. */
  liveVersion(): { ver: number; created: number } | undefined {
    return this.revs.length ? { ver: this.ver, created: this.created } : undefined;
  }

  /** The key's value at `atRev` when that is its newest revision (the fast path of reads); undefined otherwise. */
  latestAt(atRev: number): KeyValue | null | undefined {
    if (this.latest === undefined || this.latestMain > atRev) return undefined;
    return this.alive ? this.latest : null;
  }

  put(main: number, sub: number, kv?: KeyValue): void {
    const rev = packRev(main, sub);
    this.latest = kv;
    this.latestMain = main;
    this.alive = true;
    if (this.revs.length === 0) {
      this.created = rev;
      this.revs = [rev];
    } else this.revs.push(rev);
    this.ver++;
    this.modified = rev;
  }

  /** End the live generation with a delete at (main, sub). */
  tombstone(main: number, sub: number, kv?: KeyValue): void {
    if (this.revs.length === 0) throw new RevisionNotFound();
    this.put(main, sub, kv);
    this.alive = false;
    this.past ??= [];
    this.past.push({ ver: this.ver, created: this.created, revs: this.revs });
    this.ver = 0;
    this.created = 0;
    this.revs = NO_REVS;
  }

  /** The key as it was at revision `atRev`, or undefined if it did not exist then. */
  get(atRev: number): KeyAt | undefined {
    const g = this.findGeneration(atRev);
    if (!g) return undefined;
    const n = lastAtOrBelow(g.revs, atRev);
    if (n < 0) return undefined;
    return { modified: unpackRev(g.revs[n]), created: unpackRev(g.created), ver: g.ver - (g.revs.length - n - 1) };
  }

  /** Packed revision of the key's value at `atRev`, or -1 when it did not exist then. */
  modifiedAt(atRev: number): number {
    const g = this.findGeneration(atRev);
    if (!g) return -1;
    const n = lastAtOrBelow(g.revs, atRev);
    return n < 0 ? -1 : g.revs[n];
  }

  /** The generation alive at `rev`, if any. */
  findGeneration(rev: number): Generation | undefined {
    if (this.revs.length && mainOf(this.revs[0]) <= rev)
      return { ver: this.ver, created: this.created, revs: this.revs };
    const past = this.past ?? [];
    for (let i = past.length - 1; i >= 0; i--) {
      const g = past[i];
      // A finished generation ends with its tombstone: deleted at or before rev means absent.
      if (mainOf(g.revs[g.revs.length - 1]) <= rev) return undefined;
      if (mainOf(g.revs[0]) <= rev) return g;
    }
    return undefined;
  }

  /**
   * Drop history older than `atRev`. Each packed revision that must stay readable at `atRev`
   * is added to `available` (the store keeps those in its backend, drops the rest).
   */
  compact(atRev: number, available: Set<number>): void {
    const gens = this.generations;
    const { genIdx, revIndex } = findCompactPoint(gens, atRev, available);
    const g = gens[genIdx];
    let from = genIdx;
    if (g.revs.length > 0) {
      if (revIndex !== -1) g.revs = g.revs.slice(revIndex);
      // A generation left with only its tombstone is gone entirely.
      if (g.revs.length === 1 && genIdx !== gens.length - 1) {
        available.delete(g.revs[0]);
        from++;
      }
    }
    this.generations = gens.slice(from);
  }

  /** What compact(atRev) would keep, without changing anything. */
  keep(atRev: number, available: Set<number>): void {
    if (this.isEmpty()) return;
    const gens = this.generations;
    const { genIdx, revIndex } = findCompactPoint(gens, atRev, available);
    const g = gens[genIdx];
    if (g.revs.length > 0 && revIndex === g.revs.length - 1 && genIdx !== gens.length - 1) {
      // Only the tombstone would remain: it is not kept either.
      available.delete(g.revs[revIndex]);
    }
  }

  isEmpty(): boolean {
    return !this.past?.length && this.revs.length === 0;
  }
}

function findCompactPoint(
  gens: Generation[],
  atRev: number,
  available: Set<number>,
): { genIdx: number; revIndex: number } {
  let genIdx = 0;
  // The first generation that holds atRev or was created after it.
  while (genIdx < gens.length - 1) {
    const g = gens[genIdx];
    if (mainOf(g.revs[g.revs.length - 1]) > atRev) break;
    genIdx++;
  }
  const g = gens[genIdx];
  const revIndex = lastAtOrBelow(g.revs, atRev);
  if (revIndex >= 0) available.add(g.revs[revIndex]);
  return { genIdx, revIndex };
}

/** Index of the newest revision whose main is ≤ atRev, or -1. */
function lastAtOrBelow(revs: number[], atRev: number): number {
  const limit = packRev(atRev + 1, 0);
  for (let i = revs.length - 1; i >= 0; i--) if (revs[i] < limit) return i;
  return -1;
}
