import { expect, test } from '@playwright/test';
import { TerminalPage } from './terminal.page.ts';

test('Monaco loads only when the script editor opens, and a script runs line by line in a terminal', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => scripts.push(new URL(r.url()).pathname));
  const t = new TerminalPage(page, 'terminal 2');
  await t.open();
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((s) => /monaco|editor\.worker/i.test(s))).toEqual([]);

  await page.getByRole('complementary', { name: 'inspector' }).getByRole('tab', { name: 'script' }).click();
  const panel = page.getByRole('region', { name: 'script' });
  await expect(panel.locator('.monaco-editor')).toBeVisible();
  expect(scripts.some((s) => /monacoEditor/.test(s))).toBe(true);
  await panel.getByLabel('run in terminal').selectOption({ label: 'terminal 2' });
  await panel.getByRole('button', { name: 'run script' }).click();
  await t.waitFor(/\$ etcdctl put foo "Hello World"\nOK\n\$ etcdctl get foo\nfoo\nHello World\n/);
  await t.waitFor(/"key": "Zm9v"/);
  await t.waitFor(/\$ etcdctl del foo\n1\n\$/);
  await page.screenshot({ path: 'test-results/script-editor.png' });
});
