import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** The pipeline review (#/pipeline). */
export class PipelinePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.evaluate(() => {
      window.location.hash = '#/pipeline';
    });
    await expect(this.page.getByRole('heading', { name: 'Pipeline review', exact: true })).toBeVisible();
  }

  get summary() {
    return this.page.getByTestId('pipeline-summary');
  }

  get table() {
    return this.page.getByRole('table', { name: 'Pipeline by stage and rep' });
  }

  stageRow(stage: string) {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${stage}\\b`) }) });
  }

  get changes() {
    return this.page.getByRole('list', { name: 'Changes since the last review' });
  }

  list(name: 'Stalled leads' | 'Overdue follow-ups') {
    return this.page.getByRole('table', { name, exact: true });
  }

  async markReviewed(): Promise<void> {
    await this.page.getByRole('button', { name: 'Mark reviewed now' }).click();
  }
}
