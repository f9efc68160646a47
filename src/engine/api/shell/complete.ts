// Tab completion for the terminal: command names, etcdctl's subcommands and flags (from the
// spec recorded from the real binary), the sim command's verbs, member names, and `$VAR`s.
// Pure: the line and cursor in, the word to replace and its candidates out.
import { type CommandSpec, GLOBAL_FLAGS, PERSISTENT, ROOT } from '../etcdctl/spec.ts';
import v2help from '../etcdctl/v2help.json' with { type: 'json' };
import type { Shell } from './shell.ts';

export interface Completion {
  /** Where the word being completed starts in the line. */
  from: number;
  /** Full replacements for that word, sorted. */
  candidates: string[];
}

const SIM_VERBS = [
  'stop',
  'kill',
  'start',
  'partition',
  'isolate',
  'heal',
  'latency',
  'loss',
  'status',
  'pause',
  'resume',
  'step',
  'speed',
  'help',
];
const SIM_MEMBER_VERBS = new Set(['stop', 'kill', 'start', 'isolate', 'partition']);
const CURL_FLAGS = [
  '-s',
  '-v',
  '-i',
  '-L',
  '-X',
  '-d',
  '-H',
  '--data',
  '--header',
  '--request',
  '--silent',
  '--verbose',
  '--include',
  '--location',
  '--fail',
  '-f',
];
const V2_COMMANDS = Object.keys(v2help as Record<string, unknown>).filter((k) => k && !k.includes(' '));

export function complete(shell: Shell, line: string, cursor: number, members: readonly string[] = []): Completion {
  const before = line.slice(0, cursor);
  const from = before.search(/[^\s'"=]*$/);
  const word = before.slice(from);
  // The simple command the cursor is in: after the last |, ;, && or ||.
  const segment =
    before
      .slice(0, from)
      .split(/\|\|?|&&|;/)
      .pop() ?? '';
  const words = segment.split(/\s+/).filter(Boolean);
  // Leading assignments (ETCDCTL_API=2 etcdctl ...) are not the command.
  const assignments = words.filter((_w, i) => words.slice(0, i + 1).every((x) => /^[A-Za-z_]\w*=/.test(x)));
  const args = words.slice(assignments.length);
  const pick = (all: Iterable<string>) => ({
    from,
    candidates: [...new Set(all)].filter((c) => c.startsWith(word)).sort(),
  });

  if (word.startsWith('$')) return pick(shell.variableNames().map((n) => `$${n}`));
  if (!args.length) return pick(shell.commandNames());
  const api2 = assignments.some((a) => a === 'ETCDCTL_API=2') || shell.get('ETCDCTL_API') === '2';
  switch (args[0]) {
    case 'etcdctl':
      return api2 ? pick(word.startsWith('-') ? [] : V2_COMMANDS) : pick(etcdctlWords(args.slice(1), word));
    case 'sim':
      if (args.length === 1) return pick(SIM_VERBS);
      return pick(SIM_MEMBER_VERBS.has(args[1]) ? members : []);
    case 'curl':
      return pick(word.startsWith('-') ? CURL_FLAGS : []);
    default:
      return { from, candidates: [] };
  }
}

/** What may come next in an etcdctl command line: subcommands of the command so far, or its flags. */
function etcdctlWords(args: string[], word: string): string[] {
  let cmd: CommandSpec = ROOT;
  const inherited: string[] = [];
  for (const a of args) {
    if (a.startsWith('-')) continue;
    const sub = cmd.commands?.find((c) => c.name === a);
    if (!sub) break;
    inherited.push(...(PERSISTENT[cmd.name] ?? []));
    cmd = sub;
  }
  if (word.startsWith('-')) {
    const flags = [...cmd.flags, ...GLOBAL_FLAGS];
    return [
      ...flags.map((f) => `--${f.name}`),
      ...inherited.map((n) => `--${n}`),
      ...flags.filter((f) => f.shorthand).map((f) => `-${f.shorthand}`),
    ];
  }
  return (cmd.commands ?? []).map((c) => c.name);
}
