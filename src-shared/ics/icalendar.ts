/**
 * iCalendar (RFC 5545) generation for exported appointments: pure, so the renderer, the tests and any future
 * server export produce byte-identical files. Times are written in UTC (`...Z`), which every calendar program
 * reads without a VTIMEZONE block.
 */

export type CalendarEventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export type CalendarEvent = {
  /** Globally unique and stable across exports, so re-importing updates the event instead of duplicating it. */
  uid: string;
  startsAt: number;
  endsAt: number;
  summary: string;
  location?: string;
  url?: string;
  description?: string;
  status?: CalendarEventStatus;
  /** When the source record last changed (LAST-MODIFIED). */
  updatedAt?: number;
};

export type CalendarOptions = {
  /** DTSTAMP: when this file was made. */
  now: number;
  /** X-WR-CALNAME, shown by some programs as the calendar's name. */
  name?: string;
};

export const productId = '-//Fairlead//Fairlead CRM//EN';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** UTC date-time form `20261122T090000Z` (RFC 5545 3.3.5, form #2). */
export const formatUtc = (ms: number): string => {
  const date = new Date(ms);
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
};

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export const escapeText = (text: string): string =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

const utf8Length = (codePoint: number): number =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/**
 * Folds a content line to at most 75 octets per line (RFC 5545 3.1): continuation lines start with one space,
 * which counts toward their 75. Splits only between characters, never inside a UTF-8 sequence.
 */
export const foldLine = (line: string): string => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
};

const eventLines = (event: CalendarEvent, now: number): string[] => {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${formatUtc(now)}`,
    `DTSTART:${formatUtc(event.startsAt)}`,
    `DTEND:${formatUtc(event.endsAt)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  // URL is a URI value, not TEXT: it is not escaped (a comma in a link stays a comma).
  if (event.url) lines.push(`URL:${event.url.replace(/[\r\n]/g, '')}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.status) lines.push(`STATUS:${event.status}`);
  if (event.updatedAt) lines.push(`LAST-MODIFIED:${formatUtc(event.updatedAt)}`);
  lines.push('END:VEVENT');
  return lines;
};

/** A complete VCALENDAR with one VEVENT per event, CRLF line endings, folded. */
export const toICalendar = (events: readonly CalendarEvent[], options: CalendarOptions): string => {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${productId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  for (const event of events) lines.push(...eventLines(event, options.now));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
};
