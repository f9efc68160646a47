import { expect, it } from 'vitest';
import { Simulation } from '../../index.ts';

it('dd reports what it copied as GNU dd words it, and /dev/urandom is the same in every run of a seed', () => {
  const run = () => {
    const sim = Simulation.create({ seed: 3 });
    const sh = sim.shell();
    const stats = sim.execSync(sh, 'dd if=/dev/zero of=z bs=1k count=2');
    const rand = sim.execSync(sh, 'dd if=/dev/urandom bs=8 count=1 status=none | base64');
    return { stats: stats.errors, rand: rand.output };
  };
  const a = run();
  expect(a.stats).toBe('2+0 records in\n2+0 records out\n2048 bytes (2.0 kB, 2.0 KiB) copied, 0.0001 s, 20.5 MB/s\n');
  expect(a.rand).toMatch(/^[A-Za-z0-9+/]{11}=\n$/);
  expect(run().rand).toBe(a.rand);
});
