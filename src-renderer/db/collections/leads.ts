import type { RxJsonSchema, MigrationStrategies } from 'rxdb';
import type { Lead } from '../../../src-shared/domain/lead';
import { deriveLeadFields } from '../../../src-shared/domain/lead';
import { buyingStages, grades, leadStatuses } from '../../../src-shared/domain/vocabulary';
import {
  baseProperties,
  baseRequired,
  decimal,
  list,
  oneOf,
  record,
  text,
  timestamp,
  wholeNumber,
} from './schemaParts';

const leadPropertiesV0 = {
  ...baseProperties,
  firstName: text(80),
  lastName: text(80),
  company: text(160),
  jobTitle: text(120),
  email: text(320),
  phone: text(40),
  notes: text(4000),
  campaignId: text(40),
  status: oneOf(leadStatuses),
  grade: oneOf(['', ...grades]),
  gradeRank: wholeNumber(3),
  fitScore: wholeNumber(100),
  qualificationScore: wholeNumber(100),
  answers: record,
  profile: record,
  buyingStage: oneOf(['', ...buyingStages]),
  stageId: text(40),
  value: decimal,
  expectedCloseMonth: text(7),
  reasonId: text(40),
  reasonNote: text(1000),
  nurtureOwnerId: text(40),
  revisitAt: timestamp,
  nextFollowUpAt: timestamp,
  followUpDueAt: timestamp,
  playbookId: text(40),
  playbookVersion: wholeNumber(1_000_000),
  qualifiedAt: timestamp,
  statusHistory: list(record),
  emailKey: text(320),
  nameKey: text(400),
  searchText: text(2000),
} as const;

/**
 * Version 0, as first shipped: lists sorted "newest first" by scanning and sorting in memory. Kept so the
 * migration to version 1 stays tested (test/integration/db).
 */
export const leadSchemaV0 = {
  title: 'leads',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: leadPropertiesV0,
  required: [
    ...baseRequired,
    ...(Object.keys(leadPropertiesV0) as string[]).filter((key) => !baseRequired.includes(key as never)),
  ],
  indexes: ['createdAt', ['status', 'createdAt'], 'emailKey', 'nameKey'],
} as const;

/**
 * Version 1 adds ascending sort keys for the descending orders of the list (recency, gradeOrder, fitOrder) and
 * indexes that end in them, so each list query reads one index range and stops after its page.
 */
export const leadSchema: RxJsonSchema<Lead> = {
  title: 'leads',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...leadPropertiesV0,
    recency: timestamp,
    gradeOrder: wholeNumber(3),
    fitOrder: wholeNumber(100),
  },
  required: [...leadSchemaV0.required, 'recency', 'gradeOrder', 'fitOrder'],
  indexes: [
    'recency',
    ['gradeOrder', 'recency'],
    ['fitOrder', 'recency'],
    ['status', 'recency'],
    ['status', 'gradeOrder', 'recency'],
    ['status', 'fitOrder', 'recency'],
    ['grade', 'recency'],
    ['campaignId', 'recency'],
    ['ownerId', 'status', 'updatedAt'],
    'emailKey',
    'nameKey',
  ],
} as RxJsonSchema<Lead>;

export const leadMigrations: MigrationStrategies = {
  1: (old: Omit<Lead, 'recency' | 'gradeOrder' | 'fitOrder'>) => ({ ...old, ...deriveLeadFields(old) }),
};
