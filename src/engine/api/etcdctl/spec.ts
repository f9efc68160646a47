// etcdctl 3.4's command tree as data (names, descriptions, usage lines, flags with types and
// defaults), read from a real etcdctl by tools/extract-etcdctl-spec.py. Help texts, flag parsing
// and prefix matching all work from it.
import specJson from './spec.json' with { type: 'json' };

export type FlagType = 'bool' | 'string' | 'int' | 'duration' | 'stringSlice';

export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  default: string;
  usage: string;
}

export interface CommandSpec {
  name: string;
  short: string;
  usage: string;
  description?: string[];
  flags: FlagSpec[];
  commands?: CommandSpec[];
  globalFlags?: FlagSpec[];
}

export const ROOT = specJson as unknown as CommandSpec;
export const GLOBAL_FLAGS: FlagSpec[] = ROOT.globalFlags ?? [];
export const ETCDCTL_VERSION = '3.4.23';
export const API_VERSION = '3.4';

/** Flags a parent passes on to its subcommands (cobra's persistent flags), by parent name. */
export const PERSISTENT: Record<string, string[]> = {
  endpoint: ['cluster'],
};
