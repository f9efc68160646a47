// Runs every script in testdata/ and compares its output; UPDATE=1 rewrites the expected output.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from './script.ts';

const dir = join(import.meta.dirname, 'testdata');

describe('Raft scenario scripts', () => {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    it(f, () => {
      const text = readFileSync(join(dir, f), 'utf8');
      const out = runScript(text);
      if (process.env.UPDATE) writeFileSync(join(dir, f), out);
      else expect(out).toBe(text);
    });
  }
});
