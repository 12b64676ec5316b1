import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Import and export (#/import): the CSV import steps, the report, and the exports. */
export class ImportExportPage {
  constructor(readonly page: Page) {}

  /** Opens the screen in place (a hash change, no reload), whatever the navigation shows. */
  async open(): Promise<void> {
    await this.page.evaluate(() => {
      window.location.hash = '#/import';
    });
    await expect(this.page.getByRole('heading', { name: 'Import and export', exact: true })).toBeVisible();
  }

  async chooseFile(path: string): Promise<void> {
    await this.page.getByLabel('CSV file (web downloads, purchased lists)').setInputFiles(path);
    await expect(this.page.getByRole('heading', { name: /^Map the columns of / })).toBeVisible();
  }

  /** The column chosen for a lead field, by the header's name. */
  mappedColumn(field: string) {
    return this.page.locator('.mapping-grid').getByLabel(field, { exact: true });
  }

  async chooseCampaign(name: string): Promise<void> {
    await this.page.getByLabel('Import into campaign').selectOption({ label: name });
  }

  async checkRows(): Promise<void> {
    await this.page.getByRole('button', { name: 'Check rows' }).click();
    await expect(this.page.getByRole('heading', { name: 'Preview' })).toBeVisible();
  }

  get previewCounts() {
    return this.page.getByTestId('import-preview-counts');
  }

  get importButton() {
    return this.page.getByRole('button', { name: /^(Import [\d,.\s]+ leads? into|Nothing to import)/ });
  }

  get summary() {
    return this.page.getByTestId('import-summary');
  }

  /** The rejected rows of the report as [row, problem, field, value, reason]. */
  async rejectedRows(table = 'Rejected rows'): Promise<string[][]> {
    const rows = this.page.getByRole('table', { name: table }).locator('tbody tr');
    return rows.evaluateAll((elements) =>
      elements.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '')),
    );
  }

  async importAnotherFile(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import another file' }).click();
  }

  /** Clicks a button that saves a file and returns the downloaded file's name and text. */
  async download(button: string | RegExp): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button }).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }
}
