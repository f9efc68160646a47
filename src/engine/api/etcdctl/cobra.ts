// Command-line parsing as etcdctl's cobra/pflag do it: commands found by name or by an
// unambiguous prefix, flags anywhere after the command (long, shorthand, --flag=value,
// --flag value, bools without a value), `--` to end flags, and cobra's errors and help texts.
import { tabwrite } from '../printers/tabwriter.ts';
import {
  API_VERSION,
  type CommandSpec,
  ETCDCTL_VERSION,
  type FlagSpec,
  GLOBAL_FLAGS,
  PERSISTENT,
  ROOT,
} from './spec.ts';

export type FlagValue = string | number | boolean | string[];

export interface Parsed {
  path: CommandSpec[];
  args: string[];
  flags: Map<string, FlagValue>;
  /** Flags given on the command line (not defaults). */
  changed: Set<string>;
  /** How many arguments came before a `--` (cobra's ArgsLenAtDash); absent without one. */
  argsAtDash?: number;
}

export type ParseOutcome =
  | { kind: 'run'; parsed: Parsed }
  | { kind: 'help'; path: CommandSpec[] }
  | { kind: 'unknownCommand'; name: string; suggestions: string[] }
  | { kind: 'flagError'; path: CommandSpec[]; message: string };

function available(c: CommandSpec): CommandSpec[] {
  return c.commands ?? [];
}

/** cobra with EnablePrefixMatching: an exact name, else the only command the prefix starts. */
function findSub(c: CommandSpec, name: string): CommandSpec | undefined {
  const subs = available(c);
  const exact = subs.find((s) => s.name === name);
  if (exact) return exact;
  const byPrefix = subs.filter((s) => s.name.startsWith(name));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

/** Flags that apply to a command: its own, its parents' persistent ones, and the globals. */
export function flagsFor(path: CommandSpec[]): { local: FlagSpec[]; inherited: FlagSpec[] } {
  const cmd = path[path.length - 1];
  // A command has one path from the root, so its flags are worked out once.
  let known = flagsOf.get(cmd);
  if (!known) flagsOf.set(cmd, (known = computeFlags(path)));
  return { local: [...known.local], inherited: [...known.inherited] };
}

const flagsOf = new WeakMap<CommandSpec, { local: FlagSpec[]; inherited: FlagSpec[] }>();

function computeFlags(path: CommandSpec[]): { local: FlagSpec[]; inherited: FlagSpec[] } {
  const cmd = path[path.length - 1];
  const local = cmd.name === 'etcdctl' ? [...GLOBAL_FLAGS] : [...cmd.flags];
  const inherited: FlagSpec[] = cmd.name === 'etcdctl' ? [] : [...GLOBAL_FLAGS];
  for (const parent of path.slice(1, -1)) {
    for (const name of PERSISTENT[parent.name] ?? []) {
      const f = parent.flags.find((x) => x.name === name);
      if (f) inherited.push(f);
    }
  }
  inherited.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { local, inherited };
}

function isBool(f: FlagSpec): boolean {
  return f.type === 'bool';
}

/** The arguments left once flags (and the values they take) are taken out: where commands are named. */
function stripFlags(args: string[], flags: FlagSpec[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a.startsWith('--') && a.length > 2) {
      if (!a.includes('=')) {
        const f = flags.find((x) => x.name === a.slice(2));
        if (f && !isBool(f)) i++;
      }
    } else if (a.startsWith('-') && a.length > 1) {
      if (a.length === 2) {
        const f = flags.find((x) => x.shorthand === a[1]);
        if (f && !isBool(f)) i++;
      }
    } else out.push(a);
  }
  return out;
}

