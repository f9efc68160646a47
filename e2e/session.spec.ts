import { expect, test } from '@playwright/test';
import { ClusterPage } from './cluster.page.ts';
import { InspectorPage } from './inspector.page.ts';
import { SessionPage } from './session.page.ts';
import { TerminalPage } from './terminal.page.ts';

/** Some history worth restoring: keys, a deletion, a compaction-free revision count, a leader change. */
async function makeHistory(t: TerminalPage, cluster: ClusterPage): Promise<void> {
  await t.run('etcdctl put foo bar', /put foo bar\nOK/);
  await t.run('etcdctl put foo baz', /put foo baz\nOK/);
  await t.run('etcdctl put web/1 one', /put web\/1 one\nOK/);
  await t.run('etcdctl del web/1', /del web\/1\n1/);
  const leader = await cluster.leader();
  await cluster.control('stop', leader);
  await expect(cluster.member(leader)).toHaveAttribute('data-role', 'stopped');
  await expect.poll(() => cluster.leader()).not.toBe(leader);
}

test('a reload brings the session back: cluster, keyspace, terminals and a running watch', async ({ page }) => {
  const t1 = new TerminalPage(page, 'terminal 1');
  const t2 = new TerminalPage(page, 'terminal 2');
  const cluster = new ClusterPage(page);
  const inspector = new InspectorPage(page);
  await t1.open();
  await t2.start('etcdctl watch foo');
  await makeHistory(t1, cluster);
  await t2.waitFor(/PUT\nfoo\nbaz/);
  const keyspace = await inspector.keyspace();
  const stopped = await cluster.panel.locator('article[data-role="stopped"]').getAttribute('aria-label');

  await page.reload();
  await t1.waitFor(/\$ etcdctl del web\/1\n1\n\$/);
  await expect.poll(() => inspector.keyspace()).toBe(keyspace);
  await expect(cluster.member(stopped!)).toHaveAttribute('data-role', 'stopped');
  // The watch in terminal 2 was rebuilt with the session and is still watching.
  await t2.waitFor(/\$ etcdctl watch foo\nPUT\nfoo\nbar\nPUT\nfoo\nbaz/);
  await t1.run('etcdctl put foo again', /put foo again\nOK/);
  await t2.waitFor(/PUT\nfoo\nagain/);
  await page.screenshot({ path: 'test-results/reload-restored.png' });
});

test('export, reset, import: the same cluster comes back', async ({ page }, info) => {
  const t = new TerminalPage(page);
  const cluster = new ClusterPage(page);
  const inspector = new InspectorPage(page);
  const session = new SessionPage(page);
  await t.open();
  await makeHistory(t, cluster);
  const keyspace = await inspector.keyspace();
  const leader = await cluster.leader();
  const file = info.outputPath('session.json');
  await session.exportTo(file);

  await session.reset();
  await expect.poll(() => inspector.keyspace()).toMatch(/^revision 1 ·/);
  await expect(cluster.panel.locator('article[data-role="stopped"]')).toHaveCount(0);

  await session.importFrom(file);
  await expect.poll(() => inspector.keyspace()).toBe(keyspace);
  expect(await cluster.leader()).toBe(leader);
  await t.waitFor(/\$ etcdctl put foo baz\nOK\n/);
  await page.screenshot({ path: 'test-results/export-reset-import.png' });
});

test('a share link reproduces the same cluster in a fresh browser', async ({ page, browser }) => {
  const t = new TerminalPage(page);
  const cluster = new ClusterPage(page);
  const inspector = new InspectorPage(page);
  await t.open();
  await makeHistory(t, cluster);
  const keyspace = await inspector.keyspace();
  const leader = await cluster.leader();
  const link = await new SessionPage(page).shareLink();
  expect(link).toMatch(/#session=[\w-]+$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  const otherInspector = new InspectorPage(other);
  await expect.poll(() => otherInspector.keyspace()).toBe(keyspace);
  expect(await new ClusterPage(other).leader()).toBe(leader);
  await new TerminalPage(other).waitFor(/\$ etcdctl del web\/1\n1\n/);
  await other.screenshot({ path: 'test-results/share-link.png' });
  await fresh.close();
});

test('a damaged share link says so and starts a fresh cluster', async ({ page }) => {
  await page.goto('/#session=not-a-session');
  await expect(page.getByRole('alert')).toContainText('share link is damaged');
  await new TerminalPage(page).run('etcdctl put fresh yes', /put fresh yes\nOK/);
});
