import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export type Visitor = {
  firstName: string;
  lastName: string;
  company: string;
  jobTitle: string;
  email: string;
  phone: string;
  notes?: string;
};

export class CapturePage {
  constructor(readonly page: Page) {}

  get firstName() {
    return this.page.getByLabel('First name');
  }

  get duplicateWarning() {
    return this.page.getByRole('alertdialog', { name: 'Possible duplicate' });
  }

  async createEvent(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New event…' }).click();
    await this.page.getByLabel('Event name').fill(name);
    await this.page.getByRole('button', { name: 'Create event' }).click();
    await expect(this.page.getByLabel('Campaign / event')).toHaveValue(/.+/);
  }

  /** Types a visitor with the keyboard only: fields in tab order, Enter saves. */
  async typeVisitor(visitor: Visitor): Promise<void> {
    await expect(this.firstName).toBeFocused();
    const keyboard = this.page.keyboard;
    for (const value of [
      visitor.firstName,
      visitor.lastName,
      visitor.company,
      visitor.jobTitle,
      visitor.email,
      visitor.phone,
    ]) {
      await keyboard.type(value);
      await keyboard.press('Tab');
    }
    await keyboard.type(visitor.notes ?? '');
    await keyboard.press('Enter');
  }
}
