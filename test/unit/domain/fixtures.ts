import { createDefaultPlaybook } from '../../../src-shared/playbook/defaultPlaybook';
import { newLeadFromCapture } from '../../../src-shared/rules/capture';
import type { Lead } from '../../../src-shared/domain/lead';

export const now = Date.UTC(2026, 10, 20, 9, 0, 0); // Friday 20 November 2026, 09:00 UTC
export const playbook = createDefaultPlaybook({ id: 'pb-1', teamId: 'team-1', ownerId: 'manager-1', now });

export const capturedLead = (overrides: Partial<Lead> = {}): Lead => ({
  ...newLeadFromCapture(
    {
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: 'Analytical Engines Ltd',
      jobTitle: 'CTO',
      email: 'ada@engines.example',
      phone: '+44 20 1234 5678',
      notes: '',
      campaignId: 'camp-1',
    },
    { id: 'lead-1', now, ownerId: 'rep-1', teamId: 'team-1' },
  ),
  ...overrides,
});

/** Answers that meet the lead definition and score 100. */
export const keenAnswers = {
  need: true,
  authority: 'decides',
  budget: 'approved',
  timeline: 'within_3_months',
  seats: 60,
};
