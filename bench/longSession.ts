// A long session as a learner leaves one: `commands` commands spread over `hours` of virtual
// time, typed in browser frames, the tab left alone in between (where the cluster dozes). The
// benchmarks replay it (engine) and reload the page with it (terminal ready).
import { Playground } from '../src/engine/session/playground.ts';
import type { SessionFile } from '../src/engine/session/sessionFile.ts';

const silent = { output: () => {}, done: () => {} };

export function longSession(commands = 10_000, hours = 72): SessionFile {
  const p = new Playground(1, silent);
  const gap = (hours * 3_600_000) / commands;
  for (let f = 0; f < 120; f++) p.advance(16.7);
  for (let i = 0; i < commands; i++) {
    const key = `key${i % 200}`;
    p.exec('t1', i % 4 === 3 ? `etcdctl get ${key}` : `etcdctl put ${key} value-${i}`);
    // The command's answer and a second of heartbeats, frame by frame, then the rest of the gap.
    let spent = 0;
    for (let f = 0; f < 70; f++) {
      p.advance(16.7);
      spent += 16.7;
    }
    p.advance(Math.max(0, gap - spent));
  }
  return p.toFile();
}

/** Wall ms to rebuild a session (what a reload pays in the worker), against building a fresh cluster. */
export function replayMs(file: SessionFile): number {
  const t0 = performance.now();
  Playground.replay(file, silent);
  return performance.now() - t0;
}

export function freshMs(): number {
  const t0 = performance.now();
  new Playground(1, silent).advance(16.7);
  return performance.now() - t0;
}
