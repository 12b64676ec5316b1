import { expect, test } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { PlaybookPage } from './pages/PlaybookPage';

test('a manager edits the playbook offline, previews the grade changes and publishes v2', async ({
  page,
  context,
}) => {
  const app = new AppShell(page);
  const playbook = new PlaybookPage(page);
  await app.openOnThisDeviceOnly();
  // Alone on the device the user is the manager; leads qualified under v1 give the preview something to count.
  await page.evaluate(() =>
    (
      window as unknown as { fairlead: { generateLeads(count: number): Promise<number> } }
    ).fairlead.generateLeads(3_000),
  );
  await app.goOffline(context);

  await playbook.open();
  await expect(playbook.inForce).toContainText('v1 in force');
  await expect(playbook.draftState).toHaveText('No changes to v1 yet');
  // Under the version that judged them, no lead changes grade.
  await expect(playbook.preview).toHaveText(/^0 of [\d,]+ qualified leads would change grade$/, {
    timeout: 30_000,
  });

  await playbook.yesPoints(1).fill('30');
  await playbook.hotFromScore.fill('80');
  await expect(playbook.draftState).toHaveText('Based on v1 · 2 changes');
  await expect(playbook.preview).toHaveText(/^[1-9][\d,]* of [\d,]+ qualified leads would change grade$/, {
    timeout: 30_000,
  });
  await expect(playbook.gradeChanges.getByRole('listitem').filter({ hasText: /Hot.*Warm/ })).toHaveCount(1);

  // A rule that cannot work is refused where it is typed.
  await playbook.hotFromScore.fill('30');
  await playbook.hotFromScore.blur();
  await expect(page.getByText('Hot must start above warm (40).')).toBeVisible();
  await playbook.hotFromScore.fill('80');
  await expect(page.getByText('Hot must start above warm (40).')).toBeHidden();

  // The draft survives going elsewhere and coming back.
  await app.navigate('Leads');
  await playbook.open();
  await expect(playbook.hotFromScore).toHaveValue('80');
  await expect(playbook.yesPoints(1)).toHaveValue('30');

  await playbook.publishButton(2).click();
  const confirm = page.getByRole('group', { name: 'Publish v2 to every device of the team?' });
  await expect(confirm.getByRole('listitem')).toHaveText([
    '“Do they have a problem our product solves?”: “yes” worth 25 → 30 points',
    'Hot from score 70 → 80',
  ]);
  await expect(playbook.preview).toBeVisible();
  await app.screenshot('playbook');
  await confirm.getByRole('button', { name: 'Publish v2 now' }).click();

  await expect(app.toast('Published v2 to every device of the team')).toBeVisible();
  await expect(playbook.inForce).toContainText('v2 in force');
  await expect(playbook.versions).toHaveCount(2);
  await expect(playbook.versions.first()).toContainText('v2');
  await expect(playbook.versions.first()).toContainText('in force');
  await expect(playbook.hotFromScore).toHaveValue('80');
  await expect(playbook.draftState).toHaveText('No changes to v2 yet');
  // The leads judged by v1 are graded as v2 would grade them only when they are qualified again.
  await expect(playbook.preview).toHaveText(/^[1-9][\d,]* of [\d,]+ qualified leads would change grade$/, {
    timeout: 30_000,
  });
});

/** Served by the real sync server started in playwright.config.ts (fresh database, demo team with playbook v1). */
const teamServer = 'http://127.0.0.1:4318';

const signedIn = async (browser: Browser, email: string) => {
  const context = await browser.newContext({ baseURL: teamServer, viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  const app = new AppShell(page);
  await app.signIn(email);
  return { context, page, app, playbook: new PlaybookPage(page) };
};

test('the playbook a manager publishes reaches a rep, who reads it without editing', async ({ browser }) => {
  const maria = await signedIn(browser, 'maria@demo.fairlead.app');
  const rita = await signedIn(browser, 'rita@demo.fairlead.app');

  await rita.playbook.open();
  await expect(rita.playbook.inForce).toContainText('v1 in force');
  await expect(rita.page.getByText('Read-only', { exact: true })).toBeVisible();
  await expect(rita.playbook.hotFromScore).toBeDisabled();
  await expect(rita.page.getByRole('button', { name: /^Publish/ })).toHaveCount(0);

  // Later tests on this server qualify leads under the team's playbook: a new call outcome leaves grades alone.
  await maria.playbook.open();
  await expect(maria.playbook.inForce).toContainText('v1 in force');
  await maria.playbook.addCallOutcome('Sent the brochure');
  const changes = await maria.playbook.publish(2);
  expect(changes).toEqual(['Call outcome added: “Sent the brochure”']);
  await expect(maria.playbook.inForce).toContainText('v2 in force');
  await expect(maria.page.getByTestId('pending-changes')).toHaveText('No pending changes', {
    timeout: 30_000,
  });

  await expect(rita.playbook.inForce).toContainText('v2 in force', { timeout: 20_000 });
  await expect(rita.playbook.callOutcome(7)).toHaveValue('Sent the brochure');
  await expect(rita.playbook.callOutcome(7)).toBeDisabled();
  await expect(rita.playbook.inForce).toContainText('by Maria');
  await rita.app.screenshot('playbook-rep');

  await maria.context.close();
  await rita.context.close();
});
