// `etcd-playground replay [--seed N] [--out DIR] CASE.sh…`: run conformance cases (or any shell
// script in that format) headless against a fresh simulated cluster and print the transcripts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { replayCase } from '../engine/replay.ts';
import { lessonCheck } from './lessonCheck.ts';

const USAGE = `usage: etcd-playground replay [--seed N] [--out DIR] CASE.sh...
       etcd-playground lesson check [LESSON...] [--lang en|zh]

Runs each case against a fresh simulated etcd cluster and prints its transcript
(or writes DIR/NAME.out with --out).
`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'lesson' && rest[0] === 'check') return lessonCheck(rest.slice(1), (s) => process.stdout.write(s));
  if (cmd !== 'replay') {
    process.stderr.write(USAGE);
    return cmd === '--help' || cmd === '-h' ? 0 : 2;
  }
  let seed = 1;
  let out: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--seed') seed = Number(rest[++i]);
    else if (a.startsWith('--seed=')) seed = Number(a.slice(7));
    else if (a === '--out') out = rest[++i];
    else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else files.push(a);
  }
  if (!files.length || !Number.isInteger(seed)) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (out) mkdirSync(out, { recursive: true });
  for (const f of files) {
    const { transcript } = replayCase(readFileSync(f, 'utf8'), { seed });
    if (out) writeFileSync(join(out, basename(f).replace(/\.sh$/, '') + '.out'), transcript);
    else process.stdout.write(transcript);
  }
  return 0;
}
