import type { Activity } from '../../../src-shared/domain/activity';
import type { Campaign } from '../../../src-shared/domain/campaign';
import { documentSchemas } from '../../../src-shared/domain/collections';
import type { CollectionName } from '../../../src-shared/domain/collections';
import { newId } from '../../../src-shared/domain/ids';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Seminar } from '../../../src-shared/domain/seminar';
import { createDefaultPlaybook } from '../../../src-shared/playbook/defaultPlaybook';
import { newLeadFromCapture } from '../../../src-shared/rules/capture';
import type { ReplicatedDocument } from '../../../src-shared/sync/protocol';

/** Valid documents for pushes, built with the app's own factories so they track the shared schemas. */

type Owned = { teamId: string; ownerId: string; id?: string; now?: number };

export const replicated = <T extends object>(doc: T, deleted = false) =>
  ({ ...doc, _deleted: deleted }) as unknown as ReplicatedDocument;

/** Throws when a factory drifts from the shared schema, so a test never pushes an invalid document by accident. */
const checked = <T extends object>(collection: CollectionName, doc: T): ReplicatedDocument => {
  documentSchemas[collection].parse(doc);
  return replicated(doc);
};

export const makeLead = (owned: Owned, overrides: Partial<Lead> = {}): ReplicatedDocument => {
  const now = owned.now ?? Date.now();
  const lead = newLeadFromCapture(
    {
      firstName: 'Jana',
      lastName: 'Novak',
      company: 'Helix Automation GmbH',
      jobTitle: 'Plant Manager',
      email: 'jana.novak@helix.example',
      phone: '+49 511 1234567',
      notes: 'Met at the booth',
      campaignId: '',
    },
    { id: owned.id ?? newId(now), now, ownerId: owned.ownerId, teamId: owned.teamId },
  );
  return checked('leads', { ...lead, ...overrides });
};

export const makeActivity = (owned: Owned & { leadId: string }): ReplicatedDocument => {
  const now = owned.now ?? Date.now();
  const activity: Activity = {
    id: owned.id ?? newId(now),
    createdAt: now,
    updatedAt: now,
    ownerId: owned.ownerId,
    teamId: owned.teamId,
    leadId: owned.leadId,
    kind: 'call',
    at: now,
    outcomeId: '',
    notes: 'Asked for a demo',
    insightTags: [],
    nextStep: 'Send proposal',
    nextFollowUpAt: 0,
  };
  return checked('activities', activity);
};

export const makeCampaign = (owned: Owned, overrides: Partial<Campaign> = {}): ReplicatedDocument => {
  const now = owned.now ?? Date.now();
  const campaign: Campaign = {
    id: owned.id ?? newId(now),
    createdAt: now,
    updatedAt: now,
    ownerId: owned.ownerId,
    teamId: owned.teamId,
    name: 'Spring webinar',
    type: 'webinar',
    startsAt: now,
    endsAt: now + 3_600_000,
    budget: 1000,
    costLines: [],
    targets: { relevantLeads: 10, opportunities: 2, opportunityValue: 20_000, deals: 1, dealValue: 10_000 },
    followUpDays: 3,
    assignedRepIds: [],
    ...overrides,
  };
  return checked('campaigns', campaign);
};

export const makeSeminar = (owned: Owned): ReplicatedDocument => {
  const now = owned.now ?? Date.now();
  const seminar: Seminar = {
    id: owned.id ?? newId(now),
    createdAt: now,
    updatedAt: now,
    ownerId: owned.ownerId,
    teamId: owned.teamId,
    title: 'Automation breakfast',
    startsAt: now + 86_400_000,
    durationMinutes: 90,
    venue: 'Hannover office',
    capacity: 30,
    campaignId: '',
    description: '',
  };
  return checked('seminars', seminar);
};

export const makePlaybook = (owned: Owned): ReplicatedDocument => {
  const playbook = createDefaultPlaybook({
    id: owned.id ?? newId(),
    teamId: owned.teamId,
    ownerId: owned.ownerId,
    now: owned.now ?? Date.now(),
  });
  return checked('playbooks', playbook);
};

/** The same document with a field changed and updatedAt bumped, as a device edit would produce. */
export const edited = (doc: ReplicatedDocument, changes: Record<string, unknown>): ReplicatedDocument =>
  ({ ...doc, ...changes, updatedAt: (doc.updatedAt as number) + 1 }) as ReplicatedDocument;
