// etcdctl user, role and auth: etcd's RBAC, changed through the log and read from the member asked.

import type { PermType } from '../../../auth/authStore.ts';
import { FROM_KEY_END, fromUtf8, prefixRangeEnd, toUtf8 } from '../../../base/bytes.ts';
import type { Task } from '../../../base/task.ts';
import { type CmdCtx, Exit, fail } from '../context.ts';
import { call } from './kv.ts';

function* change(cx: CmdCtx, op: string, args: string[], message: string): Task<number> {
  cx.display();
  yield* call(cx.client().authChange(op, args));
  cx.out(message);
  return 0;
}

export function* userAdd(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'user add command requires user name as its argument');
  let [name, password] = cx.args[0].split(/:(.*)/s);
  if (cx.flag<boolean>('no-password')) password = undefined as unknown as string;
  else if (password === undefined) {
    password = cx.flag<string>('new-user-password');
    if (!password)
      fail(Exit.Error, 'failed to read password (no terminal to ask on: use user:password or --new-user-password)');
  }
  return yield* change(cx, 'userAdd', password === undefined ? [name] : [name, password], `User ${name} created\n`);
}

export function* userDelete(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'user delete command requires user name as its argument');
  return yield* change(cx, 'userDelete', [cx.args[0]], `User ${cx.args[0]} deleted\n`);
}

export function* userPasswd(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'user passwd command requires user name as its argument');
  const password = cx.proc.stdin.replace(/\n$/, '');
  if (!password) fail(Exit.Error, 'failed to read password (no terminal to ask on)');
  return yield* change(cx, 'userPasswd', [cx.args[0], password], 'Password updated\n');
}

export function* userGrantRole(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 2) fail(Exit.BadArgs, 'user grant command requires user name and role name as its argument');
  return yield* change(cx, 'userGrantRole', cx.args, `Role ${cx.args[1]} is granted to user ${cx.args[0]}\n`);
}

export function* userRevokeRole(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 2) fail(Exit.BadArgs, 'user revoke-role requires user name and role name as its argument');
  return yield* change(cx, 'userRevokeRole', cx.args, `Role ${cx.args[1]} is revoked from user ${cx.args[0]}\n`);
}

export function* userGet(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'user get command requires user name as its argument');
  const name = cx.args[0];
  cx.display();
  const roles = (yield* call(cx.client().authQuery('userGet', name))).names;
  cx.out(`User: ${name}\n`);
  if (!cx.flag<boolean>('detail')) {
    cx.out(`Roles: ${roles.join(' ')}\n`);
    return 0;
  }
  for (const r of roles) {
    cx.out('\n');
    yield* printRole(cx, r);
  }
  return 0;
}

export function* userList(cx: CmdCtx): Task<number> {
  cx.display();
  const users = (yield* call(cx.client().authQuery('userList'))).names;
  for (const u of users) cx.out(`${u}\n`);
  return 0;
}

export function* roleAdd(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'role add command requires role name as its argument');
  return yield* change(cx, 'roleAdd', cx.args, `Role ${cx.args[0]} created\n`);
}

export function* roleDelete(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'role delete command requires role name as its argument');
  return yield* change(cx, 'roleDelete', cx.args, `Role ${cx.args[0]} deleted\n`);
}

function describeRange(key: string, end: string): string {
  const k = toUtf8(key);
  if (!end) return k;
  if (end === FROM_KEY_END) return `[${k}, <open ended>`;
  const e = toUtf8(end);
  return end === prefixRangeEnd(key) ? `[${k}, ${e}) (prefix ${k})` : `[${k}, ${e})`;
}

function* printRole(cx: CmdCtx, name: string): Task<void> {
  const perms = (yield* call(cx.client().authQuery('roleGet', name))).perms;
  cx.out(`Role ${name}\nKV Read:\n`);
  for (const p of perms) if (p.type !== 'WRITE') cx.out(`\t${describeRange(p.key, p.rangeEnd)}\n`);
  cx.out('KV Write:\n');
  for (const p of perms) if (p.type !== 'READ') cx.out(`\t${describeRange(p.key, p.rangeEnd)}\n`);
}

export function* roleGet(cx: CmdCtx): Task<number> {
  if (cx.args.length !== 1) fail(Exit.BadArgs, 'role get command requires role name as its argument');
  cx.display();
  yield* printRole(cx, cx.args[0]);
  return 0;
}

export function* roleList(cx: CmdCtx): Task<number> {
  cx.display();
  const roles = (yield* call(cx.client().authQuery('roleList'))).names;
  for (const r of roles) cx.out(`${r}\n`);
  return 0;
}

/** key and range end as etcdctl computes them from the arguments and --prefix / --from-key. */
function permRange(cx: CmdCtx, args: string[]): [string, string] {
  const key = fromUtf8(args[0]);
  const prefix = cx.flag<boolean>('prefix');
  const fromKey = cx.flag<boolean>('from-key');
  if (prefix && fromKey) fail(Exit.BadArgs, '--from-key and --prefix flags are mutually exclusive');
  if (args.length > 1) {
    if (prefix || fromKey) fail(Exit.BadArgs, 'unexpected endkey argument with --prefix or --from-key flag');
    return [key, fromUtf8(args[1])];
  }
  if (prefix) return [key, prefixRangeEnd(key)];
  if (fromKey) return [key, FROM_KEY_END];
  return [key, ''];
}

export function* roleGrantPermission(cx: CmdCtx): Task<number> {
  if (cx.args.length < 3)
    fail(Exit.BadArgs, 'role grant command requires role name, permission type, and key [endkey] as its argument');
  const types: Record<string, PermType> = { READ: 'READ', WRITE: 'WRITE', READWRITE: 'READWRITE' };
  const type = types[cx.args[1].toUpperCase()];
  if (!type) fail(Exit.BadArgs, `invalid permission type: ${cx.args[1]}`);
  const [key, end] = permRange(cx, cx.args.slice(2));
  return yield* change(cx, 'roleGrantPermission', [cx.args[0], type, key, end], `Role ${cx.args[0]} updated\n`);
}

export function* roleRevokePermission(cx: CmdCtx): Task<number> {
  if (cx.args.length < 2)
    fail(Exit.BadArgs, 'role revoke-permission command requires role name and key [endkey] as its argument');
  const [key, end] = permRange(cx, cx.args.slice(1));
  const what = end
    ? `range [${toUtf8(key)}, ${end === FROM_KEY_END ? '<open ended>' : toUtf8(end)})`
    : `key ${toUtf8(key)}`;
  return yield* change(
    cx,
    'roleRevokePermission',
    [cx.args[0], key, end],
    `Permission of ${what} is revoked from role ${cx.args[0]}\n`,
  );
}

export function* authEnable(cx: CmdCtx): Task<number> {
  return yield* change(cx, 'authEnable', [], 'Authentication Enabled\n');
}

export function* authDisable(cx: CmdCtx): Task<number> {
  return yield* change(cx, 'authDisable', [], 'Authentication Disabled\n');
}
