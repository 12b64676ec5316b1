import { describe, expect, it } from 'vitest';
import {
  autoMapColumns,
  emptyMapping,
  importFieldLabels,
  mappingProblems,
  splitFullName,
} from '../../../src-shared/csv/columnMapping';
import type { ImportRow } from '../../../src-shared/csv/importRows';
import {
  checkImportRow,
  isBlankRow,
  keysToLookUp,
  problemReportRows,
  separateDuplicates,
  unreachableMessage,
} from '../../../src-shared/csv/importRows';
import type { ValidImportRow } from '../../../src-shared/csv/importRows';

describe('column auto-mapping', () => {
  it('recognises English and German header names, case, accents and punctuation aside', () => {
    const mapping = autoMapColumns([
      'Vorname',
      'Nachname',
      'Firma',
      'Position',
      'E-Mail',
      'Telefon',
      'Bemerkung',
    ]);
    expect(mapping).toEqual({
      firstName: 0,
      lastName: 1,
      fullName: null,
      company: 2,
      jobTitle: 3,
      email: 4,
      phone: 5,
      notes: 6,
    });
    expect(
      autoMapColumns(['given_name', 'SURNAME', 'Organisation', 'e-mail address', 'Job Title']),
    ).toMatchObject({
      firstName: 0,
      lastName: 1,
      company: 2,
      email: 3,
      jobTitle: 4,
    });
  });

  it('falls back to headers containing a known name and leaves unknown columns unmapped', () => {
    const mapping = autoMapColumns(['Business Email', 'Work phone', 'Company Name', 'Lead source', 'Name']);
    expect(mapping).toMatchObject({
      email: 0,
      phone: 1,
      company: 2,
      fullName: 4,
      firstName: null,
      lastName: null,
    });
    expect(mappingProblems(mapping)).toEqual([]);
  });

  it('asks for a name column when there is none', () => {
    expect(mappingProblems(emptyMapping())).toHaveLength(2);
    expect(mappingProblems({ ...emptyMapping(), firstName: 0 })).toEqual([
      'Choose the column with the last name (or a full name).',
    ]);
  });

  it('splits full names', () => {
    expect(splitFullName('Anna Maria  Berg')).toEqual({ firstName: 'Anna Maria', lastName: 'Berg' });
    expect(splitFullName('Berg, Anna')).toEqual({ firstName: 'Anna', lastName: 'Berg' });
    expect(splitFullName('Cher')).toEqual({ firstName: '', lastName: 'Cher' });
  });
});

const mapping = autoMapColumns(['First name', 'Last name', 'Company', 'Email', 'Phone']);
const row = (rowNumber: number, cells: string[]): ImportRow => ({ rowNumber, cells });
const valid = (rowNumber: number, cells: string[]): ValidImportRow => {
  const result = checkImportRow(row(rowNumber, cells), mapping, 'camp-1');
  if (!result.ok) throw new Error(`row ${rowNumber} should be valid`);
  return result.row;
};

describe('row validation', () => {
  it('turns a row into a capture with the shared schema (trimmed, email lower-cased)', () => {
    expect(
      checkImportRow(
        row(2, [' Anna ', 'Berg', 'Berg Metall', 'Anna.Berg@Example.COM', '+49 30 1234']),
        mapping,
        'camp-1',
      ),
    ).toEqual({
      ok: true,
      row: {
        rowNumber: 2,
        capture: {
          firstName: 'Anna',
          lastName: 'Berg',
          company: 'Berg Metall',
          jobTitle: '',
          email: 'anna.berg@example.com',
          phone: '+49 30 1234',
          notes: '',
          campaignId: 'camp-1',
        },
        emailKey: 'anna.berg@example.com',
        nameKey: 'anna berg@berg metall',
      },
    });
  });

  it('reports every field problem of a row with the value from the file', () => {
    const result = checkImportRow(row(7, ['', 'Berg', 'X', 'not-an-email', 'call me']), mapping, '');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { rowNumber: 7, kind: 'invalid', field: 'firstName', value: '', message: 'First name is required' },
      {
        rowNumber: 7,
        kind: 'invalid',
        field: 'email',
        value: 'not-an-email',
        message: 'Enter a valid email address, like name@company.com',
      },
      {
        rowNumber: 7,
        kind: 'invalid',
        field: 'phone',
        value: 'call me',
        message: 'Enter a phone number using digits, spaces and + ( ) - . /',
      },
    ]);
  });

  it('reports rows the CSV reader could not read, and treats short rows as empty cells', () => {
    expect(checkImportRow({ rowNumber: 4, cells: ['A'], parseError: 'Unclosed quote' }, mapping, '')).toEqual(
      {
        ok: false,
        problems: [{ rowNumber: 4, kind: 'invalid', field: 'row', value: '', message: 'Unclosed quote' }],
      },
    );
    const short = checkImportRow(row(5, ['Anna']), mapping, '');
    expect(short.ok ? [] : short.problems.map((problem) => problem.field)).toEqual(['lastName', 'email']);
  });

  it('fills first and last name from a full-name column', () => {
    const byFullName = { ...emptyMapping(), fullName: 0, email: 1 };
    const result = checkImportRow(row(2, ['Berg, Anna', 'anna@example.com']), byFullName, '');
    expect(result.ok).toBe(true);
    expect(result.ok && result.row.capture).toMatchObject({ firstName: 'Anna', lastName: 'Berg' });
  });

  it('needs an email or a phone number to follow the inquiry up', () => {
    const result = checkImportRow(row(6, ['Anna', 'Berg', 'Berg Metall', '', '']), mapping, '');
    expect(result.ok ? [] : result.problems).toEqual([
      { rowNumber: 6, kind: 'invalid', field: 'email', value: '', message: unreachableMessage },
    ]);
  });

  it('knows blank lines', () => {
    expect(isBlankRow(['', '  ', ''])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
  });
});

