import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export type QueueSection = 'Overdue' | 'Due today' | 'Upcoming' | 'Nothing planned';

/** The follow-up queue (#/today). */
export class TodayPage {
  constructor(readonly page: Page) {}

  /** Opens the queue in place (a hash change, no reload), so it works offline whatever the navigation shows. */
  async open(): Promise<void> {
    await this.page.evaluate(() => {
      window.location.hash = '#/today';
    });
    await expect(this.page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  }

  section(name: QueueSection) {
    return this.page.getByRole('list', { name, exact: true });
  }

  row(section: QueueSection, name: string) {
    return this.section(section).getByRole('listitem').filter({ hasText: name });
  }

  get summary() {
    return this.page.getByTestId('queue-summary');
  }

  /** One key press: the most urgent lead opens. */
  async openNextWithKey(key: 'n' | 'Enter' = 'n'): Promise<void> {
    await this.page.locator('body').focus();
    await this.page.keyboard.press(key);
  }

  async openLead(section: QueueSection, name: string): Promise<void> {
    await this.row(section, name).getByRole('link').click();
    await expect(this.page.getByRole('heading', { name, exact: true })).toBeVisible();
  }
}
