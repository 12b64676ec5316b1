import { expect } from '@playwright/test';
import type { Download, Page } from '@playwright/test';

export type DemoBooking = {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** As the duration list shows it, e.g. "45 min" or "1 h 30 min". */
  duration: string;
  place: string;
  link?: string;
  notes?: string;
};

/** The "Appointments" panel on a lead page: seminar invites and demos of that lead. */
export class LeadAppointmentsPanel {
  constructor(readonly page: Page) {}

  get panel() {
    return this.page.getByRole('region', { name: 'Appointments' });
  }

  get invites() {
    return this.panel.getByRole('list', { name: 'Seminar invites' }).getByRole('listitem');
  }

  get demos() {
    return this.panel.getByRole('list', { name: 'Demos' }).getByRole('listitem');
  }

  async inviteTo(seminarTitle: string): Promise<void> {
    await this.panel.getByRole('button', { name: 'Invite to seminar' }).click();
    const form = this.panel.getByRole('form', { name: 'Invite to seminar' });
    const select = form.getByLabel('Seminar');
    const value = await select
      .getByRole('option', { name: new RegExp(`^${seminarTitle}`) })
      .getAttribute('value');
    await select.selectOption(value ?? '');
    await form.getByRole('button', { name: 'Invite', exact: true }).click();
    await expect(form).toBeHidden();
  }

  async bookDemo(demo: DemoBooking): Promise<void> {
    await this.panel.getByRole('button', { name: 'Book demo' }).click();
    const form = this.panel.getByRole('form', { name: 'Book a demo' });
    await form.getByLabel('Date').fill(demo.date);
    await form.getByLabel('Time').fill(demo.time);
    await form.getByLabel('Duration').selectOption({ label: demo.duration });
    await form.getByLabel('Place').fill(demo.place);
    await form.getByLabel('Meeting link').fill(demo.link ?? '');
    await form.getByLabel('Notes').fill(demo.notes ?? '');
    await form.getByRole('button', { name: 'Book demo' }).click();
    await expect(form).toBeHidden();
  }

  /** Clicks "Export .ics" on the first demo and returns the download (the web build's save dialog). */
  async exportFirstDemo(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.demos.first().getByRole('button', { name: 'Export .ics' }).click(),
    ]);
    return download;
  }
}
