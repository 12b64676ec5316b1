import type { SessionUser } from '../../../src-shared/auth/protocol';
import { newId } from '../../../src-shared/domain/ids';
import type { Lead } from '../../../src-shared/domain/lead';
import { newLeadFromCapture } from '../../../src-shared/rules/capture';

/** A lead captured on a device by `user` (valid for the shared schema unless overrides break it). */
export const capturedLead = (user: SessionUser, label: string, overrides: Partial<Lead> = {}): Lead => {
  const now = Date.now();
  return {
    ...newLeadFromCapture(
      {
        firstName: label,
        lastName: 'Tester',
        company: `${label} GmbH`,
        jobTitle: '',
        email: `${label.toLowerCase().replace(/[^a-z0-9]/g, '')}@example.com`,
        phone: '',
        notes: '',
        campaignId: '',
      },
      { id: newId(now), now, ownerId: user.id, teamId: user.teamId },
    ),
    ...overrides,
  };
};
