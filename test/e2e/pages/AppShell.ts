import { expect } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';

/** The app as a user meets it: navigation, connection indicator, confirmations. */
export class AppShell {
  constructor(readonly page: Page) {}

  /** First launch without an account: the rep works on this device only. */
  async openOnThisDeviceOnly(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('button', { name: 'Use on this device only' }).click();
    await expect(this.page.getByRole('heading', { name: 'Capture', exact: true })).toBeVisible();
  }

  async signIn(email: string, password = 'fairlead-demo'): Promise<void> {
    await this.page.goto('/');
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.page.getByRole('heading', { name: 'Capture', exact: true })).toBeVisible();
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

  async navigate(name: 'Today' | 'Capture' | 'Leads' | 'Calendar' | 'Seminars' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  }

  toast(text: string | RegExp) {
    return this.page.locator('.toaster').getByText(text);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  }
}
