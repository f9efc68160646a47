import { expect, test } from '@playwright/test';
import { TerminalPage } from './terminal.page.ts';

test('the page runs etcdctl against the simulated cluster in its worker, from its own files only', async ({ page }) => {
  const elsewhere: string[] = [];
  page.context().on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1:4173/') && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
      elsewhere.push(r.url());
  });
  const t = new TerminalPage(page);
  await t.open();
  await t.run('etcdctl put foo "Hello World"', /\$ etcdctl put foo "Hello World"\nOK/);
  await t.run('etcdctl get foo', /foo\nHello World/);
  await t.run('etcdctl get foo -w json', /"kvs":\[\{"key":"Zm9v"/);
  await page.screenshot({ path: 'test-results/smoke.png' });
  expect(elsewhere).toEqual([]);
});

test('a watch in terminal 2 prints the puts made in terminal 1', async ({ page }) => {
  const t1 = new TerminalPage(page, 'terminal 1');
  const t2 = new TerminalPage(page, 'terminal 2');
  await t1.open();
  await t2.start('etcdctl watch greeting');
  await t1.run('etcdctl put greeting hello', /\nOK/);
  await t2.waitFor(/PUT\ngreeting\nhello/);
  await t1.run('etcdctl del greeting', /\n1/);
  await t2.waitFor(/DELETE\ngreeting/);
  await page.screenshot({ path: 'test-results/watch-two-terminals.png' });
});

test('history comes back with ↑, after a reload too', async ({ page }) => {
  const t = new TerminalPage(page);
  await t.open();
  await t.run('etcdctl put k v', /\nOK/);
  await page.reload();
  await t.waitFor(/etcd Playground/);
  await t.pane.locator('.xterm').click();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await t.waitFor(/\$ etcdctl put k v\nOK/);
});
