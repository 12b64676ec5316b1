import Papa from 'papaparse';
import type { ImportRow } from '../../../src-shared/csv/importRows';
import { isBlankRow } from '../../../src-shared/csv/importRows';

/** The file as read: the header row and every non-blank data row, numbered as a spreadsheet shows them. */
export type ParsedCsv = { fileName: string; headers: string[]; rows: ImportRow[]; blankRows: number };

/** Far above a purchased list or a web-download export; beyond it the person is asked to split the file. */
export const maxImportRows = 50_000;
const chunkBytes = 256 * 1024;

/**
 * Reads a CSV file in chunks on the page, pausing after each so the UI keeps painting (a papaparse Web Worker
 * would need `blob:` workers, which the app's content security policy does not allow). The delimiter is
 * detected (comma, semicolon from German spreadsheets, tab), quotes and line breaks inside cells are handled,
 * a byte-order mark is dropped. Rows the reader could not read carry its message for the report.
 */
export const parseCsvFile = (file: File, onProgress: (share: number) => void): Promise<ParsedCsv> =>
  new Promise((resolve, reject) => {
    let headers: string[] | null = null;
    const rows: ImportRow[] = [];
    let blankRows = 0;
    let heldEmpty = false;
    let record = 0;
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      reject(new Error(message));
    };
    Papa.parse<string[]>(file, {
      header: false,
      skipEmptyLines: false,
      chunkSize: chunkBytes,
      chunk: (results, parser) => {
        const errors = new Map<number, string>();
        for (const error of results.errors)
          if (typeof error.row === 'number') errors.set(error.row, error.message);
        results.data.forEach((cells, index) => {
          record += 1;
          if (headers === null) {
            headers = cells.map((header) => header.replace(/^\uFEFF/, '').trim());
            return;
          }
          // The empty record after a file's final line break is no line; an empty line before more data is.
          if (heldEmpty) blankRows += 1;
          heldEmpty = cells.length === 1 && cells[0] === '';
          if (heldEmpty) return;
          if (isBlankRow(cells)) {
            blankRows += 1;
            return;
          }
          const parseError = errors.get(index);
          rows.push(parseError ? { rowNumber: record, cells, parseError } : { rowNumber: record, cells });
        });
        if (rows.length > maxImportRows) {
          parser.abort();
          fail(`The file has more than ${maxImportRows.toLocaleString()} rows. Split it into smaller files.`);
          return;
        }
        onProgress(file.size > 0 ? Math.min(1, results.meta.cursor / file.size) : 1);
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete: () => {
        if (settled) return;
        if (headers === null || headers.every((header) => header === '')) {
          fail('The file is empty: the first row must name the columns.');
          return;
        }
        settled = true;
        resolve({ fileName: file.name, headers, rows, blankRows });
      },
      error: (error) => fail(`The file could not be read: ${error.message}`),
    });
  });