export function parseArgs(argv: string[]): ParseOutcome {
  // Find the command: walk the non-flag words from the root.
  const path: CommandSpec[] = [ROOT];
  let rest = argv;
  for (;;) {
    const cur = path[path.length - 1];
    const { local, inherited } = flagsFor(path);
    const words = stripFlags(rest, [...local, ...inherited]);
    if (!words.length || !cur.commands) break;
    const sub = findSub(cur, words[0]);
    if (!sub) {
      if (words[0] === 'help' && path.length === 1) return helpCommand(rest, words);
      break;
    }
    const at = rest.indexOf(words[0]);
    rest = [...rest.slice(0, at), ...rest.slice(at + 1)];
    path.push(sub);
  }
  const { local, inherited } = flagsFor(path);
  const all = [...local, ...inherited];
  if (path.length > 1 && !all.some((f) => f.name === 'help')) all.push(helpFlag(path));
  const flags = new Map<string, FlagValue>();
  const changed = new Set<string>();
  for (const f of all) flags.set(f.name, defaultValue(f));
  let argsAtDash: number | undefined;
  const args: string[] = [];
  const flagError = (message: string): ParseOutcome => ({ kind: 'flagError', path, message });
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--') {
      argsAtDash = args.length;
      args.push(...rest.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const f = all.find((x) => x.name === name);
      if (!f) return flagError(`unknown flag: --${name}`);
      let value: string;
      if (eq >= 0) value = a.slice(eq + 1);
      else if (isBool(f)) value = 'true';
      else if (i + 1 < rest.length) value = rest[++i];
      else return flagError(`flag needs an argument: --${name}`);
      const err = setFlag(flags, changed, f, value);
      if (err) return flagError(err);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // A run of shorthands: -abc, -w json, -wjson, -w=json.
      let j = 1;
      while (j < a.length) {
        const ch = a[j];
        const f = all.find((x) => x.shorthand === ch);
        if (!f) return flagError(`unknown shorthand flag: '${ch}' in ${a}`);
        let value: string;
        if (a[j + 1] === '=') {
          value = a.slice(j + 2);
          j = a.length;
        } else if (isBool(f)) {
          value = 'true';
          j++;
        } else if (j + 1 < a.length) {
          value = a.slice(j + 1);
          j = a.length;
        } else if (i + 1 < rest.length) {
          value = rest[++i];
          j = a.length;
        } else return flagError(`flag needs an argument: '${ch}' in ${a}`);
        const err = setFlag(flags, changed, f, value);
        if (err) return flagError(err);
      }
      continue;
    }
    args.push(a);
  }
  if (flags.get('help') === true) return { kind: 'help', path };
  const cmd = path[path.length - 1];
  if (path.length === 1 && args.length) {
    return { kind: 'unknownCommand', name: args[0], suggestions: suggest(ROOT, args[0]) };
  }
  if (cmd.commands) return { kind: 'help', path };
  return { kind: 'run', parsed: { path, args, flags, changed, ...(argsAtDash !== undefined ? { argsAtDash } : {}) } };
}

function helpFlag(path: CommandSpec[]): FlagSpec {
  return {
    name: 'help',
    shorthand: 'h',
    type: 'bool',
    default: 'false',
    usage: `help for ${path[path.length - 1].name}`,
  };
}

/** `etcdctl help [command]`. */
function helpCommand(rest: string[], words: string[]): ParseOutcome {
  void rest;
  const path: CommandSpec[] = [ROOT];
  for (const w of words.slice(1)) {
    const sub = findSub(path[path.length - 1], w);
    if (!sub) break;
    path.push(sub);
  }
  return { kind: 'help', path };
}

function defaultValue(f: FlagSpec): FlagValue {
  switch (f.type) {
    case 'bool':
      return f.default === 'true';
    case 'int':
      return Number(f.default);
    case 'stringSlice':
      return f.default
        .replace(/^\[|\]$/g, '')
        .split(',')
        .filter(Boolean);
    default:
      return f.default;
  }
}

/** Go's strconv.ParseBool. */
function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** Go's strconv.ParseInt(s, 0, 64): base prefixes, underscores, range errors. */
export function parseGoInt(s: string): { value?: number; error?: string } {
  const bad = () => ({ error: `strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax` });
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(s);
  if (!m) return bad();
  let body = m[2];
  if (body.includes('_')) {
    if (!/^0[xXbBoO]?/.test(body) && body.startsWith('_')) return bad();
    if (/__|_$/.test(body)) return bad();
    body = body.replace(/_/g, '');
  }
  let v: bigint;
  if (/^0[xX]/.test(body)) v = BigInt(body);
  else if (/^0[bB]/.test(body)) v = BigInt(body);
  else if (/^0[oO]/.test(body)) v = BigInt(body);
  else if (/^0[0-7]+$/.test(body)) v = BigInt('0o' + body.slice(1));
  else v = BigInt(body);
  if (m[1] === '-') v = -v;
  if (v > 9223372036854775807n || v < -9223372036854775808n) {
    return { error: `strconv.ParseInt: parsing ${goQuote(s)}: value out of range` };
  }
  return { value: Number(v) };
}

