import { describe, expect, it } from 'vitest';
import { Simulation } from '../../index.ts';

describe('test / [ as an interactive bash answers', () => {
  const run = (line: string) => {
    const sim = Simulation.create({ seed: 1 });
    const sh = sim.shell();
    return sim.execSync(sh, line);
  };
  it('names the builtin in its errors, with status 2', () => {
    expect(run('[ 1 -eq a ]')).toMatchObject({ errors: 'bash: [: a: integer expression expected\n', exitCode: 2 });
    expect(run('[ 1 = 1')).toMatchObject({ errors: "bash: [: missing `]'\n", exitCode: 2 });
    expect(run('test a b c')).toMatchObject({ errors: 'bash: test: b: binary operator expected\n', exitCode: 2 });
  });
});
