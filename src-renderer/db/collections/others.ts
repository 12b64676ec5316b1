import type { RxJsonSchema } from 'rxdb';
import type { Activity } from '../../../src-shared/domain/activity';
import type { Appointment } from '../../../src-shared/domain/appointment';
import type { Campaign } from '../../../src-shared/domain/campaign';
import type { Playbook } from '../../../src-shared/domain/playbook';
import type { Seminar } from '../../../src-shared/domain/seminar';
import type { User } from '../../../src-shared/domain/user';
import {
  activityKinds,
  campaignTypes,
  demoStatuses,
  inviteeStatuses,
  roles,
} from '../../../src-shared/domain/vocabulary';
import {
  baseProperties,
  baseRequired,
  decimal,
  flag,
  list,
  oneOf,
  record,
  text,
  timestamp,
  wholeNumber,
} from './schemaParts';

const schema = <T>(
  title: string,
  properties: Record<string, object>,
  indexes: (string | string[])[],
  optional: string[] = [],
): RxJsonSchema<T> =>
  ({
    title,
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: { ...baseProperties, ...properties },
    required: [...baseRequired, ...Object.keys(properties).filter((key) => !optional.includes(key))],
    indexes,
  }) as unknown as RxJsonSchema<T>;

export const activitySchema = schema<Activity>(
  'activities',
  {
    leadId: text(40),
    kind: oneOf(activityKinds),
    at: timestamp,
    outcomeId: text(40),
    notes: text(4000),
    insightTags: list({ type: 'string' }),
    nextStep: text(300),
    nextFollowUpAt: timestamp,
  },
  [
    ['leadId', 'at'],
    ['ownerId', 'at'],
  ],
);

/** Seminar invites and demos share one collection; the fields of one kind are optional for the other. */
export const appointmentSchema = schema<Appointment>(
  'appointments',
  {
    leadId: text(40),
    kind: oneOf(['seminar_invite', 'demo']),
    startsAt: timestamp,
    durationMinutes: wholeNumber(24 * 60),
    notes: text(2000),
    seminarId: text(40),
    inviteeStatus: oneOf(inviteeStatuses),
    location: text(300),
    link: text(2000),
    demoStatus: oneOf(demoStatuses),
    outcome: text(1000),
  },
  [['leadId', 'startsAt'], ['ownerId', 'startsAt'], 'startsAt'],
  ['seminarId', 'inviteeStatus', 'location', 'link', 'demoStatus', 'outcome'],
);

export const seminarSchema = schema<Seminar>(
  'seminars',
  {
    title: text(160),
    startsAt: timestamp,
    durationMinutes: wholeNumber(24 * 60),
    venue: text(300),
    capacity: wholeNumber(100_000),
    campaignId: text(40),
    description: text(2000),
  },
  ['startsAt'],
);

export const campaignSchema = schema<Campaign>(
  'campaigns',
  {
    name: text(160),
    type: oneOf(campaignTypes),
    startsAt: timestamp,
    endsAt: timestamp,
    budget: decimal,
    costLines: list(record),
    targets: record,
    followUpDays: wholeNumber(365),
    assignedRepIds: list({ type: 'string' }),
  },
  ['startsAt'],
);

export const playbookSchema = schema<Playbook>(
  'playbooks',
  {
    name: text(120),
    version: wholeNumber(1_000_000),
    publishedAt: timestamp,
    questions: list(record),
    gradeRule: record,
    profileCriteria: list(record),
    stages: list(record),
    disqualifyReasons: list(record),
    callOutcomes: list(record),
    followUp: record,
  },
  [['teamId', 'version']],
);

export const userSchema = schema<User>(
  'users',
  { name: text(120), email: text(320), role: oneOf(roles), active: flag },
  [['teamId', 'name']],
);
