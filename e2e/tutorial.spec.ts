import { test } from '@playwright/test';
import { readCase } from './conformanceCase.ts';
import { TerminalPage } from './terminal.page.ts';

test("the tutorial's etcdctl section, typed into the terminal, answers as real etcd 3.4 did", async ({ page }) => {
  test.setTimeout(120_000);
  const t = new TerminalPage(page);
  await t.open();
  // The recorded answers come from a settled cluster; let this one settle too.
  await t.run('sleep 1', /\$ sleep 1\n\$/);
  const steps = readCase('test/conformance/cases/seed-etcdctl');
  let jobRunning = false;
  for (const step of steps) {
    if (step.command.endsWith('&')) jobRunning = true;
    if (step.command.startsWith('kill ')) jobRunning = false;
    if (step.command.endsWith('&') || step.command.startsWith('kill ') || step.command.startsWith('sleep ')) {
      // The background watches print as events arrive in a live terminal, not at `kill` as
      // in the recorder's buffered jobs: check their events below instead.
      await t.run(step.command, /\n\$\s*$/);
      continue;
    }
    await t.run(step.command, jobRunning ? step.loose : step.expected);
  }
  await t.waitFor(/PUT\nstock1\n1000/);
  await t.waitFor(/PUT\nstock1\n10\n/);
  await t.waitFor(/PUT\nstock2\n20/);
  await page.screenshot({ path: 'test-results/tutorial-etcdctl.png', fullPage: true });
});
