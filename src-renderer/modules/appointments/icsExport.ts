import type { SaveFileResult } from '../../../src-shared/bridge/desktopApi';
import type { CalendarEvent } from '../../../src-shared/ics/icalendar';
import { toICalendar } from '../../../src-shared/ics/icalendar';
import { getDesktop } from '../../bridge/desktop';
import { toDateInput } from '../seminars';

/** A file-name-safe slug: ASCII letters and digits joined by dashes. */
export const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

export const icsFileName = (prefix: string, startsAt: number): string =>
  `${[slug(prefix), toDateInput(startsAt)].filter(Boolean).join('-')}.ics`;

/**
 * Writes events as one .ics through the desktop bridge: Electron's save dialog, or a download in the web build.
 * Returns a sentence for the user.
 */
export const saveCalendarFile = async (
  events: readonly CalendarEvent[],
  suggestedName: string,
  calendarName?: string,
): Promise<{ tone: 'success' | 'error' | 'info'; message: string }> => {
  if (events.length === 0) return { tone: 'info', message: 'Nothing to export in this period.' };
  const content = toICalendar(events, { now: Date.now(), name: calendarName });
  let result: SaveFileResult;
  try {
    result = await getDesktop().saveFile({
      suggestedName,
      content,
      mimeType: 'text/calendar',
      filters: [{ name: 'Calendar', extensions: ['ics'] }],
    });
  } catch (error) {
    return {
      tone: 'error',
      message: `Could not export: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (result.saved) {
    const what = events.length === 1 ? 'the appointment' : `${events.length} appointments`;
    return { tone: 'success', message: `Exported ${what} to ${result.path}` };
  }
  return result.reason === 'cancelled'
    ? { tone: 'info', message: 'Export cancelled' }
    : { tone: 'error', message: `Could not export: ${result.message ?? 'the file was not saved'}` };
};
