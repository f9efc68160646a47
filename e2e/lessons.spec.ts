// A learner takes the watch lesson and the failures lesson by typing, in English and in 中文;
// the language switch changes the page's own words, never etcd's output.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { ClusterPage } from './cluster.page.ts';
import { TerminalPage } from './terminal.page.ts';

const E = '--endpoints=$ENDPOINTS';

async function openLesson(page: Page, id: string, lang: 'en' | 'zh') {
  const t1 = new TerminalPage(page);
  await t1.open();
  await page.getByLabel('language').selectOption(lang);
  await page.getByRole('tab', { name: lang === 'en' ? 'lessons' : '课程' }).click();
  await page.getByRole('button', { name: `start lesson ${id}` }).click();
  await expect(page.getByRole('list', { name: 'goals' })).toBeVisible();
  // A fresh page had nothing of the learner's to set aside.
  await expect(page.getByRole('alert')).toHaveCount(0);
  return t1;
}

/** Wait until every goal of the step shown is met, then go on. */
async function stepDone(page: Page, next: boolean) {
  await expect(page.locator('ul.goals li[data-met="no"]')).toHaveCount(0, { timeout: 15_000 });
  if (next) await page.getByRole('button', { name: /^(next step|下一步)$/ }).click();
}

for (const lang of ['en', 'zh'] as const) {
  test(`the watch lesson, typed by a learner (${lang})`, async ({ page }) => {
    const t1 = await openLesson(page, 'watch', lang);
    const t2 = new TerminalPage(page, 'terminal 2');
    await expect(page.locator('.lesson-text')).toContainText(lang === 'en' ? 'start watching a key' : '开始监听一个键');
    // A watch on the wrong key first: "why not yet?" says what is missing.
    await t2.start(`etcdctl ${E} watch stock1`);
    await page.getByRole('button', { name: lang === 'en' ? 'why not yet?' : '为什么还没完成？' }).click();
    await expect(page.getByRole('note')).toContainText(
      lang === 'en' ? 'has delivered 0 events of 1' : '已收到 0 个事件，需要 1 个',
    );
    await t1.run(`etcdctl ${E} put stock1 1000`, /OK/);
    await t2.waitFor(/PUT\nstock1\n1000/);
    await stepDone(page, true);
    await t2.pane.locator('.xterm').click();
    await page.keyboard.press('Control+C');
    await t2.start(`etcdctl ${E} watch stock --prefix`);
    await t1.run(`etcdctl ${E} put stock1 10`, /OK/);
    await t1.run(`etcdctl ${E} put stock2 20`, /OK\n.*\n?OK/);
    await stepDone(page, true);
    await t2.pane.locator('.xterm').click();
    await page.keyboard.press('Control+C');
    await t2.start(`etcdctl ${E} watch --rev=2 stock1`);
    await stepDone(page, true);
    await t2.pane.locator('.xterm').click();
    await page.keyboard.press('Control+C');
    await t2.start(`etcdctl ${E} watch stock1 --prev-kv`);
    await t1.run(`etcdctl ${E} put stock1 2000`, /OK/);
    await stepDone(page, false);
    await expect(page.locator('.explain')).toContainText(lang === 'en' ? 'Lesson complete.' : '本课完成。');
    // etcd's output is never translated.
    await t2.waitFor(/PUT\nstock1\n10\nstock1\n2000/);
  });

  test(`the failures lesson, typed by a learner (${lang})`, async ({ page }) => {
    const t1 = await openLesson(page, 'failures', lang);
    const cluster = new ClusterPage(page);
    const first = await cluster.leader();
    await cluster.control('stop', first);
    await stepDone(page, true);
    const second = await cluster.leader();
    await cluster.control('stop', second);
    await t1.run(`etcdctl ${E} put foo bar`, /Error: context deadline exceeded/);
    await stepDone(page, true);
    await t1.run(`sim start ${first}`, /\$ sim start/);
    await t1.run(`sim start ${second}`, /\$ sim start/);
    await expect.poll(() => cluster.leader(), { timeout: 10_000 }).toBeTruthy();
    await t1.run(`etcdctl ${E} put foo bar`, /put foo bar\nOK/);
    await stepDone(page, false);
  });
}

test('the language switch changes the page, is remembered, and progress survives a reload', async ({ page }) => {
  const t1 = await openLesson(page, 'meet', 'zh');
  await expect(page.getByRole('button', { name: '暂停' })).toBeVisible();
  await expect(page.locator('.lesson-text')).toContainText('你的集群有三个成员');
  await t1.run(`etcdctl ${E} member list`, /started, infra1/);
  await stepDone(page, false);
  await page.reload();
  await page.getByRole('tab', { name: '课程' }).click();
  await expect(page.locator('.step-list li.done')).toHaveCount(1);
  await page.getByLabel('language').selectOption('en');
  await expect(page.getByRole('button', { name: 'pause' })).toBeVisible();
  await expect(page.locator('.lesson-text')).toContainText('Your cluster has three members');
});

test("starting a lesson sets the learner's own session aside and offers it for export", async ({ page }) => {
  const t1 = new TerminalPage(page);
  await t1.open();
  await t1.run('etcdctl put mine yes', /OK/);
  await page.getByRole('tab', { name: 'lessons' }).click();
  await page.getByRole('button', { name: 'start lesson keys' }).click();
  await expect(page.getByRole('alert')).toContainText('your session until now was set aside');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'export the session' }).click();
  const path = test.info().outputPath('set-aside.json');
  await (await download).saveAs(path);
  const file = JSON.parse(readFileSync(path, 'utf8')) as { inputs: unknown[] };
  expect(JSON.stringify(file.inputs)).toContain('etcdctl put mine yes');
});
