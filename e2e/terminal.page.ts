// Page object for one of the playground's terminals (xterm.js, DOM renderer).
import { expect, type Locator, type Page } from '@playwright/test';

export class TerminalPage {
  readonly pane: Locator;

  constructor(
    readonly page: Page,
    readonly name = 'terminal 1',
  ) {
    this.pane = page.getByRole('region', { name });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.waitFor(/etcd Playground: a simulated etcd 3\.4 cluster/);
  }

  /** What the terminal holds (screen and scrollback), one line per line, without trailing blanks. */
  async text(): Promise<string> {
    // The hook arrives with the page's code; until then there is no terminal to read.
    const raw = await this.page.evaluate((title) => {
      const hook = (globalThis as unknown as { etcdPlayground?: { terminalText(t: string): string } }).etcdPlayground;
      return hook ? hook.terminalText(title) : '';
    }, this.name);
    return raw
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n');
  }

  async waitFor(expected: string | RegExp): Promise<void> {
    await expect
      .poll(() => this.text(), { timeout: 10_000 })
      .toMatch(typeof expected === 'string' ? new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : expected);
  }

  /** Type a command at the prompt and wait until its output has appeared and the prompt is back. */
  async run(line: string, expectOutput: string | RegExp): Promise<void> {
    await this.pane.locator('.xterm').click();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
    await this.waitFor(expectOutput);
    await this.waitFor(/\n\$\s*$/);
  }

  /** Start a command that keeps running (a watch), without waiting for output. */
  async start(line: string): Promise<void> {
    await this.pane.locator('.xterm').click();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }
}
