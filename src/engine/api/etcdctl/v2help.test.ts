import { describe, expect, it } from 'vitest';
import { terminal } from '../../../../test/helpers.ts';
import v2help from './v2help.json' with { type: 'json' };

const HELP = v2help as Record<string, string>;
const v2 = 'ETCDCTL_API=2 etcdctl';

describe('etcdctl v2 help and usage', () => {
  it('prints the recorded help screens for --help, help CMD and a bare group command', () => {
    const t = terminal();
    expect(t.exec(`${v2} --help`)).toEqual({ output: HELP[''], exitCode: 0 });
    expect(t.exec(v2)).toEqual({ output: HELP[''], exitCode: 0 });
    expect(t.exec(`${v2} set --help`)).toEqual({ output: HELP.set, exitCode: 0 });
    expect(t.exec(`${v2} help ls`)).toEqual({ output: HELP.ls, exitCode: 0 });
    expect(t.exec(`${v2} member`)).toEqual({ output: HELP.member, exitCode: 0 });
    expect(t.exec(`${v2} member add -h`)).toEqual({ output: HELP['member add'], exitCode: 0 });
    expect(HELP.set).toContain('   --ttl value              key time-to-live in seconds (default: 0)\n');
  });

  it('refuses unknown commands with exit 3 and unknown flags with the usage and exit 1', () => {
    const t = terminal();
    expect(t.exec(`${v2} nope`)).toEqual({ output: "No help topic for 'nope'\n", exitCode: 3 });
    expect(t.exec(`${v2} member foo`)).toEqual({ output: "No help topic for 'foo'\n", exitCode: 3 });
    expect(t.exec(`${v2} ls -p --sort --bogus /`)).toEqual({
      output: `Incorrect Usage: flag provided but not defined: -bogus\n\n${HELP.ls}flag provided but not defined: -bogus\n`,
      exitCode: 1,
    });
    expect(t.exec(`${v2} member --bogus`).output).toContain('Incorrect Usage. flag provided but not defined: -bogus\n');
  });

  it('takes the flags each command lists, and stops reading flags at the first argument', () => {
    const t = terminal();
    expect(t.exec(`${v2} set --ttl 5 /a 1`)).toEqual({ output: '1\n', exitCode: 0 });
    expect(t.exec(`${v2} ls --sort -p /`)).toEqual({ output: '/a\n', exitCode: 0 });
  });
});
