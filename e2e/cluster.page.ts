// Page object for the cluster panel: member cards with their role and failure controls.
import { expect, type Locator, type Page } from '@playwright/test';

export class ClusterPage {
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'cluster' });
  }

  member(name: string): Locator {
    return this.panel.getByRole('article', { name });
  }

  /** The name of the member the panel shows as leader, once there is one. */
  async leader(): Promise<string> {
    const card = this.panel.locator('article[data-role="leader"]');
    await expect(card).toHaveCount(1, { timeout: 10_000 });
    return (await card.getAttribute('aria-label')) ?? '';
  }

  async control(action: string, member: string): Promise<void> {
    await this.panel.getByRole('button', { name: `${action} ${member}` }).click();
  }
}
