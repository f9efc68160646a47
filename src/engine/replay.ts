// Replays a conformance case against a fresh simulated cluster and renders the transcript in
// the recorder's format, so it can be compared with what real etcd printed.
import { terminalText } from './base/bytes.ts';
import { parseCase, renderTranscript, type TranscriptEntry } from './casefile.ts';
import { Simulation } from './index.ts';

/** The recorder waits this long before interrupting a job with `kill %N`, so in-flight events arrive. */
export const KILL_GRACE_MS = 500;
/** Virtual time a replayed cluster has been up before the first command. */
export const MIN_UPTIME_MS = 6_000;

export interface ReplayOptions {
  seed?: number;
}

/**
 * Bring a fresh default cluster to the state every recorded case starts from (README: "The
 * cluster each case gets"): once the first election is over, the recorder moves leadership twice
 * so that infra1 leads at term 4 and the log is at index 10 on every member.
 */
export function bootLikeRecorder(sim: Simulation): void {
  const w = sim.world;
  if (!w.settle()) throw new Error('the simulated cluster did not settle');
  const path: Record<string, string[]> = {
    infra1: ['infra2', 'infra1'],
    infra2: ['infra3', 'infra1'],
    infra3: ['infra2', 'infra1'],
  };
  for (const to of path[w.leader()!.name] ?? []) {
    const target = w.member(to)!;
    w.leader()!.moveLeader(target.id, () => {});
    w.runUntil(() => w.leader() === target && w.stable(), w.scheduler.now() + 10_000);
  }
  w.settle();
  // Members' streams are up for more than etcd's 5 s health interval (the recorder's min-uptime),
  // so a member add is not refused as "unhealthy cluster".
  w.scheduler.advance(Math.max(0, MIN_UPTIME_MS - w.scheduler.now()));
}

export function replayCase(text: string, opts: ReplayOptions = {}): { transcript: string; entries: TranscriptEntry[] } {
  const sim = Simulation.create({ seed: opts.seed ?? 1 });
  bootLikeRecorder(sim);
  const sh = sim.shell({ jobOutput: 'buffered', cwd: '/tmp/case' });
  const entries: TranscriptEntry[] = [];
  for (const c of parseCase(text)) {
    if (c.kind === 'kill') sim.advance(KILL_GRACE_MS);
    const { output, exitCode } = sim.execSync(sh, c.text);
    entries.push({ command: c.text, output: terminalText(output), exitCode: c.kind === 'bg' ? 0 : exitCode });
  }
  return { transcript: renderTranscript(entries), entries };
}
