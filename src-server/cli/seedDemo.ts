import type { ScryptParams } from '../auth/password';
import type { Team } from '../auth/userAdmin';
import { createOrg, createTeam, createUser, findOrgByName, findTeam } from '../auth/userAdmin';
import type { UserRecord } from '../auth/userStore';
import { findUserByEmail } from '../auth/userStore';
import type { Database } from '../db/database';
import type { Campaign } from '../../src-shared/domain/campaign';
import type { CollectionName } from '../../src-shared/domain/collections';
import { newId } from '../../src-shared/domain/ids';
import type { Role } from '../../src-shared/domain/vocabulary';
import { createDefaultPlaybook } from '../../src-shared/playbook/defaultPlaybook';
import type { ChangeFeed } from '../sync/changeFeed';
import { writeCollection } from '../sync/writeDocuments';

export const demoOrgName = 'Fairlead Demo';
export const demoTeamName = 'North';
export const demoPassword = 'fairlead-demo';
export const demoCampaignName = 'Hannover Messe 2026';

export const demoUsers: readonly { email: string; name: string; role: Role }[] = [
  { email: 'maria@demo.fairlead.app', name: 'Maria Lindner', role: 'manager' },
  { email: 'rita@demo.fairlead.app', name: 'Rita Okafor', role: 'rep' },
  { email: 'ravi@demo.fairlead.app', name: 'Ravi Menon', role: 'rep' },
  { email: 'rosa@demo.fairlead.app', name: 'Rosa Brandt', role: 'rep' },
  { email: 'mark@demo.fairlead.app', name: 'Mark Jansen', role: 'marketing' },
  { email: 'ada@demo.fairlead.app', name: 'Ada Weber', role: 'admin' },
];

export type DemoSeed = {
  orgId: string;
  team: Team;
  users: Record<string, UserRecord>;
  campaignId: string;
  playbookId: string;
};

const findDocumentId = async (
  db: Database,
  collection: CollectionName,
  teamId: string,
  field: string,
  value: string,
): Promise<string | undefined> =>
  (
    await db.query<{ id: string }>(
      'select id from documents where collection = $1 and team_id = $2 and data ->> $3 = $4 order by seq limit 1',
      [collection, teamId, field, value],
    )
  )[0]?.id;

const demoCampaign = (
  id: string,
  teamId: string,
  ownerId: string,
  repIds: string[],
  now: number,
): Campaign => ({
  id,
  createdAt: now,
  updatedAt: now,
  ownerId,
  teamId,
  name: demoCampaignName,
  type: 'trade_show',
  startsAt: Date.UTC(2026, 3, 20, 8),
  endsAt: Date.UTC(2026, 3, 24, 17),
  budget: 48_000,
  costLines: [
    { id: newId(now), label: 'Booth space and construction', amount: 29_500, at: now },
    { id: newId(now), label: 'Travel and hotel', amount: 7_800, at: now },
  ],
  targets: { relevantLeads: 120, opportunities: 30, opportunityValue: 900_000, deals: 8, dealValue: 240_000 },
  followUpDays: 5,
  assignedRepIds: repIds,
});

/**
 * The demo organisation (DOMAIN.md personas): team North with a manager, three reps, marketing and an admin, the
 * Hannover Messe campaign and the team's default playbook. Safe to run again: what exists is left as it is.
 */
export const seedDemo = async (
  db: Database,
  feed: ChangeFeed,
  options: { hashParams?: ScryptParams } = {},
): Promise<DemoSeed> => {
  const org = (await findOrgByName(db, demoOrgName)) ?? (await createOrg(db, demoOrgName));
  const team = (await findTeam(db, demoTeamName, org.id)) ?? (await createTeam(db, org.id, demoTeamName));
  // Concurrently: most of the time goes into the deliberately slow password hashing, which runs off-thread.
  const created = await Promise.all(
    demoUsers.map(
      async (demoUser) =>
        (await findUserByEmail(db, demoUser.email)) ??
        createUser(db, feed, {
          ...demoUser,
          team: team.id,
          password: demoPassword,
          hashParams: options.hashParams,
        }),
    ),
  );
  const users: Record<string, UserRecord> = Object.fromEntries(created.map((user) => [user.email, user]));
  const byEmail = (email: string): UserRecord => {
    const user = users[email];
    if (!user) throw new Error(`Demo user ${email} missing`);
    return user;
  };
  const now = Date.now();
  const repIds = demoUsers.filter((user) => user.role === 'rep').map((user) => byEmail(user.email).id);

  let campaignId = await findDocumentId(db, 'campaigns', team.id, 'name', demoCampaignName);
  if (!campaignId) {
    const campaign = demoCampaign(newId(now), team.id, byEmail('mark@demo.fairlead.app').id, repIds, now);
    await writeCollection(db, feed, 'campaigns', (_tx, write) =>
      write({
        id: campaign.id,
        orgId: org.id,
        teamId: team.id,
        ownerId: campaign.ownerId,
        deleted: false,
        data: campaign,
        writtenBy: 'seed',
      }),
    );
    campaignId = campaign.id;
  }

  let playbookId = await findDocumentId(db, 'playbooks', team.id, 'version', '1');
  if (!playbookId) {
    const playbook = createDefaultPlaybook({
      id: newId(now),
      teamId: team.id,
      ownerId: byEmail('maria@demo.fairlead.app').id,
      now,
    });
    await writeCollection(db, feed, 'playbooks', (_tx, write) =>
      write({
        id: playbook.id,
        orgId: org.id,
        teamId: team.id,
        ownerId: playbook.ownerId,
        deleted: false,
        data: playbook,
        writtenBy: 'seed',
      }),
    );
    playbookId = playbook.id;
  }
  return { orgId: org.id, team, users, campaignId, playbookId };
};

/** True when no organisation exists yet (first start): FAIRLEAD_SEED_DEMO=1 seeds only then. */
export const isDatabaseEmpty = async (db: Database): Promise<boolean> =>
  (await db.query('select 1 from orgs limit 1')).length === 0;
