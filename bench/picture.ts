// What the worker's cluster picture costs per frame as the keyspace grows: the picture shows the
// first keys, counts and the members' state, so its cost must not follow the number of keys.
import { World } from '../src/engine/sim/world.ts';
import { clusterView } from '../src/engine/view.ts';
import { type Spread, spread } from './stats.ts';

/** A settled 3-member cluster whose members all hold `keys` keys (written straight into each store). */
export function loadedWorld(keys: number, leases = 0): World {
  const world = new World({ seed: 1 });
  world.settle();
  for (const m of world.members) {
    for (let i = 0; i < keys; i += 1000) {
      const t = m.kv.write();
      for (let j = i; j < Math.min(keys, i + 1000); j++) t.put(`key/${j.toString(36).padStart(6, '0')}`, `v${j}`, 0n);
      t.end();
    }
    for (let l = 0; l < leases; l++) m.lessor.grant(BigInt(l + 1), 600);
  }
  return world;
}

/** Median wall ms of one picture as the worker makes it each frame (`reps` pictures, after warming up). */
export function pictureMs(world: World, reps = 200): { ms: Spread; bytes: number } {
  const opts = { logTail: 24, traceTail: 200, sentSince: world.scheduler.now() };
  for (let i = 0; i < 50; i++) clusterView(world, opts);
  const samples: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) clusterView(world, opts);
    samples.push((performance.now() - t0) / reps);
  }
  return { ms: spread(samples), bytes: JSON.stringify(clusterView(world, opts)).length };
}
