// A recorded conformance case as steps for the browser: each command with a pattern for what
// real etcd printed. Placeholders the normalizer wrote (<SIZE>, <DUR>, <MEMBER>...) match
// anything; Raft terms, indexes and which member leads may differ, since the page's cluster
// has its own history (its own election) before the learner types.
import { readFileSync } from 'node:fs';

export interface Step {
  command: string;
  expected: RegExp;
  /** The same lines, with room for a background job's lines printed among them. */
  loose: RegExp;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function linePattern(line: string): string {
  const parts = line.split(/(<[A-Z_]+>)/);
  let p = parts.map((x, i) => (i % 2 ? '.+?' : escapeRe(x))).join('');
  if (/raft_term|^\|\s+127\.0\.0\.1/.test(line))
    p = p
      .replace(/\d+/g, '\\d+')
      .replace(/ +/g, ' +')
      .replace(/true|false/g, '(?:true|false)');
  return p;
}

export function readCase(path: string): Step[] {
  const commands = readFileSync(`${path}.sh`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  const out = readFileSync(`${path}.out`, 'utf8').split('\n');
  const steps: Step[] = [];
  let i = 0;
  for (const command of commands) {
    while (i < out.length && out[i] !== `$ ${command}`) i++;
    i++;
    const lines: string[] = [];
    while (i < out.length && !out[i].startsWith('$ ')) lines.push(out[i++]);
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    // Health lines come in the order the members answer (the recorder sorts them).
    const body = /endpoint health/.test(command)
      ? `(?:(?:${lines.map(linePattern).join('|')})\\n){${lines.length}}`
      : lines.map((l) => `${linePattern(l)}\\n`).join('');
    const loose = lines.map((l) => `(?:[^\\n]*\\n)*?${linePattern(l)}\\n`).join('');
    steps.push({
      command,
      expected: new RegExp(`\\$ ${escapeRe(command)}\\n${body}\\$`),
      loose: new RegExp(`\\$ ${escapeRe(command)}\\n${loose}`),
    });
  }
  return steps;
}
