import { describe, expect, it } from 'vitest';
import { terminal } from '../../../../test/helpers.ts';
import { parse } from './parser.ts';

describe('shell syntax', () => {
  it('parses lists, pipelines and background jobs', () => {
    const s = parse('a && b || c; d | e &');
    expect(s).toHaveLength(2);
    expect(s[0].rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(s[1].background).toBe(true);
    expect(s[1].first.commands).toHaveLength(2);
  });

  it('keeps quoted text whole and expands only where bash does', () => {
    const t = terminal();
    t.run('export A="a  b"');
    expect(t.run(`echo $A "$A" '$A' \\$A`)).toBe('a b a  b $A $A\n');
    expect(t.run('echo ${A}x "${A}"y')).toBe('a bx a  by\n');
    expect(t.run(`echo "it's" 'say "hi"' $'tab\\there'`)).toBe(`it's say "hi" tab\there\n`);
    expect(t.run('echo ""')).toBe('\n');
  });

  it("answers syntax errors and unknown commands in bash's words", () => {
    const t = terminal();
    expect(t.exec('echo "open')).toEqual({
      output: 'bash: unexpected EOF while looking for matching `"\'\n',
      exitCode: 2,
    });
    expect(t.exec('| x')).toEqual({ output: "bash: syntax error near unexpected token `|'\n", exitCode: 2 });
    expect(t.exec('nosuch --flag')).toEqual({ output: 'bash: nosuch: command not found\n', exitCode: 127 });
    expect(t.run('echo $?')).toBe('127\n');
  });
});

describe('shell behaviour', () => {
  it('keeps unexported variables from programs, and VAR=v cmd sets it for one command', () => {
    const t = terminal();
    t.run('X=1');
    expect(t.run('env | grep ^X=')).toBe('');
    expect(t.run('X=2 env | grep ^X=')).toBe('X=2\n');
    expect(t.run('echo $X')).toBe('1\n');
    t.run('export X');
    expect(t.run('env | grep ^X=')).toBe('X=1\n');
  });

  it('chains with && and || on exit status', () => {
    const t = terminal();
    expect(t.run('false && echo no || echo yes')).toBe('yes\n');
    expect(t.run('true && echo a; echo b')).toBe('a\nb\n');
  });

  it('substitutes commands and pipes between programs', () => {
    const t = terminal();
    t.run('etcdctl put k1 v1');
    t.run('etcdctl put k2 v2');
    expect(t.run('echo "n=$(etcdctl get k --prefix --keys-only | grep k | wc -l)"')).toBe('n=2\n');
    expect(t.run('etcdctl get k --prefix | head -n 2')).toBe('k1\nv1\n');
  });

  it('redirects to the virtual file system', () => {
    const t = terminal();
    t.run('echo hello > f.txt');
    t.run('echo again >> f.txt');
    expect(t.run('cat f.txt')).toBe('hello\nagain\n');
    expect(t.exec('cat nope')).toEqual({ output: 'cat: nope: No such file or directory\n', exitCode: 1 });
    expect(t.run('cat nope 2>/dev/null')).toBe('');
  });

  it('expands heredocs unless the delimiter is quoted', () => {
    const t = terminal();
    t.run('export V=x');
    expect(t.run('cat <<EOF\n$V\nEOF')).toBe('x\n');
    expect(t.run("cat <<'EOF'\n$V\nEOF")).toBe('$V\n');
  });

  it('numbers jobs as bash does and kill %N interrupts one', () => {
    const t = terminal();
    t.run('etcdctl watch a &');
    t.run('etcdctl watch b &');
    expect(t.run('jobs')).toBe(
      '[1]-  Running                 etcdctl watch a &\n[2]+  Running                 etcdctl watch b &\n',
    );
    t.run('etcdctl put a 1');
    expect(t.run('kill %1')).toBe('PUT\na\n1\n');
    t.run('etcdctl watch c &'); // %1 is free again... but %2 is alive, so this is %3
    expect(t.run('jobs')).toContain('[3]+');
    expect(t.exec('kill %9')).toEqual({ output: 'bash: kill: %9: no such job\n', exitCode: 1 });
  });

  it('sleep advances virtual time, not wall time', () => {
    const t = terminal();
    const before = t.sim.world.scheduler.now();
    t.run('sleep 30');
    expect(t.sim.world.scheduler.now() - before).toBeGreaterThanOrEqual(30_000);
    expect(t.exec('sleep x')).toEqual({
      output: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n",
      exitCode: 1,
    });
  });

  it('keeps a history', () => {
    const t = terminal();
    t.run('echo one');
    t.run('echo two');
    expect(t.run('history')).toBe('    1  echo one\n    2  echo two\n    3  history\n');
  });
});
