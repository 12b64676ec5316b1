import { expect } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';

/** The app as a user meets it: navigation, connection indicator, confirmations. */
export class AppShell {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Capture' })).toBeVisible();
  }

  /** Waits until the service worker controls the page, so a reload works with the network off. */
  async waitUntilAvailableOffline(): Promise<void> {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise<void>((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
        );
      }
    });
  }

  async goOffline(context: BrowserContext): Promise<void> {
    await context.setOffline(true);
    await expect(this.page.getByRole('status', { name: 'Connection' })).toContainText('Working offline');
  }

  async navigate(name: 'Capture' | 'Leads' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  }

  toast(text: string | RegExp) {
    return this.page.locator('.toaster').getByText(text);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  }
}
