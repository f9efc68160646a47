// The cluster under swarm fuzzing: 200 seeds pass every check; each deliberate bug is caught
// within 200 seeds (so the checkers can fail); a seed replays byte for byte.
import { describe, expect, it } from 'vitest';
import { type FuzzOptions, runFuzz } from './fuzz.ts';

const SEEDS = Number(process.env.FUZZ_SEEDS ?? 200);

function firstFailure(opts: Omit<FuzzOptions, 'seed'>, seeds = SEEDS) {
  for (let seed = 1; seed <= seeds; seed++) {
    const r = runFuzz({ ...opts, seed });
    if (!r.ok) return r;
  }
  return undefined;
}

describe('swarm fuzzing of the cluster', () => {
  it(`${SEEDS} seeds: invariants hold, histories are linearizable, the cluster recovers`, () => {
    const failure = firstFailure({});
    expect(failure, failure && `SEED=${failure.seed} ${failure.failure}: ${failure.message}`).toBeUndefined();
  });

  for (const size of [1, 2, 3, 5, 7])
    it(`clusters of ${size}: 25 seeds pass every check`, () => {
      const failure = firstFailure({ size }, 25);
      expect(
        failure,
        failure && `SEED=${failure.seed} --size ${size} ${failure.failure}: ${failure.message}`,
      ).toBeUndefined();
    });

  const bugs: [string, FuzzOptions['bugs'], string][] = [
    ['commit a previous-term entry by counting replicas', { raft: { commitPreviousTerm: true } }, 'invariant'],
    ['grant votes to a candidate with a stale log', { raft: { voteForStaleLog: true } }, 'invariant'],
    ['forget to persist the vote', { member: { forgetVote: true } }, 'invariant'],
    ['serve linearizable reads without ReadIndex', { member: { staleReads: true } }, 'linearizability'],
  ];
  for (const [what, b, kind] of bugs) {
    it(`catches the bug "${what}" within ${SEEDS} seeds`, () => {
      const failure = firstFailure({ bugs: b });
      expect(failure, 'the bug went unnoticed').toBeDefined();
      expect(failure!.failure).toBe(kind);
    });
  }

  it('replays a seed byte for byte: same seed, same trace, same history', () => {
    const a = runFuzz({ seed: 7 });
    const b = runFuzz({ seed: 7 });
    expect(a.trace.length).toBeGreaterThan(1000);
    expect(b.trace).toBe(a.trace);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
