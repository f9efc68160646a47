import { describe, expect, it } from 'vitest';
import { terminal } from '../../../../test/helpers.ts';

const members = 'http://127.0.0.1:2379/v2/members';
const json = '-H "Content-Type: application/json"';

describe('the v2 members API', () => {
  it('refuses a new voting member until every member has been connected for 5 s', () => {
    const t = terminal();
    expect(t.run(`curl -s -XPOST ${members} ${json} -d '{"peerURLs":["http://127.0.0.1:42380"]}'`)).toBe(
      '{"message":"Internal Server Error"}',
    );
    // etcdctl tries each synced member in turn, and each answers 500.
    expect(t.exec('ETCDCTL_API=2 etcdctl member add infra4 http://127.0.0.1:42380')).toEqual({
      output:
        'client: etcd cluster is unavailable or misconfigured' +
        '; error #0: client: etcd member http://127.0.0.1:22379 has no leader\n' +
        '; error #1: client: etcd member http://127.0.0.1:2379 has no leader\n' +
        '; error #2: client: etcd member http://127.0.0.1:32379 has no leader\n\n',
      exitCode: 1,
    });
  });

  it('adds a member, lists it as unstarted, and removes it', () => {
    const t = terminal();
    t.run('sleep 6');
    expect(t.run(`curl -s -XPOST ${members} ${json} -d '{"peerURLs":["http://127.0.0.1:22380"]}'`)).toBe(
      '{"message":"membership: peerURL exists"}',
    );
    const added = t.run('ETCDCTL_API=2 etcdctl member add infra4 http://127.0.0.1:42380');
    const id = /with ID ([0-9a-f]{16}) to cluster/.exec(added)?.[1] ?? '';
    expect(added).toBe(
      `Added member named infra4 with ID ${id} to cluster\n\nETCD_NAME="infra4"\n` +
        `ETCD_INITIAL_CLUSTER="${[
          ['infra4', 'http://127.0.0.1:42380', id],
          ['infra2', 'http://127.0.0.1:22380', '91bc3c398fb3c146'],
          ['infra1', 'http://127.0.0.1:2380', 'bf9071f4639c75cc'],
          ['infra3', 'http://127.0.0.1:32380', 'fd422379fda50e48'],
        ]
          .sort((a, b) => (a[2] < b[2] ? -1 : 1))
          .map(([n, u]) => `${n}=${u}`)
          .join(',')}"\nETCD_INITIAL_CLUSTER_STATE="existing"\n`,
    );
    expect(t.run('ETCDCTL_API=2 etcdctl member list')).toContain(`${id}[unstarted]: peerURLs=http://127.0.0.1:42380\n`);
    // infra4 is not connected yet: the health check refuses before the peer URL is looked at.
    expect(t.run(`curl -s -XPOST ${members} ${json} -d '{"peerURLs":["http://127.0.0.1:42380"]}'`)).toBe(
      '{"message":"Internal Server Error"}',
    );
    expect(t.exec(`ETCDCTL_API=2 etcdctl member remove ${id}`)).toEqual({
      output: `Removed member ${id} from cluster\n`,
      exitCode: 0,
    });
    expect(t.exec(`ETCDCTL_API=2 etcdctl member remove ${id}`)).toEqual({
      output: `Couldn't find a member in the cluster with an ID of ${id}.\n`,
      exitCode: 1,
    });
    expect(t.run(`curl -s -XDELETE ${members}/${id}`)).toBe(`{"message":"Member permanently removed: ${id}"}`);
  });

  it('answers bad requests with etcd’s statuses and messages', () => {
    const t = terminal();
    const status = (args: string) => t.run(`curl -s -o /dev/null -w '%{http_code}' ${args}`);
    expect(t.run(`curl -s -XPOST ${members} -d '{"peerURLs":["http://a:1"]}'`)).toBe(
      '{"message":"Bad Content-Type application/x-www-form-urlencoded, accept application/json"}',
    );
    for (const [body, message] of [
      ['{"peerURLs":"x"}', 'json: cannot unmarshal string into Go struct field .peerURLs of type []string'],
      ['{}', 'no valid URLs given'],
      ['{"peerURLs":["foo"]}', 'URL scheme must be http, https, unix, or unixs: foo'],
      ['{"peerURLs":["http://a:1/x"]}', 'URL must not contain a path: http://a:1/x'],
      ['{', 'unexpected end of JSON input'],
    ])
      expect(t.run(`curl -s -XPOST ${members} ${json} -d '${body}'`)).toBe(JSON.stringify({ message }));
    expect(t.run(`curl -s -XDELETE ${members}/zz`)).toBe('{"message":"No such member: zz"}');
    expect(t.run(`curl -s ${members}/zz`)).toBe('{"message":"Not found"}');
    expect(t.run(`curl -s ${members}/leader`)).toBe(
      '{"id":"fd422379fda50e48","name":"infra3","peerURLs":["http://127.0.0.1:32380"],"clientURLs":["http://127.0.0.1:32379"]}\n',
    );
    expect(status(`-XPATCH ${members}`)).toBe('405');
    expect(status(`-XPUT ${members} ${json} -d '{}'`)).toBe('405');
    expect(t.exec('ETCDCTL_API=2 etcdctl member remove')).toEqual({
      output: 'Provide a single member ID\n',
      exitCode: 1,
    });
  });

  it('exec-watch runs its command for each change, with the change in ETCD_WATCH_*', () => {
    const t = terminal();
    t.run(
      `ETCDCTL_API=2 etcdctl exec-watch --recursive /d -- sh -c 'echo "$ETCD_WATCH_ACTION $ETCD_WATCH_KEY=$ETCD_WATCH_VALUE @$ETCD_WATCH_MODIFIED_INDEX"' &`,
    );
    t.run('ETCDCTL_API=2 etcdctl set /d/a 1');
    t.run('ETCDCTL_API=2 etcdctl mkdir /d/sub');
    t.run('ETCDCTL_API=2 etcdctl rm /d/a');
    expect(t.run('kill %1')).toMatch(/^set \/d\/a=1 @(\d+)\nIgnored dir \/d\/sub change\ndelete \/d\/a= @\d+\n$/);
    expect(t.exec('ETCDCTL_API=2 etcdctl exec-watch foo')).toEqual({
      output: 'Error:  key and command to exec required\n',
      exitCode: 1,
    });
  });
});
