import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { CapturePage } from './pages/CapturePage';
import { LeadsPage } from './pages/LeadsPage';
import { QualifyPage } from './pages/QualifyPage';

/** Served by the real sync server started in playwright.config.ts (fresh PGlite database, demo team). */
const teamServer = 'http://127.0.0.1:4318';

const deviceFor = async (browser: Browser) => {
  const context = await browser.newContext({ baseURL: teamServer, viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  return { context, page, app: new AppShell(page) };
};

const syncStatus = (page: Page) => page.getByRole('status', { name: 'Sync status' });

test('a rep captures offline, reconnects, and the manager sees the leads live without reloading', async ({
  browser,
}) => {
  const manager = await deviceFor(browser);
  const rep = await deviceFor(browser);

  await manager.app.signIn('maria@demo.fairlead.app');
  await rep.app.signIn('rita@demo.fairlead.app');
  await expect(syncStatus(rep.page)).toContainText('Synced');
  await rep.app.waitUntilAvailableOffline();

  const managerLeads = new LeadsPage(manager.page);
  await manager.app.navigate('Leads');
  await expect(managerLeads.count).toHaveText(/^\d+ leads?$/);

  // On the road: no network.
  await rep.context.setOffline(true);
  await expect(syncStatus(rep.page)).toContainText('Working offline');
  const capture = new CapturePage(rep.page);
  await rep.page.getByLabel('Campaign / event').selectOption({ label: 'Hannover Messe 2026' });
  await capture.firstName.focus();
  const visitors = [
    {
      firstName: 'Greta',
      lastName: 'Hofmann',
      company: 'Hofmann Antriebe',
      jobTitle: 'CTO',
      email: 'greta@hofmann.example',
      phone: '+49 40 1234',
    },
    {
      firstName: 'Jan',
      lastName: 'Vogt',
      company: 'Vogt Fördertechnik',
      jobTitle: 'Buyer',
      email: 'jan@vogt.example',
      phone: '+49 40 5678',
    },
  ];
  for (const visitor of visitors) {
    await capture.typeVisitor(visitor);
    await expect(rep.app.toast(`Saved ${visitor.firstName} ${visitor.lastName}`)).toBeVisible();
  }
  const repLeads = new LeadsPage(rep.page);
  await rep.app.navigate('Leads');
  await repLeads.search.fill('hofmann');
  await expect(repLeads.rows).toHaveCount(1);
  await repLeads.open('Greta Hofmann');
  await rep.page.getByRole('link', { name: 'Qualify' }).click();
  const qualify = new QualifyPage(rep.page);
  await qualify.answer({
    need: 'Yes',
    authority: 'Decides',
    budget: 'Approved',
    timeline: 'Within 3 months',
    seats: '40',
    buyingStage: 'Specifying',
    industry: 'Manufacturing',
    companySize: '250-999 employees',
    region: 'In our territory',
    role: 'Executive / owner',
  });
  await expect(qualify.grade).toHaveText('Hot');
  await qualify.save();
  await expect(rep.page.getByRole('heading', { name: 'Greta Hofmann' })).toBeVisible();
  await expect(rep.page.getByTestId('pending-changes')).toHaveText(/^\d+ changes? pending$/);
  await rep.app.screenshot('sync-pending');

  // Nothing has reached the office yet.
  await managerLeads.search.fill('hofmann');
  await expect(managerLeads.rows).toHaveCount(0);

  // Back online: the changes go out, and the manager's open list updates by itself.
  await rep.context.setOffline(false);
  await expect(rep.page.getByTestId('pending-changes')).toHaveText('No pending changes', { timeout: 30_000 });
  await expect(syncStatus(rep.page)).toContainText('Synced');
  await expect(managerLeads.rows).toHaveCount(1, { timeout: 15_000 });
  await expect(managerLeads.rows.first()).toContainText('Greta Hofmann');
  await expect(managerLeads.rows.first()).toContainText('Hot');
  await managerLeads.search.fill('vogt');
  await expect(managerLeads.rows).toHaveCount(1);
  await expect(managerLeads.rows.first()).toContainText('Jan Vogt');
  await manager.app.screenshot('sync-manager');

  await manager.context.close();
  await rep.context.close();
});
