const pad = (value: number) => String(value).padStart(2, '0');

/** A moment as the YYYY-MM-DD of a date input, in local time. */
export const toDateInput = (ms: number): string => {
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/**
 * A date typed as YYYY-MM-DD means that day, 09:00 local time (as for revisit dates): follow-ups are days, and
 * the morning keeps them on the same day in every nearby time zone. 0 when empty or malformed.
 */
export const fromDateInput = (value: string): number => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return 0;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 9, 0, 0).getTime();
};

/** The date `days` calendar days after `from`, skipping to Monday when it falls on a weekend. */
export const quickDate = (from: number, days: number): string => {
  const date = new Date(from);
  date.setDate(date.getDate() + days);
  const weekday = date.getDay();
  if (weekday === 6) date.setDate(date.getDate() + 2);
  if (weekday === 0) date.setDate(date.getDate() + 1);
  return toDateInput(date.getTime());
};

export const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
/** Short enough for the timeline's time column: weekday, day, month and time. */
export const momentFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
/** Who did something: the user's own name marked, unless the name already says it (a device-only "Me"). */
export const personLabel = (name: string, isMe: boolean): string =>
  isMe && name !== 'Me' ? `${name} (me)` : name;
export const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
