// Page object for the inspector beside the terminals: keyspace, watches, leases, event log.
import { expect, type Locator, type Page } from '@playwright/test';

export class InspectorPage {
  readonly aside: Locator;

  constructor(readonly page: Page) {
    this.aside = page.getByRole('complementary', { name: 'inspector' });
  }

  async show(tab: 'keyspace' | 'watches' | 'leases' | 'event log'): Promise<Locator> {
    await this.aside.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    return this.aside.getByRole('region', { name: tab });
  }

  /** The keyspace's rows as "key=value create mod version lease" lines, with the store's revision. */
  async keyspace(): Promise<string> {
    const panel = await this.show('keyspace');
    await expect(panel).toBeVisible();
    const rev = (await panel.getByRole('status', { name: 'revisions' }).textContent()) ?? '';
    const rows = await panel
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent).join(' ')));
    return [rev, ...rows].join('\n');
  }

  key(panel: Locator, key: string): Locator {
    return panel.getByRole('row', { name: `key ${key}` });
  }
}
