import Papa from 'papaparse';
import type { SaveFileResult } from '../../../src-shared/bridge/desktopApi';
import { getDesktop } from '../../bridge/desktop';

/** "fairlead-leads-2026-11-16.csv": what was exported and the local day it was. */
export const csvFileName = (what: string, now = new Date()): string => {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `fairlead-${what}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
};

/**
 * Saves rows as a CSV file through the desktop bridge (a save dialog in Electron, a download in the browser).
 * CRLF line ends as RFC 4180 and spreadsheets expect; a byte-order mark so spreadsheets read UTF-8 accents right.
 */
export const saveCsv = (
  rows: readonly (readonly string[])[],
  suggestedName: string,
): Promise<SaveFileResult> =>
  getDesktop().saveFile({
    suggestedName,
    content: `\uFEFF${Papa.unparse(
      rows.map((row) => [...row]),
      { newline: '\r\n' },
    )}`,
    mimeType: 'text/csv',
    filters: [{ name: 'CSV', extensions: ['csv'] }],
  });

/** A sentence for the result of a save. */
export const describeSave = (
  result: SaveFileResult,
  what: string,
): { text: string; tone: 'success' | 'error' | 'info' } =>
  result.saved
    ? { text: `Exported ${what} to ${result.path}`, tone: 'success' }
    : result.reason === 'cancelled'
      ? { text: 'Export cancelled', tone: 'info' }
      : { text: `Could not save the file${result.message ? `: ${result.message}` : ''}`, tone: 'error' };
