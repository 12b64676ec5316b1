import type { Lead } from '../domain/lead';
import { deriveLeadKeys } from '../domain/lead';

export type DuplicateMatch = {
  lead: Pick<Lead, 'id' | 'firstName' | 'lastName' | 'company' | 'email' | 'status'>;
  reason: 'email' | 'name_company';
};

/**
 * A possible duplicate is an existing record with the same email, or the same name at the same company (compared
 * without case, accents or extra spaces). Blank keys never match: two visitors without an email are not the same.
 */
export const duplicateReason = (
  candidate: Pick<Lead, 'firstName' | 'lastName' | 'company' | 'email' | 'jobTitle'>,
  existing: Pick<Lead, 'emailKey' | 'nameKey'>,
): DuplicateMatch['reason'] | null => {
  const keys = deriveLeadKeys(candidate);
  if (keys.emailKey !== '' && keys.emailKey === existing.emailKey) return 'email';
  if (keys.nameKey !== '' && keys.nameKey === existing.nameKey) return 'name_company';
  return null;
};
