import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { AppShell } from './pages/AppShell';
import { CapturePage } from './pages/CapturePage';
import { ImportExportPage } from './pages/ImportExportPage';
import { LeadsPage } from './pages/LeadsPage';
import { LeadWorkPage } from './pages/LeadWorkPage';
import { PipelinePage } from './pages/PipelinePage';
import { QualifyPage } from './pages/QualifyPage';

// The office is in Berlin; the clock starts on Monday 16 November 2026, 09:00 there.
test.use({ timezoneId: 'Europe/Berlin' });
const mondayMorning = new Date('2026-11-16T08:00:00Z');

/** A web-download list: 11 rows, one blank line, 3 invalid rows, a repeat within the file and one known visitor. */
const inquiries = resolve('test/fixtures/inquiries.csv');
const campaign = 'Website downloads Q4';

const greta = {
  firstName: 'Greta',
  lastName: 'Hofmann',
  company: 'Hofmann Antriebe',
  jobTitle: 'Head of Operations',
  email: 'greta@hofmann.example',
  phone: '+49 30 555 0100',
};

/** The good rows of the file, as they must end up in the data. */
const imported = [
  [
    'Sophie',
    'Wagner',
    'Wagner Präzisionstechnik GmbH',
    'Head of Production',
    'sophie.wagner@wagner-praezision.example',
    '+49 711 555 0142',
    'Interested in a demo, please call after 15:00',
  ],
  [
    'Lukas',
    'Becker',
    'Becker & Söhne Maschinenbau',
    'Maintenance Lead',
    'l.becker@becker-soehne.example',
    '+49 89 555 0199',
    '',
  ],
  [
    'Claire',
    'Dubois',
    'Dubois Emballages SA',
    'Directrice technique',
    'claire.dubois@dubois-emballages.example',
    '+33 1 55 55 01 23',
    'Two plants:\nLyon and Rouen',
  ],
  [
    'Tom',
    'Hughes',
    'Hughes Fabrication Ltd',
    'Plant Manager',
    'tom.hughes@hughes-fab.example',
    '+44 121 555 0107',
    '',
  ],
  [
    'Ana',
    'García',
    'Industrias García SL',
    'Jefa de compras',
    'ana.garcia@industrias-garcia.example',
    '+34 91 555 0110',
    '',
  ],
  [
    'Emma',
    'Lindqvist',
    'Lindqvist Robotics AB',
    'CTO',
    'emma.lindqvist@lindqvist-robotics.example',
    '+46 8 555 012 34',
    'Evaluating three vendors',
  ],
];

const createWebCampaign = async (page: Page) => {
  await page.getByRole('button', { name: 'New event…' }).click();
  await page.getByLabel('Event name').fill(campaign);
  await page.getByLabel('Type').selectOption({ label: 'Web download' });
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page.getByLabel('Campaign / event')).toHaveValue(/.+/);
};

const importInquiries = async (io: ImportExportPage, expected: number) => {
  await io.open();
  await io.chooseFile(inquiries);
  await io.chooseCampaign(campaign);
  await io.checkRows();
  await io.importButton.click();
  await expect(io.summary).toContainText(`Imported ${expected} of 11 rows`);
};

