import { readFileSync } from 'node:fs';
import { parseCase } from '../src/engine/casefile.ts';
// @ts-expect-error js
import { splitTranscript } from '../test/conformance/casefile.mjs';
import { caseNames, runCase } from '../test/conformance/run.ts';

for (const n of caseNames()) {
  const r = runCase(n);
  if (r.pass) continue;
  const cmds = parseCase(readFileSync(`test/conformance/cases/${n}.sh`, 'utf8')).map((c) => c.text);
  const w = splitTranscript(r.expected, cmds);
  const g = splitTranscript(r.actual, cmds);
  for (let i = 0; i < cmds.length; i++) {
    if (w[i].output === g[i].output && w[i].exitCode === g[i].exitCode) continue;
    const c = cmds[i];
    if (
      /curl|ETCDCTL_API=2|member|endpoint|sim |auth|user |role |move-leader|defrag|alarm|snapshot status|--user/.test(c)
    )
      continue;
    if (/"cluster_id"|"ClusterID"/.test(w[i].output)) continue;
    console.log(`== ${n}: ${c}\n-- want\n${w[i].output}[${w[i].exitCode}]\n-- got\n${g[i].output}[${g[i].exitCode}]`);
  }
}
