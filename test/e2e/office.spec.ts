import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { CampaignResultsPage } from './pages/CampaignResultsPage';
import { CampaignsPage } from './pages/CampaignsPage';
import type { NewCampaign } from './pages/CampaignsPage';
import { CapturePage } from './pages/CapturePage';
import type { Visitor } from './pages/CapturePage';
import { LeadsPage } from './pages/LeadsPage';
import { LeadWorkPage } from './pages/LeadWorkPage';
import { QualifyPage } from './pages/QualifyPage';
import { ScoreboardPage } from './pages/ScoreboardPage';

// The office works in Berlin; the show opens on Monday 16 November 2026 (ISO week 47), 09:00 there.
test.use({ timezoneId: 'Europe/Berlin' });
const mondayMorning = new Date('2026-11-16T08:00:00Z');

const hannover: NewCampaign = {
  name: 'Hannover Messe 2026',
  type: 'Trade show',
  starts: '2026-11-16',
  ends: '2026-11-20',
  followUpDays: 2,
  budget: 20_000,
  costLines: [
    { item: 'Booth space', amount: 6_000 },
    { item: 'Travel and hotel', amount: 2_000 },
  ],
  targets: { relevantLeads: 5, opportunities: 3, opportunityValue: 60_000, deals: 1, dealValue: 40_000 },
};

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
const sofia = visitor('Sofia', 'Ritter', 'Ritter Verpackung');

const openLead = async (page: Page, who: Visitor) => {
  const leads = new LeadsPage(page);
  await page.evaluate(() => {
    window.location.hash = '#/leads';
  });
  await leads.search.fill(who.lastName);
  await expect(leads.rows).toHaveCount(1);
  await leads.open(`${who.firstName} ${who.lastName}`);
  await expect(
    page.getByRole('heading', { name: `${who.firstName} ${who.lastName}`, exact: true }),
  ).toBeVisible();
};

/** Keen answers and a good profile; the buying stage decides hot or warm, "no need" makes a prospect. */
const qualify = async (page: Page, who: Visitor, outcome: 'hot' | 'warm' | 'prospect') => {
  await openLead(page, who);
  await page.getByRole('link', { name: 'Qualify' }).click();
  const form = new QualifyPage(page);
  await form.answer({
    need: outcome === 'prospect' ? 'No' : 'Yes',
    authority: 'Decides',
    budget: 'Approved',
    timeline: 'Within 3 months',
    seats: '60',
    buyingStage: outcome === 'hot' ? 'Buying' : 'Acceptance',
    industry: 'Manufacturing',
    companySize: '50-249 employees',
    region: 'In our territory',
    role: 'Executive / owner',
  });
  await expect(form.status).toHaveValue(outcome === 'prospect' ? 'prospect' : 'lead');
  await form.save();
  await expect(
    page.getByRole('heading', { name: `${who.firstName} ${who.lastName}`, exact: true }),
  ).toBeVisible();
};

const logCall = async (page: Page, app: AppShell) => {
  const work = new LeadWorkPage(page);
  await work.kind('Call').check();
  await work.outcome.selectOption({ label: 'Reached, talked' });
  await work.summary.fill('Talked about the project');
  await work.summary.press('Enter');
  await expect(app.toast(/^Call logged/)).toBeVisible();
};

/** The screens scroll inside the shell, so the window is made as tall as the content for the picture. */
const wholeScreenshot = async (page: Page, app: AppShell, name: string) => {
  await page.mouse.move(0, 0);
  const height = await page.evaluate(() => {
    const main = document.querySelector('main');
    return main ? main.scrollHeight + main.getBoundingClientRect().top : 860;
  });
  await page.setViewportSize({ width: 1360, height: Math.max(860, Math.ceil(height)) });
  await app.screenshot(name);
  await page.setViewportSize({ width: 1360, height: 860 });
};

