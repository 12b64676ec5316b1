import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { CapturePage } from './pages/CapturePage';
import type { Visitor } from './pages/CapturePage';
import { LeadsPage } from './pages/LeadsPage';
import { LeadWorkPage } from './pages/LeadWorkPage';
import { QualifyPage } from './pages/QualifyPage';
import { TodayPage } from './pages/TodayPage';

// The rep works in Berlin; the clock starts on Monday 16 November 2026, 09:00 there.
test.use({ timezoneId: 'Europe/Berlin' });
const mondayMorning = new Date('2026-11-16T08:00:00Z');

const visitor = (firstName: string, lastName: string, company: string): Visitor => ({
  firstName,
  lastName,
  company,
  jobTitle: 'Head of Operations',
  email: `${firstName.toLowerCase()}@${lastName.toLowerCase()}.example`,
  phone: '+49 30 555 0100',
});

const greta = visitor('Greta', 'Hofmann', 'Hofmann Antriebe');
const jan = visitor('Jan', 'Vogt', 'Vogt Fördertechnik');
const lena = visitor('Lena', 'Brandt', 'Brandt Logistik');
const paul = visitor('Paul', 'Keller', 'Keller Maschinenbau');

/** Qualifies a captured visitor: keen answers; the buying stage decides hot (Buying) or warm (Acceptance). */
const qualify = async (page: Page, who: Visitor, buyingStage: 'Buying' | 'Acceptance') => {
  const leads = new LeadsPage(page);
  const name = `${who.firstName} ${who.lastName}`;
  await new AppShell(page).navigate('Leads');
  await leads.search.fill(who.lastName);
  await expect(leads.rows).toHaveCount(1);
  await leads.open(name);
  await page.getByRole('link', { name: 'Qualify' }).click();
  const form = new QualifyPage(page);
  await form.answer({
    need: 'Yes',
    authority: 'Decides',
    budget: 'Approved',
    timeline: 'Within 3 months',
    seats: '60',
    buyingStage,
    industry: 'Manufacturing',
    companySize: '50-249 employees',
    region: 'In our territory',
    role: 'Executive / owner',
  });
  await expect(form.status).toHaveValue('lead');
  await form.save();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
};

