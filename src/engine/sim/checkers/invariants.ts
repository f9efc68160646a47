// Raft's and etcd's safety properties, checked as the simulation runs:
//   election safety      at most one leader per term
//   state-machine safety no two members apply different entries at one index
//   MVCC agreement       members that applied the same index are at the same store revision
//   revision monotonic   a member's store revision never goes back
//   log matching         two logs with an entry of the same index and term agree up to it
//   leader completeness  a leader's log holds every entry committed before its term
//   committed durability every entry a member applied is still in the logs after crashes
import { type Entry, EntryType } from '../../raft/messages.ts';
import type { Member, MemberObserver } from '../../server/member.ts';
import type { World } from '../world.ts';

export class InvariantViolation extends Error {
  constructor(
    readonly invariant: string,
    message: string,
  ) {
    super(`${invariant}: ${message}`);
  }
}

function fingerprint(e: Entry): string {
  if (e.type === EntryType.ConfChange)
    return `${e.term}:cc:${JSON.stringify(e.data, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`;
  return `${e.term}:${JSON.stringify(e.data ?? null, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`;
}

export class InvariantChecker implements MemberObserver {
  /** term -> the member that led it */
  private readonly leaders = new Map<number, string>();
  /** index -> fingerprint of the entry applied there (by anyone) */
  private readonly appliedEntries = new Map<number, { fp: string; term: number; by: string }>();
  /** index -> store revision after applying it */
  private readonly revAt = new Map<number, number>();
  private readonly lastRev = new Map<string, number>();
  violations: InvariantViolation[] = [];

  private fail(invariant: string, message: string): void {
    const v = new InvariantViolation(invariant, message);
    this.violations.push(v);
    throw v;
  }

  becameLeader(m: Member, term: number): void {
    const prev = this.leaders.get(term);
    if (prev && prev !== m.name) this.fail('election safety', `${prev} and ${m.name} both led term ${term}`);
    this.leaders.set(term, m.name);
    // Leader completeness: the new leader's log has every entry applied anywhere so far.
    const log = m.node!.raft.log;
    for (const [index, a] of this.appliedEntries) {
      if (index < log.firstIndex()) continue;
      if (index > log.lastIndex() || log.term(index) !== a.term) {
        this.fail(
          'leader completeness',
          `${m.name} leads term ${term} without entry ${index} (term ${a.term}) that ${a.by} applied`,
        );
      }
    }
  }

  applied(m: Member, e: Entry): void {
    const fp = fingerprint(e);
    const seen = this.appliedEntries.get(e.index);
    if (seen && seen.fp !== fp) {
      this.fail('state-machine safety', `${m.name} applied ${fp} at index ${e.index}, ${seen.by} applied ${seen.fp}`);
    }
    if (!seen) this.appliedEntries.set(e.index, { fp, term: e.term, by: m.name });
    // The store's revision after this entry must be the same on every member.
    const rev = m.kv.currentRev;
    const at = this.revAt.get(e.index);
    if (at !== undefined && at !== rev)
      this.fail('MVCC agreement', `${m.name} is at revision ${rev} after index ${e.index}, another member at ${at}`);
    this.revAt.set(e.index, rev);
    const last = this.lastRev.get(m.name) ?? 0;
    if (rev < last) this.fail('revision monotonic', `${m.name} went from revision ${last} back to ${rev}`);
    this.lastRev.set(m.name, rev);
  }

  /** The checks over whole logs: run them now and then, and at the end of a run. */
  checkLogs(world: World): void {
    const logs = world.members.map((m) => ({ name: m.name, storage: m.raftStorage }));
    for (let i = 0; i < logs.length; i++) {
      for (let j = i + 1; j < logs.length; j++) {
        const a = logs[i].storage;
        const b = logs[j].storage;
        const lo = Math.max(a.firstIndex(), b.firstIndex());
        const hi = Math.min(a.lastIndex(), b.lastIndex());
        // Log matching: find the last index where both have the same term; everything before it matches.
        for (let k = hi; k >= lo; k--) {
          if (a.term(k) !== b.term(k)) continue;
          const ea = a.entries(lo, k + 1);
          const eb = b.entries(lo, k + 1);
          for (let x = 0; x < ea.length; x++) {
            if (fingerprint(ea[x]) !== fingerprint(eb[x])) {
              this.fail(
                'log matching',
                `${logs[i].name} and ${logs[j].name} agree at ${k} but differ at ${ea[x].index}`,
              );
            }
          }
          break;
        }
      }
    }
    // Committed durability: what was applied anywhere is still in some quorum of logs.
    for (const [index, a] of this.appliedEntries) {
      let holders = 0;
      for (const l of logs) {
        const s = l.storage;
        if (index < s.firstIndex()) holders++;
        else if (index <= s.lastIndex() && s.term(index) === a.term) holders++;
      }
      if (holders < Math.floor(logs.length / 2) + 1) {
        this.fail(
          'committed durability',
          `entry ${index} (term ${a.term}) was applied but only ${holders} logs hold it`,
        );
      }
    }
  }
}
