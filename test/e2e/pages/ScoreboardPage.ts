import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export type ScoreboardFigure = 'Leads assigned' | 'Followed up on time' | 'Converted' | 'Won' | 'Won value';

/** The scoreboard (#/scoreboard): weekly table per rep or campaign, and the leaderboard. */
export class ScoreboardPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.evaluate(() => {
      window.location.hash = '#/scoreboard';
    });
    await expect(this.page.getByRole('heading', { name: 'Scoreboard', level: 1 })).toBeVisible();
    await this.settled();
  }

  async settled(): Promise<void> {
    await expect(this.page.getByRole('status', { name: 'Computing figures' })).toHaveCount(0);
  }

  async show(option: 'Per rep' | 'Per campaign' | 'Weekly' | 'Leaderboard'): Promise<void> {
    // The radio itself is visually hidden inside its label, which is what people click.
    await this.page
      .locator('.scoreboard-toggle label')
      .filter({ hasText: new RegExp(`^${option}$`) })
      .click();
    await expect(this.page.getByRole('radio', { name: option, exact: true })).toBeChecked();
    await this.settled();
  }

  get weeklyTable() {
    return this.page.getByRole('table', { name: 'Weekly scoreboard' });
  }

  /** The cells of one figure row of a person or campaign: one per week shown, then the total. */
  cells(group: string, figure: ScoreboardFigure) {
    return this.weeklyTable
      .getByRole('rowgroup', { name: group, exact: true })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: figure, exact: true }) })
      .getByRole('cell');
  }

  /** The column of a week ("W47") in the weekly table, counted among the week and total columns. */
  async weekColumn(week: string): Promise<number> {
    const headers = await this.weeklyTable.getByRole('columnheader').allTextContents();
    // The first two headers are the group and the figure name.
    return headers.findIndex((text) => text.startsWith(week)) - 2;
  }

  get leaderboard() {
    return this.page.getByRole('table', { name: 'Leaderboard' });
  }

  leaderboardRow(name: string) {
    return this.leaderboard
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  totals(name: string) {
    return this.page.getByRole('group', { name, exact: true });
  }
}
