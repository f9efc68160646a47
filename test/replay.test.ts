// The headless runner: same seed and same inputs give the same transcript, byte for byte; the
// command-line front writes the recorder's format.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayCase } from '../src/engine/replay.ts';
import { CASES_DIR, caseFile, caseNames } from './conformance/run.ts';

describe('replay', () => {
  it('is deterministic: every case, replayed twice with one seed, prints the same bytes', () => {
    for (const name of caseNames()) {
      const sh = readFileSync(caseFile(name, '.sh'), 'utf8');
      expect(replayCase(sh, { seed: 42 }).transcript, name).toBe(replayCase(sh, { seed: 42 }).transcript);
    }
  });

  it('runs from the command line and writes DIR/NAME.out', () => {
    const out = mkdtempSync(join(tmpdir(), 'replay-'));
    const root = join(import.meta.dirname, '..');
    execFileSync(
      'node',
      [join(root, 'bin/etcd-playground.mjs'), 'replay', '--seed', '3', '--out', out, join(CASES_DIR, 'kv-del.sh')],
      {
        cwd: root,
      },
    );
    const text = readFileSync(join(out, 'kv-del.out'), 'utf8');
    expect(text).toBe(readFileSync(join(CASES_DIR, 'kv-del.out'), 'utf8'));
  });
});
