// Replays every vendored case and compares its normalized transcript with the recording.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replayCase } from '../../src/engine/replay.ts';
// @ts-expect-error: likewise the recorder's case-file reader.
import { splitTranscript } from './casefile.mjs';
// @ts-expect-error: the recorder's normalizer is plain JavaScript, vendored as it is.
import { normalize } from './normalize.mjs';
import { type Pending, pendingOn } from './pending.ts';

export const CASES_DIR = join(import.meta.dirname, 'cases');

export interface CaseResult {
  name: string;
  pass: boolean;
  commands: number;
  commandsPassing: number;
  pending?: Pending;
  actual: string;
  expected: string;
}

export function caseNames(): string[] {
  return readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.sh'))
    .map((f) => f.slice(0, -3))
    .sort();
}

export function runCase(name: string, seed = 1): CaseResult {
  const sh = readFileSync(join(CASES_DIR, `${name}.sh`), 'utf8');
  const expected = readFileSync(join(CASES_DIR, `${name}.out`), 'utf8');
  const { entries, transcript } = replayCase(sh, { seed });
  const actual: string = normalize(transcript);
  const want = splitTranscript(
    expected,
    entries.map((e) => e.command),
  ) as { output: string; exitCode: number }[];
  const got = splitTranscript(
    actual,
    entries.map((e) => e.command),
  ) as { output: string; exitCode: number }[];
  const commandsPassing = want.filter(
    (w, i) => got[i] && w.output === got[i].output && w.exitCode === got[i].exitCode,
  ).length;
  const pass = actual === expected;
  return {
    name,
    pass,
    commands: want.length,
    commandsPassing,
    pending: pass ? undefined : pendingOn(expected),
    actual,
    expected,
  };
}

export function passingList(): Set<string> {
  const text = readFileSync(join(import.meta.dirname, 'passing.txt'), 'utf8');
  return new Set(text.split('\n').filter((l) => l && !l.startsWith('#')));
}
