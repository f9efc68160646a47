import { expect, test } from '@playwright/test';
import { ClusterPage } from './cluster.page.ts';
import { TerminalPage } from './terminal.page.ts';

const ENDPOINT: Record<string, string> = {
  infra1: '127.0.0.1:2379',
  infra2: '127.0.0.1:22379',
  infra3: '127.0.0.1:32379',
};

test('a cut-off member times out on a write while the majority accepts it, and catches up after heal', async ({
  page,
}) => {
  const t = new TerminalPage(page);
  const cluster = new ClusterPage(page);
  await t.open();
  const leader = await cluster.leader();
  const follower = Object.keys(ENDPOINT).find((n) => n !== leader)!;
  await cluster.control('isolate', follower);
  await expect(cluster.member(follower)).toContainText('(cut off: no quorum)');
  // The leader's side holds the quorum, and its card says so.
  await expect(cluster.member(leader)).toContainText('leader (quorum side)');
  await t.run(`etcdctl --endpoints=${ENDPOINT[follower]} put k minority`, /context deadline exceeded/);
  await t.run(`etcdctl --endpoints=${ENDPOINT[leader]} put k majority`, /put k majority\nOK/);
  await page.screenshot({ path: 'test-results/partition.png' });
  await page.getByRole('button', { name: 'heal network' }).click();
  await expect(cluster.member(follower)).not.toContainText('(cut off');
  await expect(cluster.member(leader)).not.toContainText('quorum side');
  // Without pre-vote (etcd 3.4's default) the returning member's higher term forces an election
  // first; let virtual time run fast while it settles.
  await page.getByLabel('speed').selectOption('10');
  await t.run('sleep 5', /\$ sleep 5\n/);
  await t.run(`etcdctl --endpoints=${ENDPOINT[follower]} get k --consistency=s`, /--consistency=s\nk\nmajority\n/);
});
