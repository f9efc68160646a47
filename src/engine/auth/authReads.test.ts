// Who may read users and roles once auth is on, as etcd 3.4.23 answered (recorded by hand):
// root reads everything; a user reads its own record and the roles it has, nothing else.
import { describe, expect, it } from 'vitest';
import { terminal } from '../../../test/helpers.ts';

describe('reading users and roles with auth on', () => {
  it('lets a user read itself and its roles, and denies the rest', () => {
    const t = terminal();
    for (const c of [
      'user add root:pw',
      'role add root',
      'user grant-role root root',
      'role add r',
      'user add u:p',
      'user grant-role u r',
      'auth enable',
    ])
      t.run(`etcdctl ${c}`);
    const as = (c: string) => {
      const r = t.exec(`etcdctl --user u:p ${c}`);
      return { output: r.output.replace(/^\{"level":"warn".*\n/gm, ''), exitCode: r.exitCode };
    };
    const denied = { output: 'Error: etcdserver: permission denied\n', exitCode: 1 };
    expect(as('user list')).toEqual(denied);
    expect(as('user get root')).toEqual(denied);
    expect(as('role get root')).toEqual(denied);
    expect(as('role list')).toEqual(denied);
    expect(as('user get u')).toEqual({ output: 'User: u\nRoles: r\n', exitCode: 0 });
    expect(as('role get r')).toEqual({ output: 'Role r\nKV Read:\nKV Write:\n', exitCode: 0 });
    expect(t.exec('etcdctl --user root:pw user list')).toEqual({ output: 'root\nu\n', exitCode: 0 });
  });
});
