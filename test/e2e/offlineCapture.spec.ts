import { expect, test } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { CapturePage } from './pages/CapturePage';
import type { Visitor } from './pages/CapturePage';
import { LeadsPage } from './pages/LeadsPage';
import { QualifyPage } from './pages/QualifyPage';

const surnames = [
  'Adler',
  'Brandt',
  'Conrad',
  'Dietrich',
  'Ebert',
  'Frank',
  'Graf',
  'Hartmann',
  'Imhof',
  'Jung',
  'Keller',
  'Lorenz',
  'Mayer',
  'Neumann',
  'Otto',
  'Pohl',
  'Quast',
  'Roth',
  'Sauer',
  'Thiel',
];
const visitors: Visitor[] = surnames.map((surname, i) => ({
  firstName: `Visitor${i + 1}`,
  lastName: surname,
  company: `${surname} Maschinenbau ${i + 1}`,
  jobTitle: i % 2 === 0 ? 'Plant Manager' : 'Buyer',
  email: `${surname.toLowerCase()}@example.com`,
  phone: `+49 30 5550${String(i).padStart(2, '0')}`,
  notes: i === 0 ? 'Met at booth B12' : '',
}));

test('a rep captures and qualifies leads at a booth with no network, and nothing is lost on reload', async ({
  page,
  context,
}) => {
  const app = new AppShell(page);
  const capture = new CapturePage(page);
  const qualify = new QualifyPage(page);
  const leads = new LeadsPage(page);

  await app.openOnThisDeviceOnly();
  await app.waitUntilAvailableOffline();
  await app.goOffline(context);

  await capture.createEvent('Hannover Messe 2026');
  await capture.firstName.focus();
  for (const visitor of visitors) {
    await capture.typeVisitor(visitor);
    await expect(app.toast(`Saved ${visitor.firstName} ${visitor.lastName}`)).toBeVisible();
    await expect(capture.firstName).toBeFocused();
    await expect(capture.firstName).toHaveValue('');
  }
  // The event stays selected between captures.
  await expect(page.getByLabel('Campaign / event')).toHaveValue(/.+/);
  await app.screenshot('capture');

  // A visitor whose email is already in the data is flagged before saving.
  await capture.typeVisitor({
    ...visitors[3]!,
    firstName: 'Someone',
    lastName: 'Else',
    company: 'Other GmbH',
  });
  await expect(capture.duplicateWarning).toBeVisible();
  await expect(capture.duplicateWarning).toContainText('Visitor4 Dietrich');
  await expect(capture.duplicateWarning).toContainText('same email');
  await page.keyboard.press('Escape');
  await expect(capture.duplicateWarning).toBeHidden();

  // Qualify one to hot.
  await app.navigate('Leads');
  await expect(leads.count).toHaveText('20 leads');
  await leads.search.fill('Keller Masch');
  await expect(leads.rows).toHaveCount(1);
  await leads.open('Visitor11 Keller');
  await page.getByRole('link', { name: 'Qualify' }).click();
  await qualify.answer({
    need: 'Yes',
    authority: 'Decides',
    budget: 'Approved',
    timeline: 'Within 3 months',
    seats: '60',
    buyingStage: 'Buying',
    industry: 'Manufacturing',
    companySize: '50-249 employees',
    region: 'In our territory',
    role: 'Executive / owner',
  });
  await expect(qualify.grade).toHaveText('Hot');
  await expect(page.getByTestId('fit-score')).toContainText('100');
  await expect(qualify.status).toHaveValue('lead');
  await app.screenshot('qualify');
  await qualify.save();
  await expect(page.getByRole('heading', { name: 'Visitor11 Keller' })).toBeVisible();
  await expect(page.locator('.screen-header').getByText('Hot')).toBeVisible();

  // Qualify another to future: keen, but still at awareness, so it goes to nurture with a revisit date.
  await app.navigate('Leads');
  await leads.search.fill('pohl masch');
  await expect(leads.rows).toHaveCount(1);
  await leads.open('Visitor16 Pohl');
  await page.getByRole('link', { name: 'Qualify' }).click();
  await qualify.answer({
    need: 'Yes',
    authority: 'Influences',
    budget: 'Planned',
    timeline: 'Later than a year',
    seats: '12',
    buyingStage: 'Awareness',
    industry: 'Logistics',
    companySize: '10-49 employees',
    region: 'Neighbouring region',
    role: 'Specialist / engineer',
  });
  await expect(qualify.grade).toHaveText('Future');
  await expect(qualify.status).toHaveValue('nurture');
  await expect(page.getByLabel('Revisit on')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await qualify.save();
  await expect(page.getByRole('heading', { name: 'Visitor16 Pohl' })).toBeVisible();
  await expect(page.getByTestId('revisit-at')).toBeVisible();
  const revisit = await page.getByTestId('revisit-at').textContent();

  // Find a lead by part of its company.
  await app.navigate('Leads');
  await leads.search.fill('');
  await expect(leads.rows.first()).toBeVisible();
  await app.screenshot('leads');
  await leads.search.fill('roth masch');
  await expect(leads.rows).toHaveCount(1);
  await expect(leads.rows.first()).toContainText('Visitor18 Roth');

  // Reload with the network still off: everything is still there.
  await page.reload();
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Working offline');
  await app.navigate('Leads');
  await leads.search.fill('');
  await expect(leads.count).toHaveText('20 leads');
  await page.getByLabel('Status').selectOption('lead');
  await expect(leads.rows).toHaveCount(1);
  await leads.open('Visitor11 Keller');
  const answers = page.getByRole('list', { name: 'Answers' });
  await expect(answers).toContainText('Decides');
  await expect(answers).toContainText('Within 3 months');
  await expect(page.getByRole('list', { name: 'Status history' })).toContainText('Inquiry → Lead (hot)');

  await app.navigate('Leads');
  await page.getByLabel('Status').selectOption('nurture');
  await leads.open('Visitor16 Pohl');
  await expect(page.getByTestId('revisit-at')).toHaveText(revisit ?? '');
  await expect(page.getByRole('list', { name: 'Answers' })).toContainText('Later than a year');
  await expect(page.getByLabel('Notes')).toHaveValue('');
  await app.navigate('Leads');
  await page.getByLabel('Status').selectOption('');
  await leads.search.fill('adler');
  await leads.open('Visitor1 Adler');
  await expect(page.getByLabel('Notes')).toHaveValue('Met at booth B12');
});
