/**
 * A small iCalendar reader for the VEVENTs this product writes (and simple ones from elsewhere): unfolds lines,
 * splits properties from parameters and unescapes TEXT. Used by the tests to read an export back; date-times are
 * accepted in UTC (`...Z`) form or as floating local time read as UTC.
 */

export type ParsedEvent = {
  uid: string;
  startsAt: number;
  endsAt: number;
  summary: string;
  location: string;
  url: string;
  description: string;
  status: string;
  /** Every property of the event by name (last value wins), raw, for assertions on anything else. */
  properties: Record<string, string>;
};

export type ParsedCalendar = { properties: Record<string, string>; events: ParsedEvent[] };

/** Joins folded lines: a line break followed by one space or tab continues the previous line. */
export const unfoldLines = (text: string): string[] =>
  text
    .replace(/\r\n|\r/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n')
    .filter((line) => line !== '');

export const unescapeText = (value: string): string =>
  value.replace(/\\([\\;,nN])/g, (_match, char: string) => (char === 'n' || char === 'N' ? '\n' : char));

/** `20261122T090000Z` (or a DATE `20261122`) to ms since the epoch; NaN when unreadable. */
export const parseDateTime = (value: string): number => {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value.trim());
  if (!match) return Number.NaN;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
};

/** Splits `NAME;PARAM=x:value` at the first colon outside a quoted parameter value. */
const splitProperty = (line: string): { name: string; value: string } => {
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) {
      const name = (line.slice(0, i).split(';')[0] ?? '').toUpperCase();
      return { name, value: line.slice(i + 1) };
    }
  }
  return { name: line.toUpperCase(), value: '' };
};

const textProperties = new Set(['SUMMARY', 'LOCATION', 'DESCRIPTION', 'X-WR-CALNAME']);

export const parseICalendar = (text: string): ParsedCalendar => {
  const calendar: Record<string, string> = {};
  const events: ParsedEvent[] = [];
  let current: Record<string, string> | null = null;
  for (const line of unfoldLines(text)) {
    const { name, value } = splitProperty(line);
    if (name === 'BEGIN' && value.toUpperCase() === 'VEVENT') {
      current = {};
      continue;
    }
    if (name === 'END' && value.toUpperCase() === 'VEVENT' && current) {
      const properties = current;
      events.push({
        uid: properties.UID ?? '',
        startsAt: parseDateTime(properties.DTSTART ?? ''),
        endsAt: parseDateTime(properties.DTEND ?? ''),
        summary: properties.SUMMARY ?? '',
        location: properties.LOCATION ?? '',
        url: properties.URL ?? '',
        description: properties.DESCRIPTION ?? '',
        status: properties.STATUS ?? '',
        properties,
      });
      current = null;
      continue;
    }
    if (name === 'BEGIN' || name === 'END') continue;
    const target = current ?? calendar;
    target[name] = textProperties.has(name) ? unescapeText(value) : value;
  }
  return { properties: calendar, events };
};
