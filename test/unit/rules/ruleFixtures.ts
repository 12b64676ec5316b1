import type { Activity } from '../../../src-shared/domain/activity';
import type { Lead } from '../../../src-shared/domain/lead';
import { capturedLead, now } from '../domain/fixtures';

export const hour = 3_600_000;
export const day = 24 * hour;
/** Time zones east and west of UTC, as offsets in minutes. */
export const tokyo = 9 * 60;
export const losAngeles = -8 * 60;

/** A hot lead that entered sales at `now` (Friday 20 November 2026, 09:00 UTC), owned by rep-1. */
export const leadInSales = (overrides: Partial<Lead> = {}): Lead =>
  capturedLead({
    status: 'lead',
    grade: 'hot',
    gradeRank: 3,
    stageId: 'qualified',
    qualifiedAt: now,
    followUpDueAt: now + 24 * hour,
    statusHistory: [
      { at: now, by: 'rep-1', from: 'inquiry', to: 'lead', grade: 'hot', reasonId: '', note: '' },
    ],
    ...overrides,
  });

export const activity = (overrides: Partial<Activity> = {}): Activity => ({
  id: `act-${Math.random().toString(36).slice(2, 8)}`,
  createdAt: now,
  updatedAt: now,
  ownerId: 'rep-1',
  teamId: 'team-1',
  leadId: 'lead-1',
  kind: 'call',
  at: now + hour,
  outcomeId: 'reached',
  notes: '',
  insightTags: [],
  nextStep: '',
  nextFollowUpAt: 0,
  ...overrides,
});
