import { calendarDay } from '../followUpQueue';

const dayMs = 86_400_000;

/**
 * The user's offset from UTC in minutes (east positive): one number, or a function of the moment when the figures
 * span a daylight-saving change (the renderer passes `at => -new Date(at).getTimezoneOffset()`).
 */
export type UtcOffset = number | ((at: number) => number);

const offsetAt = (offset: UtcOffset, at: number): number =>
  typeof offset === 'number' ? offset : offset(at);

/** An ISO 8601 week (Monday to Sunday; week 1 holds the year's first Thursday) of the user's calendar. */
export type IsoWeek = {
  /** "2026-W47": sorts in time order. */
  key: string;
  year: number;
  week: number;
  /** The Monday as a day count since 1970-01-01 (the user's calendar day, see followUpQueue.calendarDay). */
  monday: number;
};

export const isoWeekOfDay = (day: number): IsoWeek => {
  // 1970-01-01 was a Thursday: ISO weekday 4.
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  const monday = day - (weekday - 1);
  const thursday = monday + 3;
  const year = new Date(thursday * dayMs).getUTCFullYear();
  const firstOfYear = Date.UTC(year, 0, 1) / dayMs;
  const week = Math.floor((thursday - firstOfYear) / 7) + 1;
  return { key: `${year}-W${String(week).padStart(2, '0')}`, year, week, monday };
};

/** The ISO week a moment falls in, in the user's time zone. */
export const isoWeekOf = (at: number, offset: UtcOffset): IsoWeek =>
  isoWeekOfDay(calendarDay(at, offsetAt(offset, at)));

/** The `count` ISO weeks ending with the one holding `now`, oldest first. */
export const recentIsoWeeks = (now: number, count: number, offset: UtcOffset): IsoWeek[] => {
  const current = isoWeekOf(now, offset);
  return Array.from({ length: count }, (_, i) => isoWeekOfDay(current.monday - 7 * (count - 1 - i)));
};

/** The Monday of a week as a UTC midnight, for labels formatted with `timeZone: 'UTC'` ("16 Nov"). */
export const weekMondayUtc = (week: Pick<IsoWeek, 'monday'>): number => week.monday * dayMs;
