// npm run fuzz -- --seeds N | --seed S [--duration MS] [--size 1-7] [--bug NAME]
// Runs swarm fuzzing seeds against the simulated cluster. Prints SEED=<n> before each run, so a
// failure can be replayed with --seed. Exit codes: 0 all passed; 10 an invariant was broken;
// 11 a history was not linearizable; 12 the cluster did not recover (liveness); 13 an exception.
import { type FuzzFailure, runFuzz } from '../engine/sim/fuzz.ts';

export const EXIT_CODES: Record<FuzzFailure, number> = {
  invariant: 10,
  linearizability: 11,
  liveness: 12,
  exception: 13,
};

/** The deliberate faults a run can switch on (test-only). */
export const BUGS: Record<string, { raft?: Record<string, boolean>; member?: Record<string, boolean> }> = {
  'commit-previous-term': { raft: { commitPreviousTerm: true } },
  'vote-for-stale-log': { raft: { voteForStaleLog: true } },
  'forget-vote': { member: { forgetVote: true } },
  'stale-reads': { member: { staleReads: true } },
};

function main(argv: string[]): number {
  let seeds = 20;
  let first = 1;
  let duration: number | undefined;
  let bug: string | undefined;
  let size: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--seeds') seeds = Number(argv[++i]);
    else if (a === '--seed') {
      first = Number(argv[++i]);
      seeds = 1;
    } else if (a === '--from') first = Number(argv[++i]);
    else if (a === '--duration') duration = Number(argv[++i]);
    else if (a === '--bug') bug = argv[++i];
    else if (a === '--size') size = Number(argv[++i]);
    else {
      process.stderr.write(
        `usage: npm run fuzz -- [--seeds N] [--seed S] [--from S] [--duration MS] [--size 1-7] [--bug ${Object.keys(BUGS).join('|')}]\n`,
      );
      return 2;
    }
  }
  if (bug && !BUGS[bug]) {
    process.stderr.write(`unknown bug ${bug}: ${Object.keys(BUGS).join(', ')}\n`);
    return 2;
  }
  let ops = 0;
  let faults = 0;
  const sizes = new Map<number, number>();
  for (let seed = first; seed < first + seeds; seed++) {
    process.stdout.write(`SEED=${seed}\n`);
    const r = runFuzz({ seed, durationMs: duration, size, bugs: bug ? BUGS[bug] : undefined });
    ops += r.ops;
    faults += r.faultsInjected;
    sizes.set(r.size, (sizes.get(r.size) ?? 0) + 1);
    if (!r.ok) {
      process.stdout.write(
        `FAIL seed=${seed} ${r.failure}: ${r.message}\n  faults enabled: ${r.faults.join(',')}\n  replay: npm run fuzz -- --seed ${seed}${size ? ` --size ${size}` : ''}${bug ? ` --bug ${bug}` : ''}\n`,
      );
      return EXIT_CODES[r.failure!];
    }
  }
  const bySize = [...sizes].sort((a, b) => a[0] - b[0]).map(([n, k]) => `${k}×${n}`);
  process.stdout.write(
    `ok: ${seeds} seeds (clusters of ${bySize.join(', ')} members), ${ops} client operations, ${faults} faults injected\n`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!))
  process.exitCode = main(process.argv.slice(2));
