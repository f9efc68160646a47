// etcd's RBAC: users with passwords and roles, roles with key-range permissions, the root user
// and role, enabling and disabling. Every change is applied from the log on every member.

import { prefixRangeEnd } from '../base/bytes.ts';
import { EtcdError, GrpcCode } from '../base/errors.ts';

const e = (code: GrpcCode, msg: string) => new EtcdError(code, msg);
export const AuthErrors = {
  userEmpty: () => e(GrpcCode.InvalidArgument, 'etcdserver: user name is empty'),
  userExists: () => e(GrpcCode.FailedPrecondition, 'etcdserver: user name already exists'),
  userNotFound: () => e(GrpcCode.FailedPrecondition, 'etcdserver: user name not found'),
  roleExists: () => e(GrpcCode.FailedPrecondition, 'etcdserver: role name already exists'),
  roleNotFound: () => e(GrpcCode.FailedPrecondition, 'etcdserver: role name not found'),
  roleEmpty: () => e(GrpcCode.InvalidArgument, 'etcdserver: role name is empty'),
  authFailed: () => e(GrpcCode.InvalidArgument, 'etcdserver: authentication failed, invalid user ID or password'),
  permissionDenied: () => e(GrpcCode.PermissionDenied, 'etcdserver: permission denied'),
  roleNotGranted: () => e(GrpcCode.FailedPrecondition, 'etcdserver: role is not granted to the user'),
  permissionNotGranted: () => e(GrpcCode.FailedPrecondition, 'etcdserver: permission is not granted to the role'),
  rootUserNotExist: () => e(GrpcCode.FailedPrecondition, 'etcdserver: root user does not exist'),
  rootRoleNotExist: () => e(GrpcCode.FailedPrecondition, 'etcdserver: root user does not have root role'),
  authNotEnabled: () => e(GrpcCode.FailedPrecondition, 'etcdserver: authentication is not enabled'),
  invalidAuthMgmt: () => e(GrpcCode.FailedPrecondition, 'etcdserver: invalid auth management'),
};

export type PermType = 'READ' | 'WRITE' | 'READWRITE';

export interface Permission {
  type: PermType;
  key: string;
  rangeEnd: string;
}

export interface AuthOp {
  op: string;
  args: string[];
}

export class AuthStore {
  enabled = false;
  /** Whether auth was ever enabled or disabled (etcd writes its authEnabled key only then). */
  everToggled = false;
  revision = 1;
  readonly users = new Map<string, { password: string | undefined; roles: Set<string> }>();
  readonly roles = new Map<string, Permission[]>();

  apply(o: AuthOp): string {
    const [a, b, c, d, f] = o.args;
    switch (o.op) {
      case 'userAdd':
        if (!a) throw AuthErrors.userEmpty();
        if (this.users.has(a)) throw AuthErrors.userExists();
        this.users.set(a, { password: b === undefined ? undefined : b, roles: new Set() });
        break;
      case 'userDelete':
        if (!this.users.has(a)) throw AuthErrors.userNotFound();
        if (this.enabled && a === 'root') throw AuthErrors.invalidAuthMgmt();
        this.users.delete(a);
        break;
      case 'userPasswd':
        if (!this.users.has(a)) throw AuthErrors.userNotFound();
        this.users.get(a)!.password = b;
        break;
      case 'userGrantRole':
        if (!this.users.has(a)) throw AuthErrors.userNotFound();
        if (b !== 'root' && !this.roles.has(b)) throw AuthErrors.roleNotFound();
        this.users.get(a)!.roles.add(b);
        break;
      case 'userRevokeRole':
        if (!this.users.has(a)) throw AuthErrors.userNotFound();
        if (!this.users.get(a)!.roles.has(b)) throw AuthErrors.roleNotGranted();
        if (this.enabled && a === 'root' && b === 'root') throw AuthErrors.invalidAuthMgmt();
        this.users.get(a)!.roles.delete(b);
        break;
      case 'roleAdd':
        if (!a) throw AuthErrors.roleEmpty();
        if (this.roles.has(a)) throw AuthErrors.roleExists();
        this.roles.set(a, []);
        break;
      case 'roleDelete':
        if (!this.roles.has(a)) throw AuthErrors.roleNotFound();
        if (this.enabled && a === 'root') throw AuthErrors.invalidAuthMgmt();
        this.roles.delete(a);
        for (const u of this.users.values()) u.roles.delete(a);
        break;
      case 'roleGrantPermission': {
        if (!this.roles.has(a)) throw AuthErrors.roleNotFound();
        const perms = this.roles.get(a)!.filter((p) => !(p.key === c && p.rangeEnd === (d ?? '')));
        perms.push({ type: b as PermType, key: c, rangeEnd: d ?? '' });
        perms.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
        this.roles.set(a, perms);
        break;
      }
      case 'roleRevokePermission': {
        if (!this.roles.has(a)) throw AuthErrors.roleNotFound();
        const perms = this.roles.get(a)!;
        const at = perms.findIndex((p) => p.key === b && p.rangeEnd === (c ?? ''));
        if (at < 0) throw AuthErrors.permissionNotGranted();
        perms.splice(at, 1);
        break;
      }
      case 'authEnable': {
        const root = this.users.get('root');
        if (!root) throw AuthErrors.rootUserNotExist();
        if (!root.roles.has('root')) throw AuthErrors.rootRoleNotExist();
        this.enabled = true;
        this.everToggled = true;
        break;
      }
      case 'authDisable':
        this.enabled = false;
        this.everToggled = true;
        break;
      default:
        throw new Error(`unknown auth op ${o.op}`);
    }
    this.revision++;
    void f;
    return 'ok';
  }

  authenticate(name: string, password: string): void {
    if (!this.enabled) throw AuthErrors.authNotEnabled();
    const u = this.users.get(name);
    if (!u || u.password === undefined || u.password !== password) throw AuthErrors.authFailed();
  }

  isRoot(user: string): boolean {
    return !!this.users.get(user)?.roles.has('root');
  }

  /** May `user` read (or write) every key in [key, end)? Root may do anything. */
  permitted(user: string, write: boolean, key: string, end: string | undefined): boolean {
    const u = this.users.get(user);
    if (!u) return false;
    if (u.roles.has('root')) return true;
    for (const r of u.roles) {
      for (const p of this.roles.get(r) ?? []) {
        if (write ? p.type === 'READ' : p.type === 'WRITE') continue;
        const covers = !p.rangeEnd
          ? !end && key === p.key
          : p.rangeEnd === '\x00'
            ? key >= p.key
            : key >= p.key && (end ? end !== '\x00' && end <= p.rangeEnd : key < p.rangeEnd);
        if (covers) return true;
      }
    }
    return false;
  }
}

export { prefixRangeEnd };