test('marketing’s campaign page and the scoreboard show figures worked out by hand', async ({ page }) => {
  await page.clock.install({ time: mondayMorning });
  const app = new AppShell(page);
  const campaigns = new CampaignsPage(page);
  const results = new CampaignResultsPage(page);
  const work = new LeadWorkPage(page);
  await app.openOnThisDeviceOnly();

  // On this device the user is a manager: they set up the campaign with its cost and targets.
  await campaigns.open();
  await campaigns.create(hannover, { extraCostLine: true });
  await results.expectOpen(hannover.name);
  await expect(results.figure('Cost')).toContainText('8,000');

  // Monday at the show: five visitors; three qualify into sales, one is a prospect, one stays an inquiry.
  await page.evaluate(() => {
    window.location.hash = '#/capture';
  });
  await page.getByLabel('Campaign / event').selectOption({ label: hannover.name });
  const capture = new CapturePage(page);
  await capture.firstName.focus();
  for (const who of [greta, jan, lena, paul, sofia]) {
    await capture.typeVisitor(who);
    await expect(app.toast(`Saved ${who.firstName} ${who.lastName}`)).toBeVisible();
  }
  await qualify(page, greta, 'hot');
  // Greta is called at once (on time: the campaign gives 2 business days, until Wednesday) and gets a proposal.
  await logCall(page, app);
  await work.moveToStage('Proposal', { value: '30000', closeMonth: '2026-12' });
  await expect(app.toast('Moved to Proposal')).toBeVisible();
  await qualify(page, jan, 'warm');
  await qualify(page, lena, 'warm');
  await qualify(page, paul, 'prospect');

  // Thursday: Jan is called a day after his deadline and gets a proposal; Greta signs. Lena was never called.
  await page.clock.fastForward(73 * 3_600_000);
  await openLead(page, jan);
  await logCall(page, app);
  await work.moveToStage('Proposal', { value: '20000', closeMonth: '2027-01' });
  await expect(app.toast('Moved to Proposal')).toBeVisible();
  await openLead(page, greta);
  await work.moveToStage('Won', { value: '30000', closeMonth: '2026-12' });
  await expect(app.toast('Moved to Won')).toBeVisible();

  // Expected, by hand:
  // cost = 6,000 + 2,000 = 8,000 (the 999 line was removed); budget 20,000 -> 40 % used
  // relevant leads = Greta, Jan, Lena (leads) + Paul (prospect) = 4; Sofia is an inquiry
  // cost per relevant lead = 8,000 / 4 = 2,000
  // won revenue = 30,000 (Greta); open pipeline = Jan 20,000 x 60 % + Lena 0 x 10 % = 12,000 expected
  // ROI = (30,000 + 12,000 - 8,000) / 8,000 = 425 %; won only = (30,000 - 8,000) / 8,000 = 275 %
  // on time: Greta yes, Jan late, Lena missed -> 1 of 3 = 33 %
  // opportunities = Greta, Jan = 2, value 50,000; deals 1, value 30,000
  await campaigns.open();
  await expect(campaigns.row(hannover.name)).toContainText('8,000 / 20,000');
  await expect(campaigns.row(hannover.name)).toContainText('425%');
  await campaigns.row(hannover.name).getByRole('link', { name: hannover.name }).click();
  await results.expectOpen(hannover.name);
  await expect(results.figure('Cost')).toContainText('8,000');
  await expect(results.figure('Cost')).toContainText('40% of the 20,000 budget');
  await expect(results.figure('Cost per relevant lead')).toContainText('2,000');
  await expect(results.figure('Cost per relevant lead')).toContainText('8,000 ÷ 4 relevant leads');
  await expect(results.figure('ROI')).toContainText('425%');
  await expect(results.figure('ROI')).toContainText('Won only: 275%');
  await expect(results.figure('Won revenue')).toContainText('30,000');
  await expect(results.figure('Expected revenue')).toContainText('12,000');
  await expect(results.figure('Expected revenue')).toContainText('from 2 open leads worth 20,000');
  await expect(results.figure('Followed up on time')).toContainText('33%');
  await expect(results.figure('Followed up on time')).toContainText('1 of 3 deadlines');
  await expect(results.target('Relevant leads')).toContainText('4 of 5');
  await expect(results.target('Relevant leads')).toContainText('80%');
  await expect(results.target('Qualified opportunities')).toContainText('2 of 3');
  await expect(results.target('Qualified opportunities')).toContainText('67%');
  await expect(results.target('Opportunity value')).toContainText('50,000 of 60,000');
  await expect(results.target('Opportunity value')).toContainText('83%');
  await expect(results.target('Closed deals')).toContainText('1 of 1');
  await expect(results.target('Closed deals')).toContainText('100%');
  await expect(results.target('Closed deal value')).toContainText('30,000 of 40,000');
  await expect(results.target('Closed deal value')).toContainText('75%');
  // funnel: 5 inquiries -> 4 relevant (1 hot, 2 warm, 1 prospect) -> 2 opportunities -> 1 won
  await expect(results.funnel('Inquiries')).toHaveText('5 inquiries');
  await expect(results.funnel('Relevant leads')).toHaveText(
    '4 relevant leads (80%): 1 hot · 2 warm · 0 future · 1 prospect',
  );
  await expect(results.funnel('Opportunities')).toHaveText('2 opportunities (40%)');
  await expect(results.funnel('Won')).toHaveText('1 won (20%)');
  await page.clock.fastForward('00:00:06'); // let the confirmations fade before the picture
  await wholeScreenshot(page, app, 'campaign');

  // Scoreboard, week 47 (16-22 Nov): 3 assigned, 1 of 3 on time, 2 converted, 1 won worth 30,000.
  // Points: 1 on time x 3 + 2 conversions x 5 + 1 won x 10 = 23.
  const scoreboard = new ScoreboardPage(page);
  await scoreboard.open();
  await scoreboard.show('Per rep');
  const week = await scoreboard.weekColumn('W47');
  const expectWeek = async (group: string) => {
    await expect(scoreboard.cells(group, 'Leads assigned').nth(week)).toHaveText('3');
    await expect(scoreboard.cells(group, 'Followed up on time').nth(week)).toHaveText('1 of 3 · 33%');
    await expect(scoreboard.cells(group, 'Converted').nth(week)).toHaveText('2');
    await expect(scoreboard.cells(group, 'Won').nth(week)).toHaveText('1');
    await expect(scoreboard.cells(group, 'Won value').nth(week)).toHaveText('30,000');
    await expect(scoreboard.cells(group, 'Won value').last()).toHaveText('30,000');
    await expect(scoreboard.cells(group, 'Leads assigned').nth(week - 1)).toHaveText('0');
  };
  await expectWeek('Me');
  await expect(scoreboard.totals('Followed up on time')).toContainText('33%');
  await wholeScreenshot(page, app, 'scoreboard');
  await scoreboard.show('Per campaign');
  await expectWeek(hannover.name);

  await scoreboard.show('Per rep');
  await scoreboard.show('Leaderboard');
  await expect(page.getByRole('region', { name: 'How points are earned' })).toContainText(
    '3 points per lead followed up on time',
  );
  await expect(scoreboard.leaderboardRow('Me').getByRole('cell')).toHaveText([
    '1',
    '1',
    '2',
    '1',
    '30,000',
    '23',
  ]);
  await wholeScreenshot(page, app, 'leaderboard');
});