test('a rep works the follow-up queue offline: calls, stages, lost and nurture survive a reload', async ({
  page,
  context,
}) => {
  await page.clock.install({ time: mondayMorning });
  const app = new AppShell(page);
  const capture = new CapturePage(page);
  const today = new TodayPage(page);
  const work = new LeadWorkPage(page);

  await app.openOnThisDeviceOnly();
  await app.waitUntilAvailableOffline();
  await app.goOffline(context);

  // Monday at the show: four visitors, qualified into sales (hot Greta: 24 h; the warm ones: 3 business days).
  await capture.createEvent('Hannover Messe 2026');
  await capture.firstName.focus();
  for (const who of [greta, jan, lena, paul]) {
    await capture.typeVisitor(who);
    await expect(app.toast(`Saved ${who.firstName} ${who.lastName}`)).toBeVisible();
  }
  await qualify(page, greta, 'Buying');
  for (const who of [jan, lena, paul]) await qualify(page, who, 'Acceptance');

  // Paul is called on Monday already and asks to be called back tomorrow.
  await work.kind('Call').check();
  await work.outcome.selectOption({ label: 'Asked to call back' });
  await work.quickDate('Tomorrow').click();
  await work.summary.fill('Busy at the show, call tomorrow');
  await work.summary.press('Enter');
  await expect(app.toast(/^Call logged · next follow-up/)).toBeVisible();

  // Tuesday 11:00: Greta's 24 hours have passed.
  await page.clock.fastForward('26:00:00');
  await today.open();
  await expect(today.row('Overdue', 'Greta Hofmann')).toContainText('2 h overdue');
  await expect(today.row('Overdue', 'Greta Hofmann')).toContainText('Follow-up deadline');
  await expect(today.row('Overdue', 'Greta Hofmann')).toContainText('No activity yet');
  await expect(today.row('Due today', 'Paul Keller')).toContainText('Asked to call back');
  for (const name of ['Jan Vogt', 'Lena Brandt'])
    await expect(today.row('Upcoming', name)).toContainText(/due in 4[56] h/);
  await expect(today.summary).toContainText('1 overdue · 1 due today · 2 upcoming');
  await page.mouse.move(0, 0);
  await app.screenshot('queue');

  // One key opens the most overdue lead, focused on logging: a call in a few keystrokes.
  await today.openNextWithKey('n');
  await expect(page.getByRole('heading', { name: 'Greta Hofmann', exact: true })).toBeVisible();
  await expect(work.kind('Call')).toBeFocused();
  await page.keyboard.press('e');
  await expect(work.kind('Email')).toBeChecked();
  await page.keyboard.press('c');
  await expect(work.kind('Call')).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Choose how the call went.')).toBeVisible();
  await work.outcome.selectOption({ label: 'Meeting booked' });
  await work.summary.fill('Wants a demo for the plant managers');
  await work.insight('Needs').check();
  await work.nextFollowUp.fill('2026-11-12');
  await work.summary.press('Enter');
  await expect(page.getByText('The next follow-up cannot be in the past.')).toBeVisible();
  await work.quickDate('In 3 days').click();
  await work.summary.press('Enter');
  await expect(app.toast(/^Call logged · next follow-up Fri\b.*\b20\b/)).toBeVisible();
  await expect(work.timeline.getByRole('listitem').first()).toContainText('Meeting booked');
  await expect(work.timeline).toContainText('Wants a demo for the plant managers');
  await expect(work.timeline).toContainText('Status: Inquiry → Lead (hot)');

  // The stage asks for value and close month.
  await work.moveToStage('Proposal');
  await expect(page.getByText('Proposal needs the deal value.')).toBeVisible();
  await work.moveToStage('Proposal', { value: '42000', closeMonth: '2026-12' });
  await expect(app.toast('Moved to Proposal')).toBeVisible();
  await expect(work.currentStage).toContainText('Proposal');
  await expect(work.timeline.getByRole('listitem').first()).toContainText(
    'Stage: Qualified → Proposal · value 42,000 · close 2026-12',
  );
  await page.clock.fastForward('00:00:06'); // let the confirmations fade before the picture
  await app.screenshot('timeline');

  // Jan is lost: only with a reason agreed for the stage he leaves.
  await today.open();
  await expect(today.section('Overdue')).toHaveCount(0);
  await expect(today.row('Upcoming', 'Greta Hofmann')).toContainText('Planned follow-up');
  await today.openLead('Upcoming', 'Jan Vogt');
  await work.moveToStage('Lost');
  await expect(page.getByText('Choose why it was lost.')).toBeVisible();
  await expect(page.getByLabel('Lost reason').locator('option')).toHaveText([
    'Why was it lost?',
    'No budget',
    'No real need',
    'Could not reach',
  ]);
  await work.moveToStage('Lost', { reason: 'No budget', comment: 'Frozen until Q3' });
  await expect(app.toast('Marked lost: No budget')).toBeVisible();
  await expect(work.lostReason).toHaveText('Lost: No budget · “Frozen until Q3”');

  // Lena is not ready: nurture with an owner and a date to look again.
  await today.open();
  await expect(today.page.getByText('Jan Vogt')).toHaveCount(0);
  await today.openLead('Upcoming', 'Lena Brandt');
  await work.moveToNurture('Budget only next year');
  await expect(work.statusBadge).toHaveText('Nurture');
  await expect(page.getByRole('heading', { name: 'Nurture', exact: true })).toBeVisible();

  // Reload with the network still off: everything is still there.
  await page.reload();
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Working offline');
  await today.open();
  await expect(today.row('Upcoming', 'Greta Hofmann')).toContainText('Stage: Qualified → Proposal');
  await expect(today.row('Upcoming', 'Lena Brandt')).toContainText('Nurture revisit');
  await expect(page.getByRole('listitem').filter({ hasText: 'Paul Keller' })).toHaveCount(1);
  await expect(page.getByText('Jan Vogt')).toHaveCount(0);
  await today.openLead('Upcoming', 'Greta Hofmann');
  await expect(work.currentStage).toContainText('Proposal');
  await expect(work.timeline).toContainText('Meeting booked');
  await expect(work.timeline).toContainText('Needs');
  await expect(work.timeline).toContainText('Stage: Qualified → Proposal');

  const leads = new LeadsPage(page);
  await app.navigate('Leads');
  await leads.search.fill('vogt');
  await leads.open('Jan Vogt');
  await expect(work.currentStage).toContainText('Lost');
  await expect(work.lostReason).toContainText('No budget');
  await expect(work.timeline).toContainText('Stage: Qualified → Lost · No budget');

  // Lena's buying stage advances: she comes back to sales, hot, with a new deadline.
  await app.navigate('Leads');
  await leads.search.fill('brandt');
  await leads.open('Lena Brandt');
  await expect(work.statusBadge).toHaveText('Nurture');
  await page.getByLabel("Customer's buying stage now").selectOption({ label: 'Specifying' });
  await expect(page.getByText('Ready for sales again as a hot lead.')).toBeVisible();
  await page.getByRole('button', { name: 'Back in sales' }).click();
  await expect(app.toast('Back in sales: Lead (hot)')).toBeVisible();
  await expect(work.statusBadge).toHaveText('Lead');
  await expect(work.timeline).toContainText('Status: Nurture → Lead (hot)');
});

