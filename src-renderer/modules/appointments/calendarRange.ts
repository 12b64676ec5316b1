/**
 * Calendar periods in the user's local time. Weeks start on Monday (ISO 8601, as our customers' diaries do).
 * Days are stepped with setDate, not by adding 24 h, so a daylight-saving change never shifts the grid.
 */
export type CalendarView = 'day' | 'week';

export type CalendarPeriod = { view: CalendarView; from: number; to: number; days: number[] };

export const startOfDay = (ms: number): number => new Date(ms).setHours(0, 0, 0, 0);

export const addDays = (ms: number, days: number): number => {
  const date = new Date(ms);
  date.setDate(date.getDate() + days);
  return date.getTime();
};

export const startOfWeek = (ms: number): number => {
  const day = startOfDay(ms);
  const weekday = (new Date(day).getDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
};

export const periodOf = (view: CalendarView, anchor: number): CalendarPeriod => {
  const from = view === 'day' ? startOfDay(anchor) : startOfWeek(anchor);
  const count = view === 'day' ? 1 : 7;
  const days = Array.from({ length: count }, (_, i) => addDays(from, i));
  return { view, from, to: addDays(from, count), days };
};

/** The anchor one period earlier (-1) or later (+1). */
export const shiftAnchor = (view: CalendarView, anchor: number, direction: -1 | 1): number =>
  addDays(anchor, direction * (view === 'day' ? 1 : 7));

const dayLabel = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const yearFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** ISO week number, shown in the week view's title. */
export const isoWeek = (ms: number): number => {
  const date = new Date(startOfDay(ms));
  date.setDate(date.getDate() + 3 - ((date.getDay() + 6) % 7));
  const firstThursday = new Date(date.getFullYear(), 0, 4);
  return (
    1 +
    Math.round(
      ((date.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getDay() + 6) % 7)) / 7,
    )
  );
};

export const periodLabel = (period: CalendarPeriod): string => {
  if (period.view === 'day') return dayLabel.format(period.from);
  const last = addDays(period.to, -1);
  return `Week ${isoWeek(period.from)} · ${shortDay.format(period.from)} – ${yearFormat.format(last)}`;
};

export type Positioned<T> = { item: T; top: number; height: number; lane: number; lanes: number };

/**
 * Places one day's events on a time grid: minutes from `gridStart` become pixels; overlapping events share the
 * width in lanes, so none hides another.
 */
export const layoutDay = <T extends { startsAt: number; endsAt: number }>(
  items: readonly T[],
  gridStart: number,
  pixelsPerMinute: number,
): Positioned<T>[] => {
  const sorted = [...items].sort((a, b) => a.startsAt - b.startsAt || b.endsAt - a.endsAt);
  const placed: Positioned<T>[] = [];
  let cluster: Positioned<T>[] = [];
  let clusterEnd = -Infinity;
  const closeCluster = () => {
    const lanes = Math.max(1, ...cluster.map((entry) => entry.lane + 1));
    for (const entry of cluster) entry.lanes = lanes;
    cluster = [];
  };
  for (const item of sorted) {
    if (item.startsAt >= clusterEnd) closeCluster();
    const laneEnds = cluster.reduce<number[]>((ends, entry) => {
      ends[entry.lane] = Math.max(ends[entry.lane] ?? -Infinity, entry.item.endsAt);
      return ends;
    }, []);
    let lane = laneEnds.findIndex((end) => end <= item.startsAt);
    if (lane === -1) lane = laneEnds.length;
    const entry: Positioned<T> = {
      item,
      top: ((item.startsAt - gridStart) / 60_000) * pixelsPerMinute,
      height: Math.max(22, ((item.endsAt - item.startsAt) / 60_000) * pixelsPerMinute),
      lane,
      lanes: 1,
    };
    cluster.push(entry);
    placed.push(entry);
    clusterEnd = Math.max(clusterEnd, item.endsAt);
  }
  closeCluster();
  return placed;
};
