// Every recorded case that passed once must pass byte for byte forever (passing.txt); every
// other case must be pending on a named issue, never silently failing.
import { describe, expect, it } from 'vitest';
import { caseNames, passingList, runCase } from './run.ts';

const passing = passingList();

describe('conformance with etcd 3.4.23 transcripts', () => {
  for (const name of caseNames()) {
    if (passing.has(name)) {
      it(`${name} matches the recording byte for byte`, () => {
        const r = runCase(name);
        expect(r.actual).toBe(r.expected);
      });
    } else {
      it(`${name} is pending on a named issue`, () => {
        const r = runCase(name);
        if (r.pass) return; // passes already: `npm run conformance:status` adds it to passing.txt
        expect(r.pending, `${name} fails but waits on no issue:\n${r.actual}`).toBeDefined();
      });
    }
  }
});
