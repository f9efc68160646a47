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
/** Cases the team wrote and recorded with the same recorder on etcd 3.4.23 (see own/README.md). */
export const OWN_DIR = join(import.meta.dirname, 'own');

const dirOf = (name: string) => (readdirSync(OWN_DIR).includes(`${name}.sh`) ? OWN_DIR : CASES_DIR);

/** The path of a case's file (`.sh` or `.out`), in the shared corpus or among the team's own. */
export const caseFile = (name: string, ext: '.sh' | '.out') => join(dirOf(name), `${name}${ext}`);

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
  return [...readdirSync(CASES_DIR), ...readdirSync(OWN_DIR)]
    .filter((f) => f.endsWith('.sh'))
    .map((f) => f.slice(0, -3))
    .sort();
}

export function runCase(name: string, seed = 1): CaseResult {
  const sh = readFileSync(caseFile(name, '.sh'), 'utf8');
  const expected = readFileSync(caseFile(name, '.out'), 'utf8');
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
