import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** The Playbook screen: the lead definition in force, its draft, the grade preview and publishing. */
export class PlaybookPage {
  constructor(readonly page: Page) {}

  /** Through the main navigation when it offers the screen, otherwise by its address (no reload). */
  async open(): Promise<void> {
    const link = this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playbook' });
    if ((await link.count()) > 0) await link.click();
    else await this.page.evaluate(() => (window.location.hash = '#/playbook'));
    await expect(this.page.getByRole('heading', { name: 'Playbook', level: 1 })).toBeVisible();
  }

  get inForce() {
    return this.page.getByTestId('playbook-in-force');
  }

  get draftState() {
    return this.page.getByTestId('draft-state');
  }

  /** Questions are numbered in their order on the screen, starting at 1. */
  question(position: number) {
    return this.page.getByRole('group', { name: `Question ${position}`, exact: true });
  }

  yesPoints(position: number) {
    return this.question(position).getByLabel('Points for “yes”');
  }

  get hotFromScore() {
    return this.page.getByLabel('Hot from score');
  }

  /** Call outcomes are numbered in their order on the screen, starting at 1. */
  callOutcome(position: number) {
    return this.page.getByLabel(`Call outcomes: outcome ${position}`, { exact: true });
  }

  async addCallOutcome(label: string): Promise<void> {
    await this.page.getByRole('button', { name: '+ Add outcome' }).click();
    // The new entry takes the focus, so the label can be typed straight away.
    await this.page.keyboard.type(label);
  }

  get preview() {
    return this.page.getByTestId('grade-preview');
  }

  get gradeChanges() {
    return this.page.getByRole('list', { name: 'Grade changes' });
  }

  get versions() {
    return this.page.getByRole('region', { name: 'Versions' }).getByRole('listitem');
  }

  publishButton(version: number) {
    return this.page.getByRole('button', { name: `Publish v${version}`, exact: true });
  }

  /** Publish, then confirm in the summary of changes; returns that summary's items as shown. */
  async publish(version: number): Promise<string[]> {
    await this.publishButton(version).click();
    const confirm = this.page.getByRole('group', {
      name: `Publish v${version} to every device of the team?`,
    });
    await expect(confirm).toBeVisible();
    const changes = await confirm.getByRole('listitem').allInnerTexts();
    await confirm.getByRole('button', { name: `Publish v${version} now` }).click();
    return changes;
  }
}
