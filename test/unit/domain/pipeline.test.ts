import { describe, expect, it } from 'vitest';
import { expectedValue, forecastByMonth, isOpenOpportunity } from '../../../src-shared/rules/pipeline';
import { playbook } from './fixtures';

const stages = playbook.stages; // proposal 60 %, negotiation 80 %, won 100 %, lost 0 %
const lead = (
  stageId: string,
  value: number,
  expectedCloseMonth = '',
  status: 'lead' | 'nurture' = 'lead',
) => ({
  status,
  stageId,
  value,
  expectedCloseMonth,
});

describe('pipeline value', () => {
  it('weighs value by the stage probability', () => {
    expect(expectedValue(lead('proposal', 10_000), stages)).toBe(6_000);
    expect(expectedValue(lead('won', 10_000), stages)).toBe(10_000);
    expect(expectedValue(lead('lost', 10_000), stages)).toBe(0);
    expect(expectedValue(lead('proposal', 10_000, '', 'nurture'), stages)).toBe(0);
    expect(expectedValue(lead('unknown-stage', 10_000), stages)).toBe(0);
  });

  it('counts only open stages as opportunities', () => {
    expect(isOpenOpportunity(lead('negotiation', 1), stages)).toBe(true);
    expect(isOpenOpportunity(lead('won', 1), stages)).toBe(false);
    expect(isOpenOpportunity(lead('lost', 1), stages)).toBe(false);
  });

  it('forecasts by expected close month, months in order and undated last', () => {
    // 2027-01: 10,000 x 60 % + 5,000 x 80 % = 10,000; 2026-12: 20,000 x 80 % = 16,000; undated: 1,000 x 10 % = 100
    const forecast = forecastByMonth(
      [
        lead('proposal', 10_000, '2027-01'),
        lead('negotiation', 5_000, '2027-01'),
        lead('negotiation', 20_000, '2026-12'),
        lead('qualified', 1_000, ''),
        lead('won', 99_000, '2026-12'),
        lead('lost', 50_000, '2026-12'),
      ],
      stages,
    );
    expect(forecast).toEqual([
      { month: '2026-12', expected: 16_000, value: 20_000, count: 1 },
      { month: '2027-01', expected: 10_000, value: 15_000, count: 2 },
      { month: '', expected: 100, value: 1_000, count: 1 },
    ]);
  });
});
