// The etcdctl program: ETCDCTL_API, flags from the command line and ETCDCTL_* variables,
// command dispatch, and etcdctl's way of ending (Error: lines, help texts, exit codes).
import { Interrupted, type Task } from '../../base/task.ts';
import { capnslogTime } from '../../base/time.ts';
import { UnsupportedFormat } from '../printers/printer.ts';
import type { ProcCtx } from '../shell/process.ts';
import { helpText, type Parsed, parseArgs } from './cobra.ts';
import {
  authDisable,
  authEnable,
  roleAdd,
  roleDelete,
  roleGet,
  roleGrantPermission,
  roleList,
  roleRevokePermission,
  userAdd,
  userDelete,
  userGet,
  userGrantRole,
  userList,
  userPasswd,
  userRevokeRole,
} from './commands/auth.ts';
import {
  alarmList,
  defrag,
  endpointHashKV,
  endpointHealth,
  endpointStatus,
  memberAdd,
  memberList,
  memberPromote,
  memberRemove,
  memberUpdate,
  moveLeader,
} from './commands/cluster.ts';
import { elect, lock } from './commands/concurrency.ts';
import { compaction, del, get, put } from './commands/kv.ts';
import { grant, keepAlive, list, revoke, timeToLive } from './commands/lease.ts';
import { notYet, snapshotSave, snapshotStatus, version } from './commands/misc.ts';
import { GoPanic, txn } from './commands/txn.ts';
import { watch } from './commands/watch.ts';
import { CmdCtx, type Command, Exit, ExitError } from './context.ts';
import { GLOBAL_FLAGS } from './spec.ts';

/** Each global flag with the environment variable that can set it (ETCDCTL_DIAL_TIMEOUT...). */
const GLOBAL_FLAG_ENV = GLOBAL_FLAGS.map((f) => [f, `ETCDCTL_${f.name.toUpperCase().replace(/-/g, '_')}`] as const);

import { etcdctlV2 } from './v2.ts';

const COMMANDS: Record<string, Command> = {
  version,
  put,
  get,
  del,
  txn,
  compaction,
  watch,
  lock,
  elect,
  'lease grant': grant,
  'lease revoke': revoke,
  'lease timetolive': timeToLive,
  'lease list': list,
  'lease keep-alive': keepAlive,
  'snapshot save': snapshotSave,
  'snapshot status': snapshotStatus,
  'member list': memberList,
  'member add': memberAdd,
  'member remove': memberRemove,
  'member update': memberUpdate,
  'member promote': memberPromote,
  'endpoint status': endpointStatus,
  'endpoint health': endpointHealth,
  'endpoint hashkv': endpointHashKV,
  'move-leader': moveLeader,
  defrag,
  'user add': userAdd,
  'user delete': userDelete,
  'user get': userGet,
  'user list': userList,
  'user passwd': userPasswd,
  'user grant-role': userGrantRole,
  'user revoke-role': userRevokeRole,
  'role add': roleAdd,
  'role delete': roleDelete,
  'role get': roleGet,
  'role list': roleList,
  'role grant-permission': roleGrantPermission,
  'role revoke-permission': roleRevokePermission,
  'auth enable': authEnable,
  'auth disable': authDisable,
  'alarm list': alarmList,
  'alarm disarm': alarmList,
};

function commandOf(p: Parsed): Command {
  const name = p.path
    .slice(1)
    .map((c) => c.name)
    .join(' ');
  return COMMANDS[name] ?? notYet(`etcdctl ${name}`);
}

/** A capnslog line as etcdctl's pkg/flags writes it: "2026-01-01 00:00:00.000000 C | ...". */
function capnslog(unixMs: number, level: string, msg: string): string {
  return `${capnslogTime(unixMs)} ${level} | ${msg}\n`;
}

export function* etcdctl(proc: ProcCtx): Task<number> {
  const api = proc.env.ETCDCTL_API ?? '3';
  if (api === '2') return yield* etcdctlV2(proc);
  if (api !== '3') {
    proc.stderr(`unsupported API version ${api}\n`);
    return 1;
  }
  const outcome = parseArgs(proc.argv.slice(1));
  switch (outcome.kind) {
    case 'help':
      proc.stdout(helpText(outcome.path));
      return 0;
    case 'unknownCommand': {
      let msg = `unknown command "${outcome.name}" for "etcdctl"`;
      if (outcome.suggestions.length)
        msg += `\n\nDid you mean this?\n${outcome.suggestions.map((s) => `\t${s}\n`).join('')}`;
      proc.stderr(`Error: ${msg}\nRun 'etcdctl --help' for usage.\n`);
      proc.stderr(`Error: ${msg}\n`);
      return 1;
    }
    case 'flagError':
      proc.stderr(`Error: ${outcome.message}\n${helpText(outcome.path)}\n`);
      proc.stderr(`Error: ${outcome.message}\n`);
      return 1;
  }
  const parsed = outcome.parsed;
  // Global flags may come from ETCDCTL_<FLAG>; setting one both ways is fatal (pkg/flags).
  for (const [f, envName] of GLOBAL_FLAG_ENV) {
    const v = proc.env[envName];
    if (v === undefined) continue;
    if (parsed.changed.has(f.name)) {
      proc.stderr(
        capnslog(
          proc.world.scheduler.unixMs(),
          'C',
          `pkg/flags: conflicting environment variable "${envName}" is shadowed by corresponding command-line flag (either unset environment variable or disable flag)`,
        ),
      );
      return 1;
    }
    parsed.flags.set(
      f.name,
      f.type === 'stringSlice' ? v.split(',') : f.type === 'bool' ? v === 'true' || v === '1' : v,
    );
  }
  const cx = new CmdCtx(parsed, proc);
  try {
    return yield* commandOf(parsed)(cx);
  } catch (e) {
    if (e instanceof ExitError) {
      proc.stderr(`Error: ${e.message}\n`);
      return e.code;
    }
    if (e instanceof UnsupportedFormat) {
      proc.stderr(`Error: ${e.message}\n`);
      return Exit.BadFeature;
    }
    if (e instanceof GoPanic) {
      proc.stderr(
        `panic: ${e.message}\n\ngoroutine 1 [running]:\n(the playground does not simulate Go stack traces)\n`,
      );
      return 2;
    }
    if (e instanceof Interrupted) return 130;
    throw e;
  }
}
