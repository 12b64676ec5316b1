/** Deal values carry no currency in the playbook; shown as whole amounts with the user's digit grouping. */
export const moneyFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
export const money = (value: number): string => moneyFormat.format(value);

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2026-12" as "Dec 2026"; '' (no close month set) said in words. */
export const monthLabel = (month: string): string => {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return 'No close month';
  return monthFormat.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
};

export const momentFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
