/**
 * How office figures read on screen. Campaigns carry no currency, so amounts are plain grouped numbers in the
 * user's locale; shares are whole percentages.
 */
const amountFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const weekFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

const smallAmountFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export const formatAmount = (value: number): string => amountFormat.format(value);

/** A cost per unit: cents matter when a large campaign brings many leads cheaply (2.20, not 2). */
export const formatUnitCost = (value: number): string =>
  Math.abs(value) < 100 ? smallAmountFormat.format(value) : amountFormat.format(value);

export const formatShare = (share: number | null, empty = '–'): string =>
  share === null ? empty : percentFormat.format(share);

export const formatDate = (at: number): string => dateFormat.format(at);

/** A week's Monday given as UTC midnight (metrics.weekMondayUtc), e.g. "Nov 16". */
export const formatWeekStart = (mondayUtc: number): string => weekFormat.format(mondayUtc);

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${formatAmount(count)} ${count === 1 ? one : many}`;
