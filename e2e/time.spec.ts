import { expect, test } from '@playwright/test';
import { TerminalPage } from './terminal.page.ts';

test('pause stops virtual time, step moves it one event, resume lets it run again', async ({ page }) => {
  const t = new TerminalPage(page);
  await t.open();
  const clock = page.getByRole('status').filter({ hasText: 'virtual time' });
  const time = async () => Number(/virtual time ([\d.]+) s/.exec((await clock.textContent()) ?? '')?.[1]);
  await page.getByRole('button', { name: 'pause' }).click();
  await expect(clock).toContainText('(paused)');
  const paused = await time();
  expect(await time()).toBe(paused);
  // Several events can share one instant: step until the clock moves.
  await expect(async () => {
    await page.getByRole('button', { name: 'step' }).click();
    expect(await time()).toBeGreaterThan(paused);
  }).toPass();
  await page.getByRole('button', { name: 'resume' }).click();
  await expect(clock).not.toContainText('(paused)');
  await page.getByLabel('speed').selectOption('10');
  await t.run('sleep 5 && echo slept', /\nslept/);
});
