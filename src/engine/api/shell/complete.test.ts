import { describe, expect, it } from 'vitest';
import { Simulation } from '../../index.ts';
import { complete } from './complete.ts';

const sh = Simulation.create({ seed: 1 }).shell();
const members = ['infra1', 'infra2', 'infra3'];
const at = (line: string) => complete(sh, line, line.length, members);

describe('Tab completion', () => {
  it('completes command names, builtins included', () => {
    expect(at('etc')).toEqual({ from: 0, candidates: ['etcdctl'] });
    expect(at('ex').candidates).toEqual(['exit', 'export']);
    expect(at('echo hi | py').candidates).toEqual(['python', 'python3']);
  });

  it("completes etcdctl's subcommands and each command's flags, as etcdctl 3.4 has them", () => {
    expect(at('etcdctl me')).toEqual({ from: 8, candidates: ['member'] });
    expect(at('etcdctl member ').candidates).toEqual(['add', 'list', 'promote', 'remove', 'update']);
    expect(at('etcdctl get foo --pre').candidates).toEqual(['--prefix']);
    expect(at('etcdctl put foo bar --l').candidates).toEqual(['--lease']);
    expect(at('etcdctl --endp').candidates).toEqual(['--endpoints']);
    expect(at('etcdctl endpoint status --cl').candidates).toEqual(['--cluster']);
  });

  it('completes the v2 commands under ETCDCTL_API=2', () => {
    expect(at('ETCDCTL_API=2 etcdctl mk').candidates).toEqual(['mk', 'mkdir']);
  });

  it('completes sim verbs, member names and variables', () => {
    expect(at('sim is').candidates).toEqual(['isolate']);
    expect(at('sim kill infra').candidates).toEqual(members);
    expect(at('echo $ENDP')).toEqual({ from: 5, candidates: ['$ENDPOINTS'] });
  });

  it('has nothing to offer for a value', () => {
    expect(at('etcdctl put fo').candidates).toEqual([]);
  });
});
