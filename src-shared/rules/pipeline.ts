import type { Lead } from '../domain/lead';
import type { SalesStage } from '../domain/playbook';

/**
 * Expected value of one lead: its value times the win probability of its sales stage. Closed-lost and records
 * outside sales count nothing; won counts its full value (probability 100 in the playbook).
 */
export const expectedValue = (
  lead: Pick<Lead, 'status' | 'stageId' | 'value'>,
  stages: readonly Pick<SalesStage, 'id' | 'probability'>[],
): number => {
  if (lead.status !== 'lead' || lead.stageId === '') return 0;
  const stage = stages.find((candidate) => candidate.id === lead.stageId);
  return stage ? (lead.value * stage.probability) / 100 : 0;
};

/** Open pipeline: leads in sales at a stage whose outcome is still open. */
export const isOpenOpportunity = (
  lead: Pick<Lead, 'status' | 'stageId'>,
  stages: readonly Pick<SalesStage, 'id' | 'outcome'>[],
): boolean =>
  lead.status === 'lead' && stages.some((stage) => stage.id === lead.stageId && stage.outcome === 'open');

export type ForecastMonth = { month: string; expected: number; value: number; count: number };

/**
 * Forecast = sum of value x stage probability of open opportunities, by expected close month ("YYYY-MM"), oldest
 * month first. Opportunities without a close month are grouped under "" so they are visible, not dropped.
 */
export const forecastByMonth = (
  leads: readonly Pick<Lead, 'status' | 'stageId' | 'value' | 'expectedCloseMonth'>[],
  stages: readonly Pick<SalesStage, 'id' | 'probability' | 'outcome'>[],
): ForecastMonth[] => {
  const months = new Map<string, ForecastMonth>();
  for (const lead of leads) {
    if (!isOpenOpportunity(lead, stages)) continue;
    const month = months.get(lead.expectedCloseMonth) ?? {
      month: lead.expectedCloseMonth,
      expected: 0,
      value: 0,
      count: 0,
    };
    month.expected += expectedValue(lead, stages);
    month.value += lead.value;
    month.count += 1;
    months.set(lead.expectedCloseMonth, month);
  }
  return [...months.values()].sort((a, b) =>
    a.month === '' ? 1 : b.month === '' ? -1 : a.month.localeCompare(b.month),
  );
};
