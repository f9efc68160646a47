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
