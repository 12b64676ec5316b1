import type { ScryptParams } from '../../../src-server/auth/password';
import { createOrg, createTeam, createUser } from '../../../src-server/auth/userAdmin';
import type { UserRecord } from '../../../src-server/auth/userStore';
import { seedDemo } from '../../../src-server/cli/seedDemo';
import type { DemoSeed } from '../../../src-server/cli/seedDemo';
import type { Database } from '../../../src-server/db/database';
import type { ChangeFeed } from '../../../src-server/sync/changeFeed';
import type { Role } from '../../../src-shared/domain/vocabulary';

/** Cheap scrypt for test users only: the server verifies whatever cost a stored hash names. */
export const fastHashParams: ScryptParams = { N: 1024, r: 8, p: 1 };

export const testPassword = 'correct horse battery';

/** Who is who in the authorization fixture: two teams of one organisation, and a second organisation. */
export const fixtureUsers = {
  manager: { email: 'maria@north.test', name: 'Maria North', role: 'manager', team: 'North' },
  rep: { email: 'rita@north.test', name: 'Rita North', role: 'rep', team: 'North' },
  otherRep: { email: 'ravi@north.test', name: 'Ravi North', role: 'rep', team: 'North' },
  marketing: { email: 'mark@north.test', name: 'Mark Marketing', role: 'marketing', team: 'North' },
  admin: { email: 'ada@north.test', name: 'Ada Admin', role: 'admin', team: 'North' },
  southManager: { email: 'sven@south.test', name: 'Sven South', role: 'manager', team: 'South' },
  southRep: { email: 'sara@south.test', name: 'Sara South', role: 'rep', team: 'South' },
  foreignMarketing: { email: 'olga@other.test', name: 'Olga Other', role: 'marketing', team: 'East' },
} as const satisfies Record<string, { email: string; name: string; role: Role; team: string }>;

export type FixtureUserKey = keyof typeof fixtureUsers;

export type Fixture = {
  orgId: string;
  otherOrgId: string;
  teams: { North: string; South: string; East: string };
  users: Record<FixtureUserKey, UserRecord>;
};

/** Creates the fixture organisation through the same code path as the CLI (users documents included). */
export const seedFixture = async (db: Database, feed: ChangeFeed): Promise<Fixture> => {
  const org = await createOrg(db, 'Test Org');
  const otherOrg = await createOrg(db, 'Other Org');
  const teams = {
    North: (await createTeam(db, org.id, 'North')).id,
    South: (await createTeam(db, org.id, 'South')).id,
    East: (await createTeam(db, otherOrg.id, 'East')).id,
  };
  const users = {} as Record<FixtureUserKey, UserRecord>;
  for (const [key, user] of Object.entries(fixtureUsers) as [
    FixtureUserKey,
    (typeof fixtureUsers)[FixtureUserKey],
  ][]) {
    users[key] = await createUser(db, feed, {
      email: user.email,
      name: user.name,
      role: user.role,
      team: teams[user.team],
      password: testPassword,
      hashParams: fastHashParams,
    });
  }
  return { orgId: org.id, otherOrgId: otherOrg.id, teams, users };
};

/** The demo data of `seed-demo`, with cheap hashes (password "fairlead-demo"). */
export const seedTestDemo = (db: Database, feed: ChangeFeed): Promise<DemoSeed> =>
  seedDemo(db, feed, { hashParams: fastHashParams });
