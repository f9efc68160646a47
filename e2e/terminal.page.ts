// Page object for the playground's terminal.
import { expect, type Page } from '@playwright/test';

export class TerminalPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByText('etcd Playground: a simulated etcd 3.4 member')).toBeVisible();
  }

  /** Type a command and wait until its output has appeared. */
  async run(line: string, expectOutput: string | RegExp): Promise<void> {
    const input = this.page.getByLabel('command line');
    await input.fill(line);
    await input.press('Enter');
    await expect(this.page.locator('#screen')).toContainText(expectOutput);
  }
}
