import type { Page } from '@playwright/test';

export class LeadsPage {
  constructor(readonly page: Page) {}

  get search() {
    return this.page.getByRole('searchbox', { name: 'Search leads' });
  }

  get rows() {
    return this.page.getByRole('list', { name: 'Leads' }).getByRole('listitem');
  }

  get count() {
    return this.page.getByTestId('lead-count');
  }

  async open(name: string): Promise<void> {
    await this.rows.filter({ hasText: name }).getByRole('link').click();
  }
}
