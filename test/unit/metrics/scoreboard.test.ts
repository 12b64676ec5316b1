import { describe, expect, it } from 'vitest';
import {
  competitionPoints,
  leaderboardPoints,
  pointsFor,
  recentIsoWeeks,
  scoreboardByWeek,
} from '../../../src-shared/rules/metrics';
import type { WeekFigures } from '../../../src-shared/rules/metrics';
import { berlinOffset, facts, judgedAt } from './officeFixture';

// Worked out by hand from the table in officeFixture.ts. Weeks W47 (16-22 Nov) and W48 (23-29 Nov) in Berlin.
const weeks = recentIsoWeeks(judgedAt, 2, berlinOffset);

const figures = (
  assigned: number,
  followedUpOnTime: number,
  followUpsJudged: number,
  converted: number,
  won: number,
  wonValue: number,
): WeekFigures => ({ assigned, followedUpOnTime, followUpsJudged, converted, won, wonValue });

describe('scoreboard by week', () => {
  it('per rep: assigned, on time, converted, won and value land in their ISO week', () => {
    const rows = scoreboardByWeek(facts, {
      groupBy: 'rep',
      weeks,
      utcOffset: berlinOffset,
      keys: ['rita', 'ravi', 'rosa'],
    });
    expect(weeks.map((week) => week.key)).toEqual(['2026-W47', '2026-W48']);
    expect(rows).toEqual([
      {
        key: 'rita',
        weeks: [
          // W47: assigned L1 L2 L6; on time L1 L6 (L2 late) of 3 judged; converted L1 (Wed 18), L2 (Fri 20),
          // L6 (last edit Thu 19); nothing won yet
          figures(3, 2, 3, 3, 0, 0),
          // W48: assigned L5 (pending, not judged) and L13 (Mon 00:30 Berlin, on time); converted L13 (won Thu 26);
          // won L1 (Mon 23, 40,000) and L13 (10,000)
          figures(2, 1, 1, 1, 2, 50_000),
        ],
        total: figures(5, 3, 4, 4, 2, 50_000),
      },
      {
        key: 'ravi',
        weeks: [
          // W47: assigned L3 (missed) and L12 (on time); L12 was lost from the first stage: not converted.
          // L15 was assigned in W46, outside the weeks asked for.
          figures(2, 1, 2, 0, 0, 0),
          // W48: assigned L4 (late); converted L4 (demo Wed 25), lost afterwards
          figures(1, 0, 1, 1, 0, 0),
        ],
        total: figures(3, 1, 3, 1, 0, 0),
      },
      // Rosa has nothing yet but is on the team, so she is listed.
      {
        key: 'rosa',
        weeks: [figures(0, 0, 0, 0, 0, 0), figures(0, 0, 0, 0, 0, 0)],
        total: figures(0, 0, 0, 0, 0, 0),
      },
    ]);
  });

  it('per campaign', () => {
    const rows = scoreboardByWeek(facts, { groupBy: 'campaign', weeks, utcOffset: berlinOffset });
    expect(rows).toEqual([
      {
        key: 'camp-fair',
        weeks: [
          // W47: assigned L1 L2 L3 L6 L12; on time L1 L6 L12 of 5 judged; converted L1 L2 L6
          figures(5, 3, 5, 3, 0, 0),
          // W48: assigned L4 L5; judged L4 (late); converted L4; won L1 40,000
          figures(2, 0, 1, 1, 1, 40_000),
        ],
        total: figures(7, 3, 6, 4, 1, 40_000),
      },
      // camp-web: L13, all in W48 in Berlin
      {
        key: 'camp-web',
        weeks: [figures(0, 0, 0, 0, 0, 0), figures(1, 1, 1, 1, 1, 10_000)],
        total: figures(1, 1, 1, 1, 1, 10_000),
      },
      // no campaign: L15 is outside the weeks, L14 is an inquiry, so there is no row
    ]);
  });

  it('uses the user’s time zone: L13 entered sales on Sunday in UTC, on Monday in Berlin', () => {
    const utcWeeks = recentIsoWeeks(judgedAt, 2, 0);
    const rows = scoreboardByWeek(facts, { groupBy: 'campaign', weeks: utcWeeks, utcOffset: 0 });
    const web = rows.find((row) => row.key === 'camp-web');
    // assigned and followed up in W47 (Sun 22 Nov 23:30 UTC); converted and won Thu 26: W48
    expect(web?.weeks).toEqual([figures(1, 1, 1, 0, 0, 0), figures(0, 0, 0, 1, 1, 10_000)]);
  });
});

describe('competition points', () => {
  it('scores 3 per on-time follow-up, 5 per conversion, 10 per won deal', () => {
    expect(competitionPoints).toEqual({ onTimeFollowUp: 3, conversion: 5, won: 10 });
    // Rita: 3 on time x 3 + 4 converted x 5 + 2 won x 10 = 9 + 20 + 20
    expect(pointsFor(figures(5, 3, 4, 4, 2, 50_000))).toBe(49);
  });

  it('ranks the leaderboard, equal points share a rank', () => {
    const rows = scoreboardByWeek(facts, {
      groupBy: 'rep',
      weeks,
      utcOffset: berlinOffset,
      keys: ['rosa', 'ravi', 'rita'],
    });
    expect(leaderboardPoints(rows).map(({ key, rank, points }) => ({ key, rank, points }))).toEqual([
      { key: 'rita', rank: 1, points: 49 },
      // Ravi: 1 on time x 3 + 1 converted x 5 = 8
      { key: 'ravi', rank: 2, points: 8 },
      { key: 'rosa', rank: 3, points: 0 },
    ]);
    const tied = leaderboardPoints([
      { key: 'a', total: figures(1, 0, 0, 0, 1, 0) }, // 10
      { key: 'b', total: figures(0, 0, 0, 2, 0, 0) }, // 10
      { key: 'c', total: figures(3, 3, 3, 0, 0, 0) }, // 9
    ]);
    expect(tied.map(({ key, rank, points }) => [key, rank, points])).toEqual([
      ['a', 1, 10],
      ['b', 1, 10],
      ['c', 3, 9],
    ]);
  });
});
