import { describe, expect, it } from 'vitest';
import { fitScore } from '../../../src-shared/rules/fitScore';
import { playbook } from './fixtures';

const blank = { industry: '', companySize: '', region: '', role: '' };

describe('fitScore', () => {
  it('is 100 for the ideal prospect profile', () => {
    expect(
      fitScore(playbook.profileCriteria, {
        industry: 'manufacturing',
        companySize: '50-249',
        region: 'territory',
        role: 'executive',
      }),
    ).toBe(100);
  });

  it('is 0 when nothing is known', () => {
    expect(fitScore(playbook.profileCriteria, blank)).toBe(0);
  });

  it('weighs each criterion by its weight and the fit of the value picked', () => {
    // industry logistics 35 * 0.6 = 21; size 10-49 25 * 0.5 = 12.5; region 0; role specialist 25 * 0.6 = 15 -> 48.5 of 100
    expect(
      fitScore(playbook.profileCriteria, {
        industry: 'logistics',
        companySize: '10-49',
        region: '',
        role: 'specialist',
      }),
    ).toBe(49);
  });

  it('ignores values that are not in the profile and is 0 without weighted criteria', () => {
    expect(fitScore(playbook.profileCriteria, { ...blank, industry: 'unknown-value' })).toBe(0);
    expect(fitScore([], { ...blank, industry: 'manufacturing' })).toBe(0);
  });
});
