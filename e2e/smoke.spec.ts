import { test } from '@playwright/test';
import { TerminalPage } from './terminal.page.ts';

test('the page runs etcdctl against the simulated member in its worker', async ({ page }) => {
  const t = new TerminalPage(page);
  await t.open();
  await t.run('etcdctl put foo "Hello World"', /\$ etcdctl put foo "Hello World"\nOK/);
  await t.run('etcdctl get foo', /foo\nHello World/);
  await t.run('etcdctl get foo -w json', /"kvs":\[\{"key":"Zm9v"/);
  await page.screenshot({ path: 'test-results/smoke.png' });
});
