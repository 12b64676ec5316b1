import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { autoMapColumns } from '../../../src-shared/csv/columnMapping';
import type { ImportProblem, ValidImportRow } from '../../../src-shared/csv/importRows';
import { checkImportRow, isBlankRow, separateDuplicates } from '../../../src-shared/csv/importRows';

/** The e2e import file, checked with the pure rules so the e2e expectations have one source. */
const text = readFileSync(new URL('../../fixtures/inquiries.csv', import.meta.url), 'utf8');

describe('test/fixtures/inquiries.csv', () => {
  it('imports six rows and rejects five with their reasons', () => {
    const [header = [], ...data] = Papa.parse<string[]>(text).data;
    const mapping = autoMapColumns(header);
    expect(mapping).toEqual({
      firstName: 0,
      lastName: 1,
      fullName: null,
      company: 2,
      jobTitle: 3,
      email: 4,
      phone: 5,
      notes: 9,
    });
    const valid: ValidImportRow[] = [];
    const problems: ImportProblem[] = [];
    data.forEach((cells, index) => {
      if (isBlankRow(cells)) return;
      const result = checkImportRow({ rowNumber: index + 2, cells }, mapping, 'camp-1');
      if (result.ok) valid.push(result.row);
      else problems.push(...result.problems);
    });
    const existing = {
      byEmail: new Map([
        ['greta@hofmann.example', { id: 'g', label: 'Greta Hofmann · greta@hofmann.example' }],
      ]),
      byName: new Map(),
    };
    const { unique, duplicates } = separateDuplicates(valid, existing);
    expect(unique.map((row) => `${row.rowNumber} ${row.capture.lastName}`)).toEqual([
      '2 Wagner',
      '3 Becker',
      '6 Dubois',
      '9 Hughes',
      '10 García',
      '13 Lindqvist',
    ]);
    expect(unique[2]?.capture.notes).toBe('Two plants:\nLyon and Rouen');
    expect(
      [...problems, ...duplicates]
        .sort((a, b) => a.rowNumber - b.rowNumber)
        .map((problem) => [problem.rowNumber, problem.kind, problem.field, problem.message]),
    ).toEqual([
      [4, 'invalid', 'email', 'Enter a valid email address, like name@company.com'],
      [5, 'invalid', 'lastName', 'Last name is required'],
      [7, 'duplicate', 'email', 'Same email as row 2'],
      [8, 'duplicate', 'email', 'Already in your data: Greta Hofmann · greta@hofmann.example (same email)'],
      [12, 'invalid', 'phone', 'Enter a phone number using digits, spaces and + ( ) - . /'],
    ]);
  });
});
