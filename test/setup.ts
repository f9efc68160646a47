// Randomized tests replay from a seed: FC_SEED=<seed> (and FC_PATH=<path>) re-runs a failure
// exactly; fast-check prints both when a property fails.
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
fc.configureGlobal({
  ...(seed !== undefined ? { seed } : {}),
  ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
  numRuns: process.env.FC_RUNS ? Number(process.env.FC_RUNS) : undefined,
});