/** Served by the real sync server started in playwright.config.ts (fresh database, demo team North). */
const teamServer = 'http://127.0.0.1:4318';

const signedIn = async (browser: Browser, email: string) => {
  const context = await browser.newContext({ baseURL: teamServer, viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  const app = new AppShell(page);
  await app.signIn(email);
  return { context, page, app, campaigns: new CampaignsPage(page), results: new CampaignResultsPage(page) };
};

test('marketing creates a campaign with targets; a rep of the team reads it, read-only', async ({
  browser,
}) => {
  const mark = await signedIn(browser, 'mark@demo.fairlead.app');
  const webinar: NewCampaign = {
    name: 'Lean Lines Webinar',
    type: 'Webinar',
    starts: '2027-02-02',
    ends: '2027-02-02',
    followUpDays: 3,
    budget: 4_000,
    costLines: [{ item: 'Webinar platform', amount: 1_200 }],
    targets: { relevantLeads: 40, opportunities: 10, opportunityValue: 250_000, deals: 2, dealValue: 60_000 },
  };
  await mark.campaigns.open();
  await mark.campaigns.create(webinar);
  await mark.results.expectOpen(webinar.name);
  await expect(mark.results.figure('Cost')).toContainText('1,200');
  // 1,200 / 4,000
  await expect(mark.results.figure('Cost')).toContainText('30% of the 4,000 budget');
  await expect(mark.results.target('Relevant leads')).toContainText('0 of 40');
  // A second cost line arrives later: marketing edits the campaign.
  await mark.results.editButton.click();
  const edit = mark.page.getByRole('form', { name: `Edit ${webinar.name}` });
  await edit.getByRole('button', { name: 'Add cost line' }).click();
  await edit.getByLabel('Cost item 2').fill('Speaker fee');
  await edit.getByLabel('Amount 2').fill('800');
  await edit.getByRole('button', { name: 'Save campaign' }).click();
  await expect(edit).toBeHidden();
  // 1,200 + 800 = 2,000 of a 4,000 budget
  await expect(mark.results.figure('Cost')).toContainText('2,000');
  await expect(mark.results.figure('Cost')).toContainText('50% of the 4,000 budget');
  await expect(mark.page.getByTestId('pending-changes')).toHaveText('No pending changes', {
    timeout: 30_000,
  });

  const rita = await signedIn(browser, 'rita@demo.fairlead.app');
  await rita.campaigns.open();
  await expect(rita.campaigns.row(webinar.name)).toContainText('2,000 / 4,000', { timeout: 20_000 });
  await expect(rita.campaigns.newCampaignButton).toHaveCount(0);
  await rita.campaigns.row(webinar.name).getByRole('link', { name: webinar.name }).click();
  await rita.results.expectOpen(webinar.name);
  await expect(rita.results.target('Closed deal value')).toContainText('0 of 60,000');
  await expect(rita.results.editButton).toHaveCount(0);

  for (const device of [mark, rita]) await device.context.close();
});
