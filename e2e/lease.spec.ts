import { expect, test } from '@playwright/test';
import { InspectorPage } from './inspector.page.ts';
import { TerminalPage } from './terminal.page.ts';

test('a lease counts down to zero and its key is deleted from the keyspace', async ({ page }) => {
  const t = new TerminalPage(page);
  const inspector = new InspectorPage(page);
  await t.open();
  await t.run('etcdctl lease grant 6', /lease ([0-9a-f]+) granted with TTL\(6s\)/);
  const id = /lease ([0-9a-f]+) granted/.exec(await t.text())![1];
  await t.run(`etcdctl put session/alice online --lease=${id}`, /--lease=[0-9a-f]+\nOK/);

  const keyspace = await inspector.show('keyspace');
  await expect(inspector.key(keyspace, 'session/alice')).toContainText(id);

  const leases = await inspector.show('leases');
  const lease = leases.getByRole('article', { name: `lease ${id}` });
  await expect(lease).toContainText('keys: session/alice');
  // Watch it count down: every second left, down to zero.
  // Watch it count down, second by second (the last second's frame may be gone before it is drawn).
  for (const left of [5, 3, 1]) await expect(lease).toContainText(`${left}s left`, { timeout: 10_000 });
  await page.screenshot({ path: 'test-results/lease-zero.png' });
  await expect(lease).toHaveCount(0);

  const after = await inspector.show('keyspace');
  // Gone from the store, but kept in the picture as deleted (its tombstone), until compaction.
  await expect(inspector.key(after, 'session/alice')).toHaveClass(/deleted/);
  await expect(inspector.key(after, 'session/alice')).toContainText('deleted at revision');
  await t.run('etcdctl get session/alice', /get session\/alice\n\$/);
  await page.screenshot({ path: 'test-results/lease-expired.png' });
});
