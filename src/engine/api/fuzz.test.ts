// Fuzzes the shell and etcdctl parsers: random and mutated command lines, run against a live
// simulated member. None may throw, hang or crash a program; every failure must be an error in
// etcdctl's, bash's or a utility's own words. FUZZ_SEED=<n> replays a run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Prng } from '../base/prng.ts';
import { parseCase } from '../casefile.ts';
import { Simulation } from '../index.ts';

const LINES = Number(process.env.FUZZ_LINES ?? 10_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

const casesDir = join(import.meta.dirname, '../../../test/conformance/cases');
const seeds = readdirSync(casesDir)
  .filter((f) => f.endsWith('.sh'))
  .flatMap((f) => parseCase(readFileSync(join(casesDir, f), 'utf8')).map((c) => c.text))
  .filter((l) => !l.startsWith('sim '));

const WORDS = [
  'etcdctl',
  'put',
  'get',
  'del',
  'txn',
  'watch',
  'lease',
  'grant',
  'revoke',
  'timetolive',
  'list',
  'keep-alive',
  'compaction',
  'lock',
  'elect',
  'version',
  'help',
  'member',
  'snapshot',
  'save',
  '--prefix',
  '--from-key',
  '--rev=',
  '--limit',
  '-w',
  'json',
  'fields',
  'table',
  'simple',
  '--hex',
  '--keys-only',
  '--sort-by=',
  '--order=',
  '--lease=',
  '--prev-kv',
  '--ignore-value',
  '--ignore-lease',
  '--endpoints=',
  '--command-timeout=',
  '-i',
  '--once',
  '--keys',
  '--',
  '-',
  'foo',
  'bar',
  '"a b"',
  "'q'",
  '$X',
  '${Y}',
  '$(echo hi)',
  '|',
  '&&',
  '||',
  ';',
  '&',
  '>',
  '<<EOF',
  'echo',
  'sleep',
  'cat',
  'grep',
  'head',
  'wc',
  'kill',
  '%1',
  'jobs',
  'export',
  'X=1',
  '\\',
  '"',
  "'",
  '`',
  '(',
  ')',
  '0',
  '-1',
  '99999999999999999999',
  '0x10',
  'ff',
  'zz',
  '\u00e9',
  '\t',
  '#',
];

function randomLine(r: Prng): string {
  const n = r.int(1, 8);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(r.pick(WORDS));
  return parts.join(r.bool(0.9) ? ' ' : '');
}

function mutate(r: Prng, line: string): string {
  let s = line.replace(/\$ENDPOINTS/g, r.bool(0.5) ? '$ENDPOINTS' : '127.0.0.1:2379');
  const edits = r.int(1, 3);
  for (let i = 0; i < edits; i++) {
    const at = r.int(0, s.length);
    const k = r.int(0, 3);
    if (k === 0) s = s.slice(0, at) + s.slice(at + 1);
    else if (k === 1) s = s.slice(0, at) + String.fromCharCode(r.int(32, 126)) + s.slice(at);
    else if (k === 2) s = s.slice(0, at) + ' ' + r.pick(WORDS) + ' ' + s.slice(at);
    else s = s.slice(0, at) + s.slice(at).replace(/\S+/, r.pick(WORDS));
  }
  return s;
}

/** What an error looks like when it is somebody's own words. */
const OWN_WORDS =
  /(Error: |Warning: |Failed to |parse "|: is a directory|cluster is |curl: |base64: |python: |Expecting |Extra data|Unterminated |Invalid |bash: |sh: |sim: |cut: |tr: |sort: |panic: |unsupported API version|sleep: |cat: |grep: |head: |tail: |wc: |kill: |Usage: |No help topic for |Incorrect Usage|flag provided but not defined|lease \w+ expired or revoked|watch was canceled)|is not simulated by the playground|^\S+ \S+ C \| pkg\/flags: /;

describe('fuzzed command lines', () => {
  it(`${LINES} random and mutated lines: no exception, no crash, errors in etcd's and bash's words`, () => {
    const r = new Prng(SEED);
    let sim = Simulation.create({ seed: SEED });
    let sh = sim.shell({ jobOutput: 'buffered' });
    for (let i = 0; i < LINES; i++) {
      if (i % 500 === 0) {
        sim = Simulation.create({ seed: SEED + i });
        sh = sim.shell({ jobOutput: 'buffered' });
      }
      const line = r.bool(0.5) ? randomLine(r) : mutate(r, r.pick(seeds));
      let res: { output: string; exitCode: number; errors: string };
      try {
        res = sim.execSync(sh, line, 8_000);
      } catch (e) {
        throw new Error(`FUZZ_SEED=${SEED}: line ${i} threw: ${JSON.stringify(line)}\n${(e as Error).stack}`);
      }
      const where = `FUZZ_SEED=${SEED}: line ${i}: ${JSON.stringify(line)} (exit ${res.exitCode})\n${res.output}`;
      expect(res.output.includes('internal error'), where).toBe(false);
      // A failure's stderr must be somebody's own words.
      if (res.exitCode !== 0 && res.exitCode !== 130 && res.errors.trim())
        expect(OWN_WORDS.test(res.errors), where).toBe(true);
    }
  });
});
