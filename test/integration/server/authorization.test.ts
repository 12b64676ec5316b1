import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../../src-shared/domain/collections';
import { collectionNames } from '../../../src-shared/domain/collections';
import { newId } from '../../../src-shared/domain/ids';
import type { PushResponse, ReplicatedDocument } from '../../../src-shared/sync/protocol';
import { pullAll, pushRequest, signIn } from '../../helpers/server/api';
import {
  makeActivity,
  makeCampaign,
  makeLead,
  makePlaybook,
  makeSeminar,
  edited,
} from '../../helpers/server/documents';
import type { EventStreamReader } from '../../helpers/server/eventStream';
import { openEventStream } from '../../helpers/server/eventStream';
import type { Fixture, FixtureUserKey } from '../../helpers/server/fixtures';
import { fixtureUsers, testPassword } from '../../helpers/server/fixtures';
import { quarantined, readDocument, storeDocument } from '../../helpers/server/serverWrites';
import { testBackends } from '../../helpers/server/testDatabase';
import type { TestServer } from '../../helpers/server/testServer';
import { startFixtureServer } from '../../helpers/server/testServer';

/**
 * The authorization matrix: every role against the same documents, for pull, push and stream. Rows are
 * documents or operations, columns are actors; 1 means "sees it" / "may do it".
 */
const actors = [
  'rep',
  'otherRep',
  'manager',
  'marketing',
  'admin',
  'southManager',
  'southRep',
  'foreignMarketing',
] as const satisfies readonly FixtureUserKey[];
type Actor = (typeof actors)[number];
type Row = readonly [0 | 1, 0 | 1, 0 | 1, 0 | 1, 0 | 1, 0 | 1, 0 | 1, 0 | 1];

const readMatrix = {
  ritaLead: [1, 0, 1, 1, 0, 0, 0, 0],
  raviLead: [0, 1, 1, 1, 0, 0, 0, 0],
  southLead: [0, 0, 0, 1, 0, 1, 1, 0],
  foreignLead: [0, 0, 0, 0, 0, 0, 0, 1],
  ritaActivity: [1, 0, 1, 1, 0, 0, 0, 0],
  northCampaign: [1, 1, 1, 1, 0, 0, 0, 0],
  southCampaign: [0, 0, 0, 1, 0, 1, 1, 0],
  northPlaybook: [1, 1, 1, 1, 0, 0, 0, 0],
  northSeminar: [1, 1, 1, 1, 0, 0, 0, 0],
  ritaUser: [1, 1, 1, 1, 1, 0, 0, 0],
  markUser: [1, 1, 1, 1, 1, 0, 0, 0],
  saraUser: [0, 0, 0, 1, 1, 1, 1, 0],
  olgaUser: [0, 0, 0, 0, 0, 0, 0, 1],
} as const satisfies Record<string, Row>;
type Target = keyof typeof readMatrix;

const writeMatrix = {
  "edit Rita's lead": [1, 0, 1, 1, 0, 0, 0, 0],
  "edit Ravi's lead": [0, 1, 1, 1, 0, 0, 0, 0],
  'edit the South lead': [0, 0, 0, 1, 0, 1, 1, 0],
  'edit the foreign lead': [0, 0, 0, 0, 0, 0, 0, 1],
  'create a lead owned by Rita': [1, 0, 1, 1, 0, 0, 0, 0],
  "reassign Rita's lead to Ravi": [0, 0, 1, 1, 0, 0, 0, 0],
  "move Rita's lead to team South": [0, 0, 0, 1, 0, 0, 0, 0],
  "log an activity on Rita's lead": [1, 0, 1, 0, 0, 0, 0, 0],
  'edit the North campaign': [0, 0, 1, 1, 0, 0, 0, 0],
  'publish a North playbook': [0, 0, 1, 1, 0, 0, 0, 0],
  'edit the North seminar': [0, 0, 1, 1, 0, 0, 0, 0],
  "edit Rita's user document": [0, 0, 0, 0, 0, 0, 0, 0],
} as const satisfies Record<string, Row>;
type Operation = keyof typeof writeMatrix;

