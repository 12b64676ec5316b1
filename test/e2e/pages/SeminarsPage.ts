import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export type NewSeminar = {
  title: string;
  venue: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  durationMinutes: number;
  capacity: number;
  description?: string;
};

/** The Seminars screen: the team's seminars with seats and waitlist; managers create them here. */
export class SeminarsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Seminars' }).click();
    await expect(this.page.getByRole('heading', { name: 'Seminars', level: 1 })).toBeVisible();
  }

  async create(seminar: NewSeminar): Promise<void> {
    await this.page.getByRole('button', { name: 'New seminar' }).click();
    const form = this.page.getByRole('form', { name: 'New seminar' });
    await form.getByLabel('Title').fill(seminar.title);
    await form.getByLabel('Venue').fill(seminar.venue);
    await form.getByLabel('Date').fill(seminar.date);
    await form.getByLabel('Starts at').fill(seminar.time);
    await form.getByLabel('Duration (minutes)').fill(String(seminar.durationMinutes));
    await form.getByLabel('Capacity (seats)').fill(String(seminar.capacity));
    await form.getByLabel('Description').fill(seminar.description ?? '');
    await form.getByRole('button', { name: 'Create seminar' }).click();
    await expect(form).toBeHidden();
  }

  card(title: string) {
    return this.page.getByRole('article', { name: title });
  }

  seats(title: string) {
    return this.card(title).getByTestId('seat-meter');
  }

  async showInvitees(title: string) {
    await this.card(title)
      .getByRole('button', { name: /^Invitees/ })
      .click();
    return this.page.getByRole('table', { name: `Invitees of ${title}` });
  }
}