/** Go's time.ParseDuration, in milliseconds. */
export function parseGoDuration(s: string): { ms?: number; error?: string } {
  const bad = () => ({ error: `time: invalid duration ${goQuote(s)}` });
  if (s === '0') return { ms: 0 };
  const m = /^([+-]?)((?:[0-9]*\.?[0-9]+(?:ns|us|µs|ms|s|m|h))+)$/.exec(s);
  if (!m) {
    if (/^[+-]?[0-9.]+$/.test(s)) return { error: `time: missing unit in duration ${goQuote(s)}` };
    return bad();
  }
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  let total = 0;
  for (const part of m[2].matchAll(/([0-9]*\.?[0-9]+)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * unit[part[2]];
  return { ms: m[1] === '-' ? -total : total };
}

/** Go's %q for the ASCII cases that show up in flag values. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u007f/g, '\\x7f');
}

function flagLabel(f: FlagSpec): string {
  return f.shorthand ? `-${f.shorthand}, --${f.name}` : `--${f.name}`;
}

function setFlag(flags: Map<string, FlagValue>, changed: Set<string>, f: FlagSpec, value: string): string | undefined {
  const invalid = (why: string) => `invalid argument ${goQuote(value)} for ${goQuote(flagLabel(f))} flag: ${why}`;
  switch (f.type) {
    case 'bool': {
      const b = parseBool(value);
      if (b === undefined) return invalid(`strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`);
      flags.set(f.name, b);
      break;
    }
    case 'int': {
      const r = parseGoInt(value);
      if (r.error) return invalid(r.error);
      flags.set(f.name, r.value!);
      break;
    }
    case 'duration': {
      const r = parseGoDuration(value);
      if (r.error) return invalid(r.error);
      flags.set(f.name, value);
      break;
    }
    case 'stringSlice': {
      const items = value.split(',');
      const prev = changed.has(f.name) ? (flags.get(f.name) as string[]) : [];
      flags.set(f.name, [...prev, ...items]);
      break;
    }
    default:
      flags.set(f.name, value);
  }
  changed.add(f.name);
  return undefined;
}

/** cobra's "Did you mean this?": Levenshtein distance ≤ 2 (ignoring case) or a prefix. */
export function suggest(c: CommandSpec, typed: string): string[] {
  const out: string[] = [];
  for (const s of [...available(c), { name: 'help' } as CommandSpec]) {
    const d = levenshtein(typed.toLowerCase(), s.name.toLowerCase());
    if (d <= 2 || s.name.toLowerCase().startsWith(typed.toLowerCase())) out.push(s.name);
  }
  return out;
}

function levenshtein(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

function flagLines(flags: FlagSpec[]): string {
  let out = '';
  for (const f of flags) {
    let line = f.shorthand ? `  -${f.shorthand}, --${f.name}` : `      --${f.name}`;
    const def = f.type === 'string' ? goQuote(f.default) : f.default;
    line += isBool(f) ? `[=${def}]` : `=${def}`;
    out += `${line}\t${f.usage}\n`;
  }
  return out;
}

/** Leaf commands under `c`, with their paths relative to it (the root lists "lease grant" etc.). */
function leaves(c: CommandSpec, prefix = ''): { name: string; short: string }[] {
  const out: { name: string; short: string }[] = [];
  for (const s of available(c)) {
    const name = prefix ? `${prefix} ${s.name}` : s.name;
    if (s.commands && prefix === '' && c === ROOT) out.push(...leaves(s, name));
    else if (s.commands) out.push(...leaves(s, name));
    else out.push({ name, short: s.short });
  }
  return out;
}

/** The help text etcdctl prints for a command (its usage template, through a tabwriter). */
export function helpText(path: CommandSpec[]): string {
  const cmd = path[path.length - 1];
  const isRoot = path.length === 1;
  const name = isRoot
    ? 'etcdctl'
    : path
        .slice(1)
        .map((c) => c.name)
        .join(' ');
  let t = `NAME:\n\t${name} - ${cmd.short}\n\nUSAGE:\n\t${cmd.usage}\n\n`;
  if (isRoot) t += `VERSION:\n\t${ETCDCTL_VERSION}\n\n`;
  if (cmd.commands) t += `API VERSION:\n\t${API_VERSION}\n\n`;
  if (cmd.description) t += `DESCRIPTION:\n${cmd.description.map((l) => `\t${l}\n`).join('')}\n`;
  if (cmd.commands) {
    const list = isRoot
      ? [...leaves(cmd), { name: 'help', short: 'Help about any command' }].sort((a, b) => (a.name < b.name ? -1 : 1))
      : leaves(cmd);
    t += `\nCOMMANDS:\n${list.map((l) => `\t${l.name}\t${l.short}\n`).join('')}\n`;
  }
  const { local, inherited } = flagsFor(path);
  const own = isRoot ? [...local, helpFlag(path)].sort((a, b) => (a.name < b.name ? -1 : 1)) : local;
  if (!own.some((f) => f.name === 'help')) own.push(helpFlag(path));
  own.sort((a, b) => (a.name < b.name ? -1 : 1));
  t += `OPTIONS:\n${flagLines(own)}\n`;
  if (inherited.length) t += `GLOBAL OPTIONS:\n${flagLines(inherited)}\n`;
  return tabwrite(t);
}
