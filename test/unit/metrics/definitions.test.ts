import { describe, expect, it } from 'vitest';
import {
  convertedAt,
  isOpportunityStage,
  isRelevantLead,
  isoWeekOf,
  recentIsoWeeks,
} from '../../../src-shared/rules/metrics';
import { berlin, fact, stages } from './officeFixture';

describe('definitions', () => {
  it('relevant lead: in sales, prospect, or nurtured with a grade', () => {
    expect(isRelevantLead({ status: 'lead', grade: 'warm' })).toBe(true);
    expect(isRelevantLead({ status: 'prospect', grade: '' })).toBe(true);
    expect(isRelevantLead({ status: 'nurture', grade: 'future' })).toBe(true);
    expect(isRelevantLead({ status: 'nurture', grade: '' })).toBe(false);
    expect(isRelevantLead({ status: 'inquiry', grade: '' })).toBe(false);
    expect(isRelevantLead({ status: 'disqualified', grade: '' })).toBe(false);
  });

  it('opportunity stages: open stages after the first, and won', () => {
    expect(stages.map((stage) => [stage.id, isOpportunityStage(stage.id, stages)])).toEqual([
      ['qualified', false],
      ['seminar_invited', true],
      ['demo_scheduled', true],
      ['proposal', true],
      ['negotiation', true],
      ['won', true],
      ['lost', false],
    ]);
    expect(isOpportunityStage('from-another-playbook', stages)).toBe(false);
  });

  it('converted: first recorded move to an opportunity stage, else the last edit as a fallback', () => {
    const lead = { status: 'lead' as const, stageId: 'lost', value: 0, updatedAt: 99 };
    expect(
      convertedAt(
        lead,
        [
          { stageId: 'demo_scheduled', at: 20 },
          { stageId: 'seminar_invited', at: 10 },
          { stageId: 'lost', at: 30 },
        ],
        stages,
      ),
    ).toBe(10);
    expect(convertedAt(lead, [{ stageId: 'lost', at: 30 }], stages)).toBe(0);
    expect(convertedAt({ ...lead, stageId: 'qualified', value: 5_000 }, [], stages)).toBe(99);
    expect(convertedAt({ ...lead, status: 'nurture', stageId: 'proposal' }, [], stages)).toBe(0);
  });

  it('facts of the fixture: follow-up judgement and conversion moments', () => {
    expect(fact('L1')).toMatchObject({
      followUp: 'on_time',
      firstContactAt: berlin(16, 14),
      convertedAt: berlin(18, 10),
      wonAt: berlin(23, 15),
    });
    expect(fact('L4')).toMatchObject({
      followUp: 'late',
      firstContactAt: berlin(24, 10),
      convertedAt: berlin(25, 14),
      wonAt: 0,
    });
    expect(fact('L6')).toMatchObject({ followUp: 'on_time', convertedAt: berlin(19, 15) });
    expect(fact('L7')).toMatchObject({ relevant: true, assignedAt: 0, followUp: 'no_deadline' });
  });
});

describe('ISO weeks in the user’s time zone', () => {
  it('numbers weeks Monday to Sunday, week 1 holding the first Thursday', () => {
    expect(isoWeekOf(berlin(16, 0, 5), 60).key).toBe('2026-W47'); // Monday just after midnight
    expect(isoWeekOf(berlin(22, 23, 55), 60).key).toBe('2026-W47'); // Sunday night
    expect(isoWeekOf(berlin(23, 0, 30), 60).key).toBe('2026-W48');
    expect(isoWeekOf(berlin(23, 0, 30), 0).key).toBe('2026-W47'); // still Sunday in UTC
    expect(isoWeekOf(Date.UTC(2027, 0, 3, 12), 60).key).toBe('2026-W53'); // Sun 3 Jan 2027
    expect(isoWeekOf(Date.UTC(2027, 0, 4, 12), 60).key).toBe('2027-W01');
  });

  it('follows daylight saving time when given the offset of each moment', () => {
    // Summer time in Berlin ends Sun 25 Oct 2026 01:00 UTC; 22:30 UTC that day is 23:30 CET, still Sunday (W43).
    const sundayNight = Date.UTC(2026, 9, 25, 22, 30);
    const berlinOffsetAt = (at: number) => (at < Date.UTC(2026, 9, 25, 1) ? 120 : 60);
    expect(isoWeekOf(sundayNight, berlinOffsetAt).key).toBe('2026-W43');
    expect(isoWeekOf(sundayNight, 120).key).toBe('2026-W44');
  });

  it('lists the recent weeks oldest first, across the new year', () => {
    expect(recentIsoWeeks(Date.UTC(2027, 0, 6, 12), 3, 60).map((week) => week.key)).toEqual([
      '2026-W52',
      '2026-W53',
      '2027-W01',
    ]);
  });
});
