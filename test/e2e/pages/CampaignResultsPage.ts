import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** One campaign's results page (#/campaigns/:id). */
export class CampaignResultsPage {
  constructor(readonly page: Page) {}

  async expectOpen(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
    // Figures are computed in pages; wait until the last page is counted.
    await expect(this.page.getByRole('status', { name: 'Computing figures' })).toHaveCount(0);
  }

  /** A headline figure (Cost, Cost per relevant lead, ROI, ...): its name, value and note. */
  figure(name: string) {
    return this.page.getByRole('group', { name, exact: true });
  }

  target(label: string) {
    return this.page
      .getByRole('list', { name: 'Targets' })
      .getByRole('listitem', { name: label, exact: true });
  }

  funnel(step: 'Inquiries' | 'Relevant leads' | 'Opportunities' | 'Won') {
    return this.page
      .getByRole('list', { name: 'Inquiry funnel' })
      .getByRole('listitem', { name: step, exact: true });
  }

  get editButton() {
    return this.page.getByRole('button', { name: 'Edit campaign' });
  }
}
