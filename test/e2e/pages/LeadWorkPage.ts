import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Working one lead on its page: log activity, timeline, sales stage, nurture, owner. */
export class LeadWorkPage {
  constructor(readonly page: Page) {}

  kind(label: 'Call' | 'Email' | 'Visit' | 'Note') {
    return this.page.getByRole('radiogroup', { name: 'Activity kind' }).getByRole('radio', { name: label });
  }

  get outcome() {
    return this.page.getByLabel('Outcome');
  }

  get summary() {
    return this.page.getByLabel('Summary');
  }

  get nextFollowUp() {
    return this.page.getByLabel('Next follow-up');
  }

  get timeline() {
    return this.page.getByRole('list', { name: 'Timeline' });
  }

  get statusBadge() {
    return this.page.locator('.screen-header .badge').first();
  }

  get currentStage() {
    return this.page.getByTestId('current-stage');
  }

  get lostReason() {
    return this.page.getByTestId('lost-reason');
  }

  insight(label: 'Needs' | 'Cares about' | 'Complains about' | 'Reacts to') {
    return this.page.getByRole('group', { name: 'Customer insight' }).getByLabel(label);
  }

  quickDate(label: 'Tomorrow' | 'In 3 days' | 'Next week') {
    return this.page.getByRole('group', { name: 'Quick dates' }).getByRole('button', { name: label });
  }

  /** Moves the lead to a stage; `fields` fills what the stage asks for. Does not check the outcome. */
  async moveToStage(
    stage: string,
    fields: { value?: string; closeMonth?: string; reason?: string; comment?: string } = {},
  ): Promise<void> {
    await this.page.getByLabel(/^(Move to|Reopen at)$/).selectOption({ label: stage });
    if (fields.value !== undefined) await this.page.getByLabel('Deal value').fill(fields.value);
    if (fields.closeMonth !== undefined)
      await this.page.getByLabel('Expected close month').fill(fields.closeMonth);
    if (fields.reason !== undefined)
      await this.page.getByLabel('Lost reason').selectOption({ label: fields.reason });
    if (fields.comment !== undefined) await this.page.getByLabel('Comment (optional)').fill(fields.comment);
    const form = this.page.getByRole('form', { name: 'Move to stage' });
    await form.getByRole('button', { name: /^(Move|Mark lost|Mark won)$/ }).click();
  }

  async moveToNurture(why: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Move to nurture…' }).click();
    const form = this.page.getByRole('form', { name: 'Move to nurture' });
    await expect(form.getByLabel('Look again on')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByLabel('Why (optional)').fill(why);
    await form.getByRole('button', { name: 'Move to nurture', exact: true }).click();
  }
}
