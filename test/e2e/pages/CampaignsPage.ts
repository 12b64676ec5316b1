import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export type NewCampaign = {
  name: string;
  type: string;
  /** YYYY-MM-DD */
  starts: string;
  ends: string;
  followUpDays: number;
  budget: number;
  costLines: { item: string; amount: number }[];
  targets: {
    relevantLeads: number;
    opportunities: number;
    opportunityValue: number;
    deals: number;
    dealValue: number;
  };
};

/** The campaign list (#/campaigns) and the campaign form. */
export class CampaignsPage {
  constructor(readonly page: Page) {}

  /** Opens the list in place (a hash change), whatever the navigation shows. */
  async open(): Promise<void> {
    await this.page.evaluate(() => {
      window.location.hash = '#/campaigns';
    });
    await expect(this.page.getByRole('heading', { name: 'Campaigns', level: 1 })).toBeVisible();
  }

  get newCampaignButton() {
    return this.page.getByRole('button', { name: 'New campaign' });
  }

  get table() {
    return this.page.getByRole('table', { name: 'Campaigns' });
  }

  row(name: string) {
    return this.table.getByRole('row').filter({ hasText: name });
  }

  /** Fills the form; `extraCostLine` is added and removed again to prove removing works. */
  async create(campaign: NewCampaign, { extraCostLine = false } = {}): Promise<void> {
    await this.newCampaignButton.click();
    const form = this.page.getByRole('form', { name: 'New campaign' });
    await form.getByLabel('Campaign name').fill(campaign.name);
    await form.getByLabel('Type').selectOption({ label: campaign.type });
    await form.getByLabel('Starts').fill(campaign.starts);
    await form.getByLabel('Ends').fill(campaign.ends);
    await form.getByLabel('Follow-up deadline (days)').fill(String(campaign.followUpDays));
    await form.getByLabel('Budget (plan)').fill(String(campaign.budget));
    const lines = extraCostLine
      ? [campaign.costLines[0], { item: 'Entered by mistake', amount: 999 }, ...campaign.costLines.slice(1)]
      : campaign.costLines;
    for (const [index, line] of lines.entries()) {
      if (!line) continue;
      await form.getByRole('button', { name: 'Add cost line' }).click();
      await form.getByLabel(`Cost item ${index + 1}`).fill(line.item);
      await form.getByLabel(`Amount ${index + 1}`).fill(String(line.amount));
    }
    if (extraCostLine) await form.getByRole('button', { name: 'Remove cost line 2' }).click();
    const total = campaign.costLines.reduce((sum, line) => sum + line.amount, 0);
    await expect(form.getByTestId('form-total-cost')).toHaveText(`Total ${total.toLocaleString('en-US')}`);
    const targets = campaign.targets;
    await form.getByLabel('Relevant leads').fill(String(targets.relevantLeads));
    await form.getByLabel('Qualified opportunities').fill(String(targets.opportunities));
    await form.getByLabel('Opportunity value').fill(String(targets.opportunityValue));
    await form.getByLabel('Closed deals').fill(String(targets.deals));
    await form.getByLabel('Closed deal value').fill(String(targets.dealValue));
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await expect(form).toBeHidden();
  }
}
