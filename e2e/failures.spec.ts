import { expect, test } from '@playwright/test';
import { ClusterPage } from './cluster.page.ts';
import { TerminalPage } from './terminal.page.ts';

test('stopping the leader elects a new one, seen in the cluster view, and writes still succeed', async ({ page }) => {
  const t = new TerminalPage(page);
  const cluster = new ClusterPage(page);
  await t.open();
  const first = await cluster.leader();
  await cluster.control('stop', first);
  await expect(cluster.member(first)).toHaveAttribute('data-role', 'stopped');
  await expect.poll(() => cluster.leader(), { timeout: 10_000 }).not.toBe(first);
  await t.run('etcdctl put after-failover yes', /after-failover yes\nOK/);
  await page.screenshot({ path: 'test-results/leader-stopped.png' });
  await cluster.control('start', first);
  await expect(cluster.member(first)).toHaveAttribute('data-role', 'follower', { timeout: 10_000 });
});

test('member add shows the new member on the page, and its start button brings it in', async ({ page }) => {
  const t = new TerminalPage(page);
  const cluster = new ClusterPage(page);
  await t.open();
  await cluster.leader();
  // etcd refuses a new member while a peer connected less than 5 s ago: let time run fast past it.
  await page.getByLabel('speed').selectOption('10');
  await t.run('sleep 6', /\$ sleep 6\n/);
  await t.run('etcdctl member add infra4 --peer-urls=http://127.0.0.1:42380', /Member +[0-9a-f]+ added to cluster/);
  const card = cluster.member('infra4');
  await expect(card).toHaveAttribute('data-role', 'unstarted');
  await expect(card).toContainText('added, not started');
  await card.getByRole('button', { name: 'start infra4' }).click();
  await expect(card).toHaveAttribute('data-role', 'follower', { timeout: 10_000 });
  await t.run('etcdctl --endpoints=127.0.0.1:42379 get foo --consistency=s -w fields', /"Revision" : 1/);
  await page.screenshot({ path: 'test-results/member-added.png' });
});
