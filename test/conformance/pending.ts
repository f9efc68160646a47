// Which issue a recorded case waits for, when it does not pass yet. Decided from what the case
// uses, so a new case of a known kind is classified without a list to keep by hand.

export interface Pending {
  issue: number;
  why: string;
}

const RULES: { issue: number; why: string; test: RegExp }[] = [
  { issue: 4, why: 'curl and the HTTP API', test: /(^|\n)\$ (?:.*\| )?curl |\| python/ },
  { issue: 4, why: 'etcdctl v2 (ETCDCTL_API=2)', test: /ETCDCTL_API=2/ },
  { issue: 4, why: 'auth', test: /\$ etcdctl[^\n]* (?:auth|user|role) / },
  { issue: 3, why: 'member failures (sim stop/kill/start)', test: /\n\$ sim / },
  {
    issue: 3,
    why: 'member / endpoint / maintenance commands',
    test: /\$ etcdctl[^\n]* (?:member|endpoint|move-leader|defrag|alarm|snapshot status)\b/,
  },
  {
    issue: 3,
    why: 'response headers of the 3-member cluster (cluster ID, raft term)',
    test: /"cluster_id"|"ClusterID"/,
  },
];

export function pendingOn(expected: string): Pending | undefined {
  const text = '\n' + expected;
  for (const r of RULES) if (r.test.test(text)) return { issue: r.issue, why: r.why };
  return undefined;
}