describe.each(testBackends())('authorization matrix on %s', (backend) => {
  let server: TestServer;
  let fixture: Fixture;
  const tokens = {} as Record<Actor, string>;
  const targets = {} as Record<Target, { collection: CollectionName; document: ReplicatedDocument }>;

  const team = (name: keyof Fixture['teams']) => fixture.teams[name];
  const user = (key: FixtureUserKey) => fixture.users[key].id;
  const userDocument = async (key: FixtureUserKey) => {
    const stored = await readDocument(server, 'users', user(key));
    if (!stored) throw new Error(`No users document for ${key}`);
    return stored.document;
  };

  beforeAll(async () => {
    ({ server, fixture } = await startFixtureServer({ backend }));
    for (const actor of actors) {
      tokens[actor] = (await signIn(server.url, fixtureUsers[actor].email, testPassword)).accessToken;
    }
    const ritaLead = makeLead({ teamId: team('North'), ownerId: user('rep') });
    const documents: Record<Target, [CollectionName, ReplicatedDocument]> = {
      ritaLead: ['leads', ritaLead],
      raviLead: ['leads', makeLead({ teamId: team('North'), ownerId: user('otherRep') })],
      southLead: ['leads', makeLead({ teamId: team('South'), ownerId: user('southRep') })],
      foreignLead: ['leads', makeLead({ teamId: team('East'), ownerId: user('foreignMarketing') })],
      ritaActivity: [
        'activities',
        makeActivity({ teamId: team('North'), ownerId: user('rep'), leadId: ritaLead.id }),
      ],
      northCampaign: ['campaigns', makeCampaign({ teamId: team('North'), ownerId: user('marketing') })],
      southCampaign: ['campaigns', makeCampaign({ teamId: team('South'), ownerId: user('southManager') })],
      northPlaybook: ['playbooks', makePlaybook({ teamId: team('North'), ownerId: user('manager') })],
      northSeminar: ['seminars', makeSeminar({ teamId: team('North'), ownerId: user('manager') })],
      ritaUser: ['users', await userDocument('rep')],
      markUser: ['users', await userDocument('marketing')],
      saraUser: ['users', await userDocument('southRep')],
      olgaUser: ['users', await userDocument('foreignMarketing')],
    };
    for (const [target, [collection, document]] of Object.entries(documents) as [
      Target,
      [CollectionName, ReplicatedDocument],
    ][]) {
      if (collection !== 'users') await storeDocument(server, collection, document);
      targets[target] = { collection, document };
    }
  });
  afterAll(async () => server?.stop());

  const expectedTargets = (actor: Actor): Target[] =>
    (Object.keys(readMatrix) as Target[]).filter((target) => readMatrix[target][actors.indexOf(actor)] === 1);

  const targetsIn = (actor: Actor, seen: { collection: string; id: string }[]): Target[] =>
    (Object.keys(targets) as Target[])
      .filter((target) =>
        seen.some(
          (doc) => doc.collection === targets[target].collection && doc.id === targets[target].document.id,
        ),
      )
      .sort();

  it.each(actors)('pull: %s receives exactly the documents the matrix allows', async (actor) => {
    const seen: { collection: string; id: string }[] = [];
    for (const collection of collectionNames) {
      const { documents } = await pullAll(server.url, tokens[actor], collection, { limit: 50 });
      seen.push(...documents.map((doc) => ({ collection, id: doc.id })));
    }
    expect(targetsIn(actor, seen)).toEqual(expectedTargets(actor).sort());
  });

  it('stream: each role is sent exactly the changes the matrix allows', async () => {
    const streams = {} as Record<Actor, EventStreamReader>;
    for (const actor of actors) {
      streams[actor] = await openEventStream(server.url, tokens[actor]);
      await streams[actor].waitFor((event) => event.type === 'RESYNC');
    }
    try {
      for (const { collection, document } of Object.values(targets)) {
        await storeDocument(server, collection, edited(document, {}));
      }
      const streamedTargets = (actor: Actor) =>
        targetsIn(
          actor,
          streams[actor].events.flatMap((event) =>
            event.type === 'changes'
              ? event.documents.map((doc) => ({ collection: event.collection, id: doc.id }))
              : [],
          ),
        );
      for (const actor of actors) {
        const expected = expectedTargets(actor).sort();
        await streams[actor].waitFor(() => streamedTargets(actor).length >= expected.length, 5000);
      }
      // Everything was delivered to every stream in the same fan-out; give stragglers time to show up wrongly.
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const actor of actors)
        expect({ actor, seen: streamedTargets(actor) }).toEqual({
          actor,
          seen: expectedTargets(actor).sort(),
        });
    } finally {
      for (const actor of actors) streams[actor].close();
    }
  });

  /** Builds one push attempt on a fresh copy of its target, so attempts do not influence each other. */
  const prepare = async (
    operation: Operation,
  ): Promise<{
    collection: CollectionName;
    before: ReplicatedDocument | null;
    after: ReplicatedDocument;
  }> => {
    const fresh = async (collection: CollectionName, document: ReplicatedDocument) => {
      await storeDocument(server, collection, document);
      return document;
    };
    const freshLead = (teamName: keyof Fixture['teams'], owner: FixtureUserKey) =>
      fresh('leads', makeLead({ teamId: team(teamName), ownerId: user(owner) }));
    switch (operation) {
      case "edit Rita's lead": {
        const before = await freshLead('North', 'rep');
        return { collection: 'leads', before, after: edited(before, { notes: 'Edited' }) };
      }
      case "edit Ravi's lead": {
        const before = await freshLead('North', 'otherRep');
        return { collection: 'leads', before, after: edited(before, { notes: 'Edited' }) };
      }
      case 'edit the South lead': {
        const before = await freshLead('South', 'southRep');
        return { collection: 'leads', before, after: edited(before, { notes: 'Edited' }) };
      }
      case 'edit the foreign lead': {
        const before = await freshLead('East', 'foreignMarketing');
        return { collection: 'leads', before, after: edited(before, { notes: 'Edited' }) };
      }
      case 'create a lead owned by Rita':
        return {
          collection: 'leads',
          before: null,
          after: makeLead({ teamId: team('North'), ownerId: user('rep') }),
        };
      case "reassign Rita's lead to Ravi": {
        const before = await freshLead('North', 'rep');
        return { collection: 'leads', before, after: edited(before, { ownerId: user('otherRep') }) };
      }
      case "move Rita's lead to team South": {
        const before = await freshLead('North', 'rep');
        return {
          collection: 'leads',
          before,
          after: edited(before, { teamId: team('South'), ownerId: user('southRep') }),
        };
      }
      case "log an activity on Rita's lead":
        return {
          collection: 'activities',
          before: null,
          after: makeActivity({
            teamId: team('North'),
            ownerId: user('rep'),
            leadId: targets.ritaLead.document.id,
          }),
        };
      case 'edit the North campaign': {
        const before = await fresh(
          'campaigns',
          makeCampaign({ teamId: team('North'), ownerId: user('marketing') }),
        );
        return { collection: 'campaigns', before, after: edited(before, { budget: 2000 }) };
      }
      case 'publish a North playbook':
        return {
          collection: 'playbooks',
          before: null,
          after: makePlaybook({ teamId: team('North'), ownerId: user('manager') }),
        };
      case 'edit the North seminar': {
        const before = await fresh(
          'seminars',
          makeSeminar({ teamId: team('North'), ownerId: user('manager') }),
        );
        return { collection: 'seminars', before, after: edited(before, { capacity: 40 }) };
      }
      case "edit Rita's user document": {
        const before = await userDocument('rep');
        return { collection: 'users', before, after: edited(before, { role: 'admin' }) };
      }
    }
  };

  const cases = (Object.keys(writeMatrix) as Operation[]).flatMap((operation) =>
    actors.map((actor) => ({
      operation,
      actor,
      allowed: writeMatrix[operation][actors.indexOf(actor)] === 1,
    })),
  );

  it.each(cases)('push: $actor may $operation: $allowed', async ({ operation, actor, allowed }) => {
    const { collection, before, after } = await prepare(operation);
    const result = await pushRequest(server.url, tokens[actor], collection, [
      { assumedMasterState: before, newDocumentState: after },
    ]);
    expect(result.status).toBe(200);
    const response = result.body as PushResponse;
    // A refused write is never reported as a conflict: that would hand over a document the user may not read.
    expect(response.conflicts).toEqual([]);
    const stored = await readDocument(server, collection, after.id);
    if (allowed) {
      expect(response.rejected).toEqual([]);
      expect(stored?.document).toEqual(after);
    } else {
      expect(response.rejected).toEqual([{ id: after.id, reason: expect.stringMatching(/\w+/) as string }]);
      expect(stored?.document).toEqual(before ?? undefined);
      const kept = await quarantined(server, after.id);
      expect(kept.at(-1)).toMatchObject({ collection, user_id: user(actor), document: after });
    }
  });

  it('push: a rep cannot smuggle a lead out by naming a stranger as owner', async () => {
    const lead = makeLead({ teamId: team('North'), ownerId: newId() });
    const result = await pushRequest(server.url, tokens.manager, 'leads', [
      { assumedMasterState: null, newDocumentState: lead },
    ]);
    expect((result.body as PushResponse).rejected).toEqual([
      { id: lead.id, reason: expect.stringContaining('not a known user') as string },
    ]);
  });
});
