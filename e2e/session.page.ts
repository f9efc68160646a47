// Page object for the session controls in the top bar: reset, export, import, share link.
import type { Download, Page } from '@playwright/test';

export class SessionPage {
  constructor(readonly page: Page) {}

  private get controls() {
    return this.page.getByRole('group', { name: 'session' });
  }

  async exportTo(path: string): Promise<void> {
    const download: Promise<Download> = this.page.waitForEvent('download');
    await this.controls.getByRole('button', { name: 'export' }).click();
    await (await download).saveAs(path);
  }

  async reset(): Promise<void> {
    await this.controls.getByRole('button', { name: 'reset' }).click();
  }

  async importFrom(path: string): Promise<void> {
    await this.page.getByLabel('session file').setInputFiles(path);
  }

  async shareLink(): Promise<string> {
    await this.controls.getByRole('button', { name: 'share link' }).click();
    return this.page.getByRole('dialog', { name: 'share link' }).getByLabel('link').inputValue();
  }
}
