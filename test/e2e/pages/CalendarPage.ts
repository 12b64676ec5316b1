import { expect } from '@playwright/test';
import type { Download, Page } from '@playwright/test';

/** The day/week calendar of the user's demos and the team's seminars. */
export class CalendarPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await expect(this.page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();
  }

  get period() {
    return this.page.getByTestId('calendar-period');
  }

  get grid() {
    return this.page.getByRole('region', { name: 'Calendar' });
  }

  event(name: string | RegExp) {
    return this.grid.getByRole('button', { name });
  }

  get details() {
    return this.page.getByRole('complementary', { name: 'Appointment details' });
  }

  /** Presses a calendar shortcut with nothing focused, as a user would after clicking the page. */
  async press(key: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(key);
  }

  async exportVisible(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: /^Export (week|day) \(\.ics\)$/ }).click(),
    ]);
    return download;
  }
}