describe('duplicates', () => {
  const rows = [
    valid(2, ['Anna', 'Berg', 'Berg Metall', 'anna@berg.example', '']),
    valid(3, ['Ben', 'Roth', 'Roth AG', 'ben@roth.example', '']),
    valid(4, ['ANNA', 'Berg', 'Berg  Metall', '', '+49 30 4']),
    valid(5, ['Bernd', 'Roth', 'Roth AG', 'BEN@roth.example', '']),
    valid(6, ['Clara', 'Ost', 'Ost GmbH', 'clara@ost.example', '']),
    valid(7, ['Dora', 'Wahl', '', '', '+49 40 111']),
    valid(8, ['Emil', 'Wahl', '', '', '+49 40 222']),
    valid(9, ['Clara', 'Ost', 'Other GmbH', 'clara2@ost.example', '']),
  ];
  const existing = {
    byEmail: new Map([['clara@ost.example', { id: 'lead-9', label: 'Clara Ost · clara@ost.example' }]]),
    byName: new Map([['clara ost@other gmbh', { id: 'lead-8', label: 'Clara Ost · Other GmbH' }]]),
  };

  it('looks up each key once, sorted', () => {
    expect(keysToLookUp(rows).emailKeys).toEqual([
      'anna@berg.example',
      'ben@roth.example',
      'clara2@ost.example',
      'clara@ost.example',
    ]);
  });

  it('keeps the first of a file duplicate, rejects matches of existing leads, never matches blank keys', () => {
    const split = separateDuplicates(rows, existing);
    expect(split.unique.map((entry) => entry.rowNumber)).toEqual([2, 3, 7, 8]);
    expect(split.duplicates.map((problem) => [problem.rowNumber, problem.field, problem.message])).toEqual([
      [4, 'row', 'Same name and company as row 2'],
      [5, 'email', 'Same email as row 3'],
      [6, 'email', 'Already in your data: Clara Ost · clara@ost.example (same email)'],
      [9, 'row', 'Already in your data: Clara Ost · Other GmbH (same name at the same company)'],
    ]);
    // Importing what was imported finds every row already there.
    const imported = {
      byEmail: new Map(
        split.unique.filter((r) => r.emailKey).map((r) => [r.emailKey, { id: 'x', label: 'x' }]),
      ),
      byName: new Map(split.unique.filter((r) => r.nameKey).map((r) => [r.nameKey, { id: 'x', label: 'x' }])),
    };
    expect(separateDuplicates(split.unique, imported).unique).toEqual([
      expect.objectContaining({ rowNumber: 7 }),
      expect.objectContaining({ rowNumber: 8 }),
    ]);
  });

  it('writes the report of rejected rows as CSV rows in file order', () => {
    const split = separateDuplicates(rows, existing);
    const invalid = checkImportRow(row(3, ['', 'X', '', 'x@y.example', '']), mapping, '');
    const problems = [...split.duplicates, ...(invalid.ok ? [] : invalid.problems)];
    const report = problemReportRows(problems, (field) => (field === 'row' ? '' : importFieldLabels[field]));
    expect(report[0]).toEqual(['Row', 'Problem', 'Field', 'Value', 'Reason']);
    expect(report.slice(1).map((line) => line.slice(0, 3))).toEqual([
      ['3', 'Invalid', 'First name'],
      ['4', 'Duplicate', ''],
      ['5', 'Duplicate', 'Email'],
      ['6', 'Duplicate', 'Email'],
      ['9', 'Duplicate', ''],
    ]);
  });
});