/** Served by the real sync server started in playwright.config.ts (fresh database, demo team North). */
const teamServer = 'http://127.0.0.1:4318';

const signedIn = async (browser: Browser, email: string) => {
  const context = await browser.newContext({ baseURL: teamServer, viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  const app = new AppShell(page);
  await app.signIn(email);
  return { context, page, app, today: new TodayPage(page) };
};

const settled = async (page: Page) => {
  await expect(page.getByTestId('pending-changes')).toHaveText('No pending changes', { timeout: 30_000 });
};

test('a manager reassigns a lead and it moves to the new rep’s queue through sync', async ({ browser }) => {
  // Everyone signs in before the lead exists: AppShell.signIn waits for a heading matching "Capture", which
  // would also match the "Recently captured" panel of a store that already holds leads.
  const rita = await signedIn(browser, 'rita@demo.fairlead.app');
  const maria = await signedIn(browser, 'maria@demo.fairlead.app');
  const ravi = await signedIn(browser, 'ravi@demo.fairlead.app');
  const kurt = visitor('Kurt', 'Sommer', 'Sommer Hydraulik');
  await rita.page.getByLabel('Campaign / event').selectOption({ label: 'Hannover Messe 2026' });
  const capture = new CapturePage(rita.page);
  await capture.firstName.focus();
  await capture.typeVisitor(kurt);
  await expect(rita.app.toast('Saved Kurt Sommer')).toBeVisible();
  await qualify(rita.page, kurt, 'Buying');
  await settled(rita.page);
  // The campaign promises a follow-up within 5 business days, whatever the grade.
  await rita.today.open();
  await expect(rita.today.row('Upcoming', 'Kurt Sommer')).toContainText(/due in [4-7] days/);

  const leads = new LeadsPage(maria.page);
  await maria.app.navigate('Leads');
  await leads.search.fill('sommer');
  await expect(leads.rows).toHaveCount(1, { timeout: 15_000 });
  await leads.open('Kurt Sommer');
  await maria.page.getByLabel('Owned by').selectOption({ label: 'Ravi Menon' });
  await maria.page.getByRole('button', { name: 'Reassign' }).click();
  await expect(maria.app.toast('Reassigned to Ravi Menon')).toBeVisible();
  await settled(maria.page);

  await ravi.today.open();
  await expect(ravi.page.getByRole('listitem').filter({ hasText: 'Kurt Sommer' })).toHaveCount(1, {
    timeout: 20_000,
  });
  await expect(rita.page.getByRole('listitem').filter({ hasText: 'Kurt Sommer' })).toHaveCount(0, {
    timeout: 20_000,
  });

  for (const device of [rita, maria, ravi]) await device.context.close();
});
