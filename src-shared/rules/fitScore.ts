import type { LeadProfile } from '../domain/lead';
import type { ProfileCriterion } from '../domain/playbook';

/**
 * Fit score 0-100: how closely a contact matches the ideal prospect profile. Each criterion contributes its weight
 * times the fit (0..1) of the value picked; a criterion left blank contributes nothing, so an unknown company scores
 * low until the rep learns more. Criteria with weight 0 are ignored.
 */
export const fitScore = (criteria: readonly ProfileCriterion[], profile: LeadProfile): number => {
  const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  if (totalWeight <= 0) return 0;
  const earned = criteria.reduce((sum, criterion) => {
    const picked = criterion.values.find((value) => value.id === profile[criterion.field]);
    return sum + criterion.weight * (picked?.fit ?? 0);
  }, 0);
  return Math.round((100 * earned) / totalWeight);
};