test('marketing imports a web-download list: bad rows reported, good rows imported once, an export reads back', async ({
  page,
}) => {
  const app = new AppShell(page);
  const capture = new CapturePage(page);
  const io = new ImportExportPage(page);
  const leads = new LeadsPage(page);
  await app.openOnThisDeviceOnly();
  await createWebCampaign(page);
  // Greta was met at the booth before she downloaded the whitepaper.
  await capture.firstName.focus();
  await capture.typeVisitor(greta);
  await expect(app.toast('Saved Greta Hofmann')).toBeVisible();

  // Columns are mapped by their names (English "Email Address", "Comments"); the rest stays out.
  await io.open();
  await io.chooseFile(inquiries);
  await expect(io.mappedColumn('First name').locator('option:checked')).toHaveText('First Name');
  await expect(io.mappedColumn('Email').locator('option:checked')).toHaveText('Email Address');
  await expect(io.mappedColumn('Notes').locator('option:checked')).toHaveText('Comments');
  await expect(io.mappedColumn('Full name').locator('option:checked')).toHaveText('— not in the file —');
  await io.chooseCampaign(campaign);
  await io.checkRows();
  await expect(io.previewCounts).toHaveText(
    /11\s*rows read\s*6\s*valid, to import\s*3\s*invalid\s*2\s*duplicates/,
  );
  await expect(page.getByText('1 blank line was skipped.')).toBeVisible();
  await expect(io.importButton).toHaveText(`Import 6 leads into ${campaign}`);
  await io.importButton.click();

  // The report: which rows were rejected and why; the good ones are in.
  await expect(io.summary).toHaveText(`Imported 6 of 11 rows into ${campaign}. 5 rows were not imported.`);
  const rejected = [
    [
      '4',
      'Invalid',
      'Email',
      'marta.nowak@nowak-logistics',
      'Enter a valid email address, like name@company.com',
    ],
    ['5', 'Invalid', 'Last name', '', 'Last name is required'],
    ['7', 'Duplicate', 'Email', 'sophie.wagner@wagner-praezision.example', 'Same email as row 2'],
    [
      '8',
      'Duplicate',
      'Email',
      'greta@hofmann.example',
      'Already in your data: Greta Hofmann · greta@hofmann.example (same email)',
    ],
    ['12', 'Invalid', 'Phone', 'n/a', 'Enter a phone number using digits, spaces and + ( ) - . /'],
  ];
  expect(await io.rejectedRows()).toEqual(rejected);
  const report = await io.download('Download report (CSV)');
  expect(report.name).toMatch(/^fairlead-import-report-inquiries-\d{4}-\d{2}-\d{2}\.csv$/);
  const reportRows = Papa.parse<string[]>(report.text, { skipEmptyLines: true }).data;
  expect(reportRows).toEqual([['Row', 'Problem', 'Field', 'Value', 'Reason'], ...rejected]);

  await app.navigate('Leads');
  await expect(leads.count).toHaveText('7 leads');

  // The same file again: every good row is now a duplicate, nothing is imported twice.
  await io.open();
  await io.importAnotherFile();
  await io.chooseFile(inquiries);
  await io.checkRows();
  await expect(io.previewCounts).toHaveText(
    /11\s*rows read\s*0\s*valid, to import\s*3\s*invalid\s*8\s*duplicates/,
  );
  await expect(io.importButton).toHaveText('Nothing to import');
  await expect(io.importButton).toBeDisabled();
  const again = await io.rejectedRows('Rows that will not be imported');
  expect(again.filter((row) => row[1] === 'Duplicate').map((row) => row[0])).toEqual([
    '2',
    '3',
    '6',
    '7',
    '8',
    '9',
    '10',
    '13',
  ]);
  expect(again[0]?.[4]).toBe(
    'Already in your data: Sophie Wagner · sophie.wagner@wagner-praezision.example (same email)',
  );
  await app.navigate('Leads');
  await expect(leads.count).toHaveText('7 leads');

  // Export the leads and read the file back: the same seven people, field for field.
  await io.open();
  const exported = await io.download('Export leads');
  expect(exported.name).toMatch(/^fairlead-leads-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByTestId('export-status')).toHaveText(/^Exported 7 leads to fairlead-leads-/);
  const parsed = Papa.parse<Record<string, string>>(exported.text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const byEmail = (a: string[], b: string[]) => (a[4] ?? '').localeCompare(b[4] ?? '');
  const expected = [
    [greta.firstName, greta.lastName, greta.company, greta.jobTitle, greta.email, greta.phone, ''],
    ...imported,
  ].sort(byEmail);
  const actual = parsed.data
    .map((row) =>
      ['First name', 'Last name', 'Company', 'Job title', 'Email', 'Phone', 'Notes'].map(
        (key) => row[key] ?? '',
      ),
    )
    .sort(byEmail);
  expect(actual).toEqual(expected);
  for (const row of parsed.data) {
    expect(row).toMatchObject({ Status: 'Inquiry', Campaign: campaign, Owner: 'Me', Stage: '', Value: '0' });
    expect(row.Id).toMatch(/^[0-9A-Z]{24}$/);
  }
  expect(new Set(parsed.data.map((row) => row.Id)).size).toBe(7);
});

/** Qualifies an imported inquiry with keen answers; the buying stage decides hot (Buying) or warm (Acceptance). */
const qualify = async (page: Page, name: string, buyingStage: 'Buying' | 'Acceptance') => {
  const leads = new LeadsPage(page);
  await new AppShell(page).navigate('Leads');
  await leads.search.fill(name.split(' ')[1] ?? name);
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

test('a manager reviews the pipeline: stage by rep, forecast, changes since the review, stalled and overdue', async ({
  page,
}) => {
  await page.clock.install({ time: mondayMorning });
  const app = new AppShell(page);
  const work = new LeadWorkPage(page);
  const pipeline = new PipelinePage(page);
  await app.openOnThisDeviceOnly();
  await createWebCampaign(page);
  // Greta was not met here: her row is imported too.
  await importInquiries(new ImportExportPage(page), 7);

  // Monday 09:00: the manager marks the review; everything after it is "since the last review".
  await pipeline.open();
  await expect(page.getByText('Not reviewed on this device yet')).toBeVisible();
  await pipeline.markReviewed();
  await expect(app.toast('Review marked: changes from now on will show next time')).toBeVisible();
  await page.clock.fastForward('01:00:00');

  await qualify(page, 'Sophie Wagner', 'Buying');
  await work.moveToStage('Proposal', { value: '48000', closeMonth: '2027-01' });
  await expect(app.toast('Moved to Proposal')).toBeVisible();
  await qualify(page, 'Tom Hughes', 'Acceptance');
  await work.moveToStage('Negotiation', { value: '22000', closeMonth: '2026-12' });
  await expect(app.toast('Moved to Negotiation')).toBeVisible();
  await qualify(page, 'Emma Lindqvist', 'Acceptance');
  await work.moveToStage('Demo scheduled');
  await expect(app.toast('Moved to Demo scheduled')).toBeVisible();
  await work.kind('Note').check();
  await work.summary.fill('Needs OPC UA integration with the existing MES');
  await work.insight('Needs').check();
  await work.summary.press('Enter');
  await expect(work.timeline).toContainText('Needs OPC UA integration');
  await qualify(page, 'Claire Dubois', 'Acceptance');
  await work.moveToStage('Lost', { reason: 'No budget' });
  await expect(app.toast('Marked lost: No budget')).toBeVisible();
  await qualify(page, 'Ana García', 'Acceptance');
  await work.moveToStage('Won', { value: '12000', closeMonth: '2026-11' });
  await expect(app.toast('Moved to Won')).toBeVisible();
  await qualify(page, 'Lukas Becker', 'Acceptance');

  // Two weeks and two days later nobody has called anyone.
  await page.clock.fastForward(16 * 24 * 3_600_000);
  await pipeline.open();
  // Proposal 48,000 x 60 % + Negotiation 22,000 x 80 % (demo scheduled and qualified without a value yet)
  await expect(pipeline.summary).toHaveText(
    'Open pipeline: 4 opportunities · value 70,000 · expected 46,400',
  );
  await expect(pipeline.stageRow('Proposal')).toContainText('48,000');
  await expect(pipeline.stageRow('Negotiation')).toContainText('exp. 17,600');
  await expect(pipeline.stageRow('Won')).toContainText('12,000');
  await expect(pipeline.stageRow('Lost')).toContainText('1');
  await expect(page.getByRole('table', { name: 'Forecast by expected close month' })).toContainText(
    'Dec 2026',
  );
  await expect(pipeline.changes.getByRole('listitem')).toHaveCount(11);
  await expect(
    pipeline.changes.getByRole('listitem').filter({ hasText: 'Claire Dubois' }).first(),
  ).toContainText('Qualified → Lost · No budget');
  await expect(page.getByRole('list', { name: 'Changes by kind' })).toContainText('6 qualified');
  const stalled = pipeline.list('Stalled leads');
  await expect(stalled.locator('tbody tr')).toHaveCount(4);
  await expect(stalled.locator('tbody tr').filter({ hasText: 'Sophie Wagner' })).toContainText('16 days');
  await expect(pipeline.list('Overdue follow-ups').locator('tbody tr')).toHaveCount(4);

  // Picking leads offers the team to hand them to (on this device only the manager).
  await page.getByLabel('Select Tom Hughes').first().check();
  await expect(page.getByRole('region', { name: 'Reassign selected leads' })).toContainText(
    '1 lead selected',
  );
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await page.clock.fastForward('00:00:06'); // let the confirmations fade before the picture
  await page.mouse.move(0, 0);
  // The shell scrolls inside its main area: a tall window shows the whole review in one picture.
  await page.setViewportSize({ width: 1360, height: 1800 });
  await page.locator('main').evaluate((main) => main.scrollTo(0, 0));
  await app.screenshot('pipeline');

  await page.evaluate(() => {
    window.location.hash = '#/insights';
  });
  await expect(page.getByRole('table', { name: 'Lost reasons by stage' })).toContainText('No budget');
  await expect(page.getByRole('heading', { name: /^Needs/ })).toContainText('1');
  await page.setViewportSize({ width: 1360, height: 860 });
  await app.screenshot('insights');
});
