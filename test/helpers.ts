// A headless terminal for tests: type lines, get what the terminal shows and the exit status.
import { Simulation } from '../src/engine/index.ts';

export function terminal(seed = 1, jobOutput: 'live' | 'buffered' = 'buffered') {
  const sim = Simulation.create({ seed });
  sim.world.settle(); // a leader, every member caught up, the cluster version set
  const sh = sim.shell({ jobOutput });
  return {
    sim,
    sh,
    /** Run one line to its end; returns what it printed. */
    run(line: string): string {
      return sim.execSync(sh, line).output;
    },
    exec(line: string): { output: string; exitCode: number } {
      const { output, exitCode } = sim.execSync(sh, line);
      return { output, exitCode };
    },
  };
}
