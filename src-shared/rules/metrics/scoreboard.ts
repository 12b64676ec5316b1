import type { LeadFacts } from './definitions';
import type { IsoWeek, UtcOffset } from './weeks';
import { isoWeekOf } from './weeks';

/**
 * The weekly scoreboard, per campaign or per rep. Each figure lands in the ISO week (user's time zone) of the
 * moment it is about:
 * - leads assigned: records that entered sales, in the week they did, for their current owner;
 * - followed up on time (and the deadlines judged, for the rate): in the week the lead was assigned, so a week's
 *   row reads "of the leads assigned that week, this many were followed up on time";
 * - converted (became an opportunity): in the week it did;
 * - won and won value: in the week the deal was won.
 */
export type ScoreboardGrouping = 'campaign' | 'rep';

export type WeekFigures = {
  assigned: number;
  followedUpOnTime: number;
  /** Deadlines decided (on time, late or missed) among the week's assigned leads: the rate's denominator. */
  followUpsJudged: number;
  converted: number;
  won: number;
  wonValue: number;
};

export type ScoreboardRow = {
  /** Campaign id ('' = no campaign) or owner id. */
  key: string;
  /** One entry per requested week, in the same order. */
  weeks: WeekFigures[];
  /** The sum over the requested weeks. */
  total: WeekFigures;
};

export const emptyWeekFigures = (): WeekFigures => ({
  assigned: 0,
  followedUpOnTime: 0,
  followUpsJudged: 0,
  converted: 0,
  won: 0,
  wonValue: 0,
});

export type ScoreboardOptions = {
  groupBy: ScoreboardGrouping;
  weeks: readonly Pick<IsoWeek, 'key'>[];
  utcOffset: UtcOffset;
  /** Rows to show even without figures (e.g. every campaign or every rep of the team), in this order. */
  keys?: readonly string[];
};

type ScoreFacts = Pick<
  LeadFacts,
  'campaignId' | 'ownerId' | 'value' | 'assignedAt' | 'followUp' | 'convertedAt' | 'wonAt'
>;

/** Rows of the given keys first (in order), then any other key with figures, by key. */
export const scoreboardByWeek = (
  facts: readonly ScoreFacts[],
  options: ScoreboardOptions,
): ScoreboardRow[] => {
  const weekIndex = new Map(options.weeks.map((week, index) => [week.key, index]));
  const rows = new Map<string, ScoreboardRow>();
  const rowFor = (key: string): ScoreboardRow => {
    let row = rows.get(key);
    if (!row) {
      row = { key, weeks: options.weeks.map(emptyWeekFigures), total: emptyWeekFigures() };
      rows.set(key, row);
    }
    return row;
  };
  for (const key of options.keys ?? []) rowFor(key);
  const add = (key: string, at: number, apply: (figures: WeekFigures) => void) => {
    if (at <= 0) return;
    const index = weekIndex.get(isoWeekOf(at, options.utcOffset).key);
    if (index === undefined) return;
    const row = rowFor(key);
    const week = row.weeks[index];
    if (week) apply(week);
    apply(row.total);
  };
  for (const fact of facts) {
    const key = options.groupBy === 'campaign' ? fact.campaignId : fact.ownerId;
    add(key, fact.assignedAt, (figures) => {
      figures.assigned += 1;
      if (fact.followUp === 'on_time') figures.followedUpOnTime += 1;
      if (fact.followUp === 'on_time' || fact.followUp === 'late' || fact.followUp === 'missed')
        figures.followUpsJudged += 1;
    });
    add(key, fact.convertedAt, (figures) => {
      figures.converted += 1;
    });
    add(key, fact.wonAt, (figures) => {
      figures.won += 1;
      figures.wonValue += fact.value;
    });
  }
  const given = new Set(options.keys ?? []);
  const others = [...rows.keys()].filter((key) => !given.has(key)).sort();
  return [...(options.keys ?? []), ...others].map((key) => rowFor(key));
};
