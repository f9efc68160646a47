import { expect, test } from '@playwright/test';
import { ClusterPage } from './cluster.page.ts';
import { TerminalPage } from './terminal.page.ts';

for (const theme of ['dark', 'light'] as const) {
  test(`at 1280×720 in the ${theme} theme nothing overflows and two terminals sit side by side`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const t = new TerminalPage(page);
    await t.open();
    if (theme === 'light') await page.getByRole('button', { name: 'light theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect(overflow).toEqual({ x: 0, y: 0 });
    const a = await page.getByRole('region', { name: 'terminal 1' }).boundingBox();
    const b = await page.getByRole('region', { name: 'terminal 2' }).boundingBox();
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
    expect(a!.height).toBeGreaterThan(250);
    await expect(page.getByRole('region', { name: 'cluster' })).toBeInViewport();
    await expect(page.getByRole('complementary', { name: 'inspector' })).toBeInViewport();
    await page.screenshot({ path: `test-results/layout-1280x720-${theme}.png` });
  });
}

test('Tab completes commands, subcommands and flags; a third terminal opens as a tab', async ({ page }) => {
  const t = new TerminalPage(page);
  await t.open();
  // Members publish their names once a leader is elected; before that etcd lists them unstarted.
  await new ClusterPage(page).leader();
  await t.run('sleep 1', /\$ sleep 1\n\$/);
  await t.pane.locator('.xterm').click();
  await page.keyboard.type('etcd');
  await page.keyboard.press('Tab');
  await page.keyboard.type('mem');
  await page.keyboard.press('Tab');
  await page.keyboard.type('l');
  await page.keyboard.press('Tab');
  await page.keyboard.type('--hex');
  await page.keyboard.press('Enter');
  await t.waitFor(/\$ etcdctl member list --hex\n/);
  await t.waitFor(/infra1/);

  await page.getByRole('region', { name: 'terminal 1' }).getByRole('button', { name: 'new terminal' }).click();
  const t3 = new TerminalPage(page, 'terminal 3');
  await expect(t3.pane).toBeVisible();
  await t3.run('echo third', /\$ echo third\nthird/);
  await page.getByRole('region', { name: 'terminal 3' }).getByRole('tab', { name: 'terminal 1' }).click();
  await t.waitFor(/member list --hex/);
});

test('the keyboard can leave a terminal: Escape, then Tab reaches the next control', async ({ page }) => {
  const t = new TerminalPage(page);
  await t.open();
  await t.pane.locator('.xterm').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.closest('.xterm') === null);
  expect(focused).toBe(true);
});
