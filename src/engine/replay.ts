// Replays a conformance case against a fresh simulated cluster and renders the transcript in
// the recorder's format, so it can be compared with what real etcd printed.
import { parseCase, renderTranscript, type TranscriptEntry } from './casefile.ts';
import { Simulation } from './index.ts';

/** The recorder waits this long before interrupting a job with `kill %N`, so in-flight events arrive. */
export const KILL_GRACE_MS = 500;

export interface ReplayOptions {
  seed?: number;
}

export function replayCase(text: string, opts: ReplayOptions = {}): { transcript: string; entries: TranscriptEntry[] } {
  const sim = Simulation.create({ seed: opts.seed ?? 1 });
  const sh = sim.shell({ jobOutput: 'buffered', cwd: '/tmp/case' });
  const entries: TranscriptEntry[] = [];
  for (const c of parseCase(text)) {
    if (c.kind === 'kill') sim.advance(KILL_GRACE_MS);
    const { output, exitCode } = sim.execSync(sh, c.text);
    entries.push({ command: c.text, output, exitCode: c.kind === 'bg' ? 0 : exitCode });
  }
  return { transcript: renderTranscript(entries), entries };
}
