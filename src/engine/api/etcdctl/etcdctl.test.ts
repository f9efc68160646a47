import { describe, expect, it } from 'vitest';
import { terminal } from '../../../../test/helpers.ts';
import { tabwrite } from '../printers/tabwriter.ts';
import { helpText, parseArgs, parseGoDuration, parseGoInt, suggest } from './cobra.ts';
import { argify, parseCompare } from './commands/txn.ts';
import { ROOT } from './spec.ts';

describe("Go's tabwriter (tab padding)", () => {
  it('pads each column to a multiple of the tab width with tabs', () => {
    expect(tabwrite('\tgrant\tCreates leases\n\tkeep-alive\tKeeps leases alive\n')).toBe(
      '\tgrant\t\tCreates leases\n\tkeep-alive\tKeeps leases alive\n',
    );
  });

  it('starts a new column block after a line without cells', () => {
    expect(tabwrite('a\tx\n\nlonger-than-eight\ty\n')).toBe('a\tx\n\nlonger-than-eight\ty\n');
  });
});

describe('cobra-like parsing', () => {
  it('finds commands by unambiguous prefix', () => {
    const o = parseArgs(['mem', 'li']);
    expect(o.kind === 'help' || o.kind === 'run').toBe(true);
    if (o.kind === 'run') expect(o.parsed.path.map((c) => c.name)).toEqual(['etcdctl', 'member', 'list']);
  });

  it('takes flags anywhere, in every spelling', () => {
    const o = parseArgs(['get', '-w', 'json', 'foo', '--limit=2', '--prefix', '--rev', '3', '-wfields']);
    expect(o.kind).toBe('run');
    if (o.kind !== 'run') return;
    expect(o.parsed.args).toEqual(['foo']);
    expect(o.parsed.flags.get('limit')).toBe(2);
    expect(o.parsed.flags.get('rev')).toBe(3);
    expect(o.parsed.flags.get('prefix')).toBe(true);
    expect(o.parsed.flags.get('write-out')).toBe('fields');
  });

  it('stops taking flags after --', () => {
    const o = parseArgs(['put', 'foo', '--', '-dash']);
    expect(o.kind === 'run' && o.parsed.args).toEqual(['foo', '-dash']);
  });

  it("reports pflag's errors", () => {
    expect(parseArgs(['get', 'x', '--bogus'])).toMatchObject({ kind: 'flagError', message: 'unknown flag: --bogus' });
    expect(parseArgs(['get', 'x', '-5'])).toMatchObject({ message: "unknown shorthand flag: '5' in -5" });
    expect(parseArgs(['get', 'x', '--rev'])).toMatchObject({ message: 'flag needs an argument: --rev' });
    expect(parseArgs(['get', 'x', '--rev=abc'])).toMatchObject({
      message: 'invalid argument "abc" for "--rev" flag: strconv.ParseInt: parsing "abc": invalid syntax',
    });
    expect(parseArgs(['get', 'x', '--prefix=maybe'])).toMatchObject({
      message: 'invalid argument "maybe" for "--prefix" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    });
  });

  it('suggests close command names', () => {
    expect(suggest(ROOT, 'gett')).toEqual(['get']);
    expect(parseArgs(['foo'])).toMatchObject({ kind: 'unknownCommand', name: 'foo', suggestions: [] });
  });

  it("parses Go integers and durations as Go's strconv and time do", () => {
    expect(parseGoInt('0x10').value).toBe(16);
    expect(parseGoInt('010').value).toBe(8);
    expect(parseGoInt('1_000').value).toBe(1000);
    expect(parseGoInt('99999999999999999999').error).toContain('value out of range');
    expect(parseGoDuration('1m30s').ms).toBe(90_000);
    expect(parseGoDuration('abc').error).toBe('time: invalid duration "abc"');
  });

  it('renders the root help with every leaf command', () => {
    const h = helpText([ROOT]);
    expect(h).toContain('\tlease keep-alive\tKeeps leases alive (renew)\n');
    expect(h).toContain('VERSION:\n\t3.4.23\n');
  });
});

describe('txn input', () => {
  it("splits request lines as etcdctl's argify does", () => {
    expect(argify(`put key "hello world"`)).toEqual(['put', 'key', 'hello world']);
    expect(argify(`put k 'a b'`)).toEqual(['put', 'k', 'a b']);
  });

  it('parses compares of every target', () => {
    expect(parseCompare('value("user1") = "bad"')).toMatchObject({ key: 'user1', value: 'bad' });
    expect(parseCompare('mod("key1") > "0"')).toMatchObject({ modRevision: 0, result: 1 });
    expect(parseCompare('ver("k") != "3"')).toMatchObject({ version: 3, result: 3 });
    expect(() => parseCompare('value("k")')).toThrow('malformed comparison');
    expect(() => parseCompare('foo("k") = "1"')).toThrow('unknown target foo');
  });
});

describe('etcdctl against the simulated member', () => {
  it('puts, gets in every format and deletes', () => {
    const t = terminal();
    expect(t.run('etcdctl put foo "Hello World!"')).toBe('OK\n');
    expect(t.run('etcdctl get foo')).toBe('foo\nHello World!\n');
    expect(t.run('etcdctl get foo -w fields')).toContain('"Value" : "Hello World!"\n');
    expect(t.run('etcdctl get foo -w json')).toMatch(
      /"kvs":\[\{"key":"Zm9v","create_revision":2,"mod_revision":2,"version":1,"value":"SGVsbG8gV29ybGQh"\}\],"count":1\}\n$/,
    );
    expect(t.run('etcdctl del foo')).toBe('1\n');
    expect(t.exec('etcdctl get foo -w table')).toEqual({
      output: 'Error: table not supported as output format\n',
      exitCode: 4,
    });
  });

  it('reads the value from stdin when only the key is given', () => {
    const t = terminal();
    expect(t.run('echo hello | etcdctl put k')).toBe('OK\n');
    expect(t.run('etcdctl get k --print-value-only')).toBe('hello\n\n');
  });

  it('runs a txn from a heredoc', () => {
    const t = terminal();
    t.run('etcdctl put user1 bad');
    const out = t.run('etcdctl txn <<EOF\nvalue("user1") = "bad"\n\ndel user1\n\nput user1 good\n\nEOF');
    expect(out).toBe('SUCCESS\n\n1\n');
  });

  it('grants, lists, keeps alive and revokes leases; an expired lease takes its keys', () => {
    const t = terminal();
    const id = /lease (\w+) granted/.exec(t.run('etcdctl lease grant 2'))![1];
    expect(t.run(`etcdctl put temp v --lease=${id}`)).toBe('OK\n');
    expect(t.run(`etcdctl lease timetolive ${id} --keys`)).toMatch(
      /granted with TTL\(2s\), remaining\(1s\), attached keys\(\[temp\]\)/,
    );
    t.run('sleep 3');
    expect(t.run('etcdctl get temp')).toBe('');
    expect(t.run(`etcdctl lease timetolive ${id}`)).toBe(`lease ${id} already expired\n`);
  });

  it('fails after the command timeout when no endpoint answers', () => {
    const t = terminal();
    const before = t.sim.world.scheduler.now();
    const r = t.exec('etcdctl --endpoints=127.0.0.1:9999 get foo');
    expect(r.output).toContain('Error: context deadline exceeded\n');
    expect(r.exitCode).toBe(1);
    expect(t.sim.world.scheduler.now() - before).toBeGreaterThanOrEqual(5000);
  });

  it('takes flags from ETCDCTL_* and refuses to take one both ways', () => {
    const t = terminal();
    t.run('etcdctl put a 1');
    expect(t.run('ETCDCTL_WRITE_OUT=json etcdctl get a')).toContain('"kvs"');
    const r = t.exec('ETCDCTL_ENDPOINTS=127.0.0.1:2379 etcdctl --endpoints=127.0.0.1:2379 get a');
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(/ C \| pkg\/flags: conflicting environment variable "ETCDCTL_ENDPOINTS" is shadowed/);
  });

  it('writes protobuf bytes for -w protobuf', () => {
    const t = terminal();
    t.run('etcdctl put k v');
    const out = t.run('etcdctl get k -w protobuf');
    expect(out.charCodeAt(0)).toBe(0x0a); // field 1 (header), length-delimited
    expect(out).toContain('\x12\x0c\x0a\x01k'); // field 2 (kvs): a KeyValue whose key is "k"
  });

  it('saves a snapshot to the virtual file system and reads its status (keys in every bucket, as etcd counts them)', () => {
    const t = terminal();
    t.run('etcdctl put foo bar');
    expect(t.exec('etcdctl --endpoints=$ENDPOINTS snapshot save my.db').exitCode).toBe(5); // several endpoints
    expect(t.run('etcdctl --endpoints=127.0.0.1:2379 snapshot save my.db')).toBe('Snapshot saved at my.db\n');
    expect(t.run('etcdctl snapshot status my.db -w json')).toMatch(
      /^\{"hash":\d+,"revision":2,"totalKey":7,"totalSize":\d+\}\n$/,
    );
    expect(t.exec('etcdctl snapshot status nope.db')).toEqual({
      output: 'Error: stat nope.db: no such file or directory\n',
      exitCode: 1,
    });
  });

  it('watch -i takes requests from stdin and fails at its end, as etcdctl 3.4 does', () => {
    const t = terminal();
    expect(t.exec('etcdctl watch -i <<EOF\nwatch foo\nbogus\nEOF')).toEqual({
      output: 'Invalid command bogus (only support watch)\nError: Error reading watch request line: EOF\n',
      exitCode: 3,
    });
  });

  it('lock holders queue: the second waits for the first to be released', () => {
    const t = terminal(1, 'buffered');
    t.run('etcdctl lock m &');
    t.run('etcdctl lock m &');
    t.run('sleep 1');
    const first = t.run('kill %1');
    expect(first).toMatch(/^m\/[0-9a-f]+\n\n$/);
    t.run('sleep 1');
    const second = t.run('kill %2');
    expect(second).toMatch(/^m\/[0-9a-f]+\n\n$/);
    expect(second).not.toBe(first);
  });

  it('says plainly what it does not simulate yet', () => {
    const t = terminal();
    expect(t.exec('etcdctl check perf')).toEqual({
      output: 'Error: etcdctl check perf is not simulated by the playground yet\n',
      exitCode: 1,
    });
    expect(t.exec('ETCDCTL_API=4 etcdctl version')).toEqual({ output: 'unsupported API version 4\n', exitCode: 1 });
  });
});

describe('auth', () => {
  it('checks every request once enabled: anonymous, wrong password, missing permission', () => {
    const t = terminal();
    t.run('etcdctl put foo bar');
    t.run('etcdctl user add root:rootpw');
    t.run('etcdctl role add root');
    t.run('etcdctl user grant-role root root');
    t.run('etcdctl role add reader');
    t.run('etcdctl role grant-permission reader read foo');
    t.run('etcdctl user add alice --new-user-password=pw');
    t.run('etcdctl user grant-role alice reader');
    expect(t.run('etcdctl auth enable')).toBe('Authentication Enabled\n');
    expect(t.exec('etcdctl get foo')).toEqual({ output: 'Error: etcdserver: user name is empty\n', exitCode: 1 });
    expect(t.exec('etcdctl --user=root:nope get foo')).toEqual({
      output: 'Error: etcdserver: authentication failed, invalid user ID or password\n',
      exitCode: 2,
    });
    expect(t.run('etcdctl --user=alice:pw get foo')).toBe('foo\nbar\n');
    expect(t.exec('etcdctl --user=alice:pw put foo baz')).toEqual({
      output: 'Error: etcdserver: permission denied\n',
      exitCode: 1,
    });
    expect(t.exec('etcdctl --user=alice:pw auth disable')).toEqual({
      output: 'Error: etcdserver: permission denied\n',
      exitCode: 1,
    });
    expect(t.run('etcdctl --user=root --password=rootpw auth disable')).toBe('Authentication Disabled\n');
  });

  it('shows prefix permissions as etcdctl does', () => {
    const t = terminal();
    t.run('etcdctl role add r1');
    t.run('etcdctl role grant-permission r1 readwrite app/ --prefix');
    t.run('etcdctl role grant-permission r1 write a z');
    expect(t.run('etcdctl role get r1')).toBe(
      'Role r1\nKV Read:\n\t[app/, app0) (prefix app/)\nKV Write:\n\t[a, z)\n\t[app/, app0) (prefix app/)\n',
    );
    expect(t.exec('etcdctl role grant-permission r1 bad foo')).toEqual({
      output: 'Error: invalid permission type: bad\n',
      exitCode: 128,
    });
  });
});
