import { parseArgs } from 'node:util';
import { createOrg, createTeam, createUser, findOrgByName, setUserActive } from '../auth/userAdmin';
import { describeDatabase, readServerConfig } from '../config';
import type { Database } from '../db/database';
import { openDatabase } from '../db/openDatabase';
import { roles } from '../../src-shared/domain/vocabulary';
import type { Role } from '../../src-shared/domain/vocabulary';
import { createChangeFeed } from '../sync/changeFeed';
import type { ChangeFeed } from '../sync/changeFeed';
import { demoPassword, seedDemo } from './seedDemo';

/**
 * Server administration: `tsx src-server/cli/index.ts <command> [--options]`, against the same database as the
 * server (DATABASE_URL, else DATA_DIR). On PGlite stop the server first: the embedded database has one process.
 */
const usage = `Usage: tsx src-server/cli/index.ts <command> [options]

Commands:
  create-org   --name NAME
  create-team  --name NAME [--org ORG_NAME]   (default org: the only one)
  create-user  --email EMAIL --name NAME --role rep|manager|marketing|admin --team TEAM_ID_OR_NAME --password PASSWORD
  disable-user --email EMAIL
  enable-user  --email EMAIL
  seed-demo    (idempotent) org "Fairlead Demo", team North, six users with password "${demoPassword}"

Environment: DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite, default .data/server).`;

type Options = Record<string, string | undefined>;

const required = (options: Options, name: string): string => {
  const value = options[name];
  if (!value) throw new Error(`--${name} is required.\n\n${usage}`);
  return value;
};

const commands: Record<string, (db: Database, feed: ChangeFeed, options: Options) => Promise<string>> = {
  'create-org': async (db, _feed, options) => {
    const org = await createOrg(db, required(options, 'name'));
    return `Created organisation ${org.name} (${org.id}).`;
  },
  'create-team': async (db, _feed, options) => {
    const orgs = await db.query<{ id: string; name: string }>('select id, name from orgs order by name');
    const org = options.org ? await findOrgByName(db, options.org) : orgs.length === 1 ? orgs[0] : undefined;
    if (!org)
      throw new Error(options.org ? `There is no organisation "${options.org}".` : 'Pass --org NAME.');
    const team = await createTeam(db, org.id, required(options, 'name'));
    return `Created team ${team.name} (${team.id}) in ${org.name}.`;
  },
  'create-user': async (db, feed, options) => {
    const user = await createUser(db, feed, {
      email: required(options, 'email'),
      name: required(options, 'name'),
      role: required(options, 'role') as Role,
      team: required(options, 'team'),
      password: required(options, 'password'),
    });
    return `Created ${user.role} ${user.name} <${user.email}> (${user.id}).`;
  },
  'disable-user': async (db, feed, options) => {
    const user = await setUserActive(db, feed, required(options, 'email'), false);
    return `Disabled ${user.email}: refused from the next request on, sessions revoked.`;
  },
  'enable-user': async (db, feed, options) => {
    const user = await setUserActive(db, feed, required(options, 'email'), true);
    return `Enabled ${user.email}.`;
  },
  'seed-demo': async (db, feed) => {
    const seed = await seedDemo(db, feed);
    return `Demo ready: team ${seed.team.name} (${seed.team.id}), users ${Object.keys(seed.users).join(', ')}, password "${demoPassword}".`;
  },
};

/** Argument checks that need no database, so mistakes are reported before the database is opened. */
const checkArguments = (command: string, options: Options): void => {
  if (command !== 'create-user') return;
  for (const name of ['email', 'name', 'role', 'team', 'password']) required(options, name);
  if (!roles.includes(options.role as Role)) throw new Error(`--role must be one of ${roles.join(', ')}.`);
  if ((options.password ?? '').length < 8) throw new Error('--password must have at least 8 characters.');
};

export const runCli = async (argv: string[]): Promise<number> => {
  const [command, ...rest] = argv;
  const run = command ? commands[command] : undefined;
  if (!command || !run) {
    console.log(usage);
    return command && command !== 'help' && command !== '--help' ? 2 : 0;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      org: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      team: { type: 'string' },
      password: { type: 'string' },
    },
    strict: true,
  });
  checkArguments(command, values);
  const config = readServerConfig();
  const db = await openDatabase(config.database);
  try {
    const feed = createChangeFeed(db, { error: (details, message) => console.error(message, details) });
    console.log(await run(db, feed, values));
    console.log(`(${describeDatabase(config.database)})`);
    return 0;
  } finally {
    await db.close();
  }
};

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
