import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export type QualifyingAnswers = {
  need: 'Yes' | 'No';
  authority: string;
  budget: string;
  timeline: string;
  seats: string;
  buyingStage: string;
  industry: string;
  companySize: string;
  region: string;
  role: string;
};

export class QualifyPage {
  constructor(readonly page: Page) {}

  async answer(answers: QualifyingAnswers): Promise<void> {
    const page = this.page;
    await expect(page.getByRole('heading', { name: /^Qualify / })).toBeVisible();
    await page
      .getByRole('radiogroup', { name: 'Do they have a problem our product solves?' })
      .getByLabel(answers.need)
      .check();
    await page
      .getByRole('radiogroup', { name: 'Are they involved in the buying decision?' })
      .getByLabel(answers.authority)
      .check();
    await page.getByRole('radiogroup', { name: 'Is there a budget?' }).getByLabel(answers.budget).check();
    await page
      .getByRole('radiogroup', { name: 'When do they plan to buy?' })
      .getByLabel(answers.timeline)
      .check();
    await page.getByLabel('How many people would use it?').fill(answers.seats);
    await page.getByLabel('Buying stage').selectOption({ label: answers.buyingStage });
    await page.getByLabel('Industry').selectOption({ label: answers.industry });
    await page.getByLabel('Company size').selectOption({ label: answers.companySize });
    await page.getByLabel('Region').selectOption({ label: answers.region });
    await page.getByLabel('Role').selectOption({ label: answers.role });
  }

  get grade() {
    return this.page.getByTestId('grade');
  }

  get status() {
    return this.page.getByLabel('Status', { exact: true });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save qualification' }).click();
  }
}
