// Sessions that never lose work: several reloads in a row, exports and share links made after
// reloads, a full browser storage, clusters of every size, a quiet cluster that dozes.
import { expect, test } from '@playwright/test';
import { ClusterPage } from './cluster.page.ts';
import { InspectorPage } from './inspector.page.ts';
import { SessionPage } from './session.page.ts';
import { TerminalPage } from './terminal.page.ts';

test('three reloads in a row, with commands between them, lose nothing', async ({ page }) => {
  const t1 = new TerminalPage(page, 'terminal 1');
  const t2 = new TerminalPage(page, 'terminal 2');
  const inspector = new InspectorPage(page);
  await t1.open();
  await t2.start('etcdctl watch --prefix job');
  for (let i = 1; i <= 3; i++) {
    await t1.run(`etcdctl put job/${i} run-${i}`, new RegExp(`put job/${i} run-${i}\\nOK`));
    await t2.waitFor(new RegExp(`PUT\\njob/${i}\\nrun-${i}`));
    const keyspace = await inspector.keyspace();
    const screen = await t1.text();
    await page.reload();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await t1.waitFor(new RegExp(`put job/${i} run-${i}\\nOK\\n\\$`));
    expect(await t1.text()).toBe(screen);
    await expect.poll(() => inspector.keyspace()).toBe(keyspace);
    // The watch came back with the session and still sees what comes next.
    await t2.waitFor(/etcdctl watch --prefix job\nPUT\njob\/1\nrun-1/);
  }
  await t1.run('etcdctl get --prefix job --keys-only', /job\/1\n\njob\/2\n\njob\/3/);
  await t2.waitFor(/PUT\njob\/3\nrun-3/);
});

test('an export and a share link made after two reloads open in a fresh browser', async ({ page, browser }, info) => {
  const t = new TerminalPage(page);
  const cluster = new ClusterPage(page);
  const inspector = new InspectorPage(page);
  const session = new SessionPage(page);
  await t.open();
  await t.run('etcdctl put a 1', /put a 1\nOK/);
  await page.reload();
  await t.run('etcdctl put b 2', /put b 2\nOK/);
  const leader = await cluster.leader();
  await cluster.control('stop', leader);
  await expect.poll(() => cluster.leader()).not.toBe(leader);
  await page.reload();
  await t.run('etcdctl put c 3', /put c 3\nOK/);
  const keyspace = await inspector.keyspace();
  expect(keyspace).toMatch(/revision 4/);
  const file = info.outputPath('after-reloads.json');
  await session.exportTo(file);
  const link = await session.shareLink();

  for (const open of ['file', 'link'] as const) {
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    const ot = new TerminalPage(other);
    if (open === 'link') await other.goto(link);
    else {
      await ot.open();
      await new SessionPage(other).importFrom(file);
    }
    await expect.poll(() => new InspectorPage(other).keyspace()).toBe(keyspace);
    await expect(new ClusterPage(other).member(leader)).toHaveAttribute('data-role', 'stopped');
    await ot.waitFor(/put c 3\nOK/);
    await ot.run('etcdctl get b', /get b\nb\n2/);
    await fresh.close();
  }
});

test('a full browser storage is said, the session keeps running, and an export still has it all', async ({
  page,
}, info) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('etcd-playground:input:') && Number(key.split(':').at(-1)) >= 2)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const t = new TerminalPage(page);
  await t.open();
  for (const k of ['x', 'y', 'z']) await t.run(`etcdctl put ${k} 1`, new RegExp(`put ${k} 1\\nOK`));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('storage for the page is full');
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'export the session' }).click();
  const file = info.outputPath('full.json');
  await (await download).saveAs(file);
  const { readFile } = await import('node:fs/promises');
  const saved = JSON.parse(await readFile(file, 'utf8')) as { inputs: { kind: string; line?: string }[] };
  expect(saved.inputs.filter((i) => i.kind === 'exec').map((i) => i.line)).toEqual([
    'etcdctl put x 1',
    'etcdctl put y 1',
    'etcdctl put z 1',
  ]);
});

for (const members of [1, 2, 5, 7]) {
  test(`a cluster of ${members} member${members > 1 ? 's' : ''} runs, takes writes and keeps its clock going`, async ({
    page,
  }) => {
    const t = new TerminalPage(page);
    const cluster = new ClusterPage(page);
    await page.goto(`/?members=${members}`);
    await t.waitFor(/etcd Playground/);
    await expect(cluster.panel.locator('article[data-role]')).toHaveCount(members);
    await t.run('etcdctl put size n', /put size n\nOK/);
    const clock = page.getByRole('status').filter({ hasText: 'virtual time' });
    const before = await clock.textContent();
    await page.waitForTimeout(1500);
    expect(await clock.textContent()).not.toBe(before);
    await t.run('etcdctl put again yes', /put again yes\nOK/);
    await t.run('etcdctl get size', /get size\nsize\nn/);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}

test('a quiet cluster dozes: the picture says so, and the next command wakes it', async ({ page }) => {
  const t = new TerminalPage(page);
  await t.open();
  await t.run('etcdctl put idle yes', /put idle yes\nOK/);
  const network = page.getByRole('figure', { name: 'network' });
  await expect(network).toContainText('quiet: only heartbeats flow', { timeout: 5_000 });
  await t.run('etcdctl get idle', /get idle\nidle\nyes/);
  await page.reload();
  await t.waitFor(/get idle\nidle\nyes\n\$/);
});

test('a command line too long to keep is refused, not run, and the session still comes back', async ({ page }) => {
  const t = new TerminalPage(page);
  await t.open();
  await t.run('etcdctl put before long', /put before long\nOK/);
  await page.evaluate(() => {
    const hook = (
      globalThis as unknown as { etcdPlayground: { xterm(t: string): { input(d: string, u?: boolean): void } } }
    ).etcdPlayground;
    hook.xterm('terminal 1').input(`echo ${'x'.repeat(100_001)}\r`, true);
  });
  await t.waitFor(/a command line may be at most 100000 characters \(this one has 100006\): it was not run\n\$/);
  await page.reload();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await t.waitFor(/put before long\nOK\n\$/);
  await t.run('etcdctl get before', /get before\nbefore\nlong/);
});
