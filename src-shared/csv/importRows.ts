import type { LeadCapture, LeadContact } from '../domain/lead';
import { deriveLeadKeys, leadCaptureSchema } from '../domain/lead';
import type { ColumnMapping, ImportField } from './columnMapping';
import { splitFullName } from './columnMapping';

/**
 * Checking imported rows before anything is written: every row is validated with the same schema as the capture
 * form, then duplicates are found within the file and against the leads already on the device. Only rows that
 * pass both are imported; every other row is reported with its row number, field and reason.
 */

/** A data row as read from the file. Row numbers count the header as row 1, as a spreadsheet shows them. */
export type ImportRow = { rowNumber: number; cells: readonly string[]; parseError?: string };

export type ProblemKind = 'invalid' | 'duplicate' | 'not_stored';

export type ImportProblem = {
  rowNumber: number;
  kind: ProblemKind;
  /** The lead field the problem is about, or 'row' for the row as a whole. */
  field: ImportField | 'row';
  /** The value as it was in the file ('' for row-level problems). */
  value: string;
  message: string;
};

export type ValidImportRow = { rowNumber: number; capture: LeadCapture; emailKey: string; nameKey: string };

export type RowCheck = { ok: true; row: ValidImportRow } | { ok: false; problems: ImportProblem[] };

type ContactField = keyof LeadContact;
const contactFields: readonly ContactField[] = [
  'firstName',
  'lastName',
  'company',
  'jobTitle',
  'email',
  'phone',
  'notes',
];

const cell = (cells: readonly string[], index: number | null): string =>
  index === null ? '' : (cells[index] ?? '').trim();

/** A line with nothing but separators and spaces: skipped, not reported (exports often end with one). */
export const isBlankRow = (cells: readonly string[]): boolean => cells.every((value) => value.trim() === '');

/** The contact a row describes under a mapping; a full-name column fills first and last name where those are empty. */
export const contactFromCells = (
  cells: readonly string[],
  mapping: ColumnMapping,
): Record<ContactField, string> => {
  const contact = Object.fromEntries(
    contactFields.map((field) => [field, cell(cells, mapping[field])]),
  ) as Record<ContactField, string>;
  const full = cell(cells, mapping.fullName);
  if (full !== '' && (contact.firstName === '' || contact.lastName === '')) {
    const split = splitFullName(full);
    if (contact.firstName === '') contact.firstName = split.firstName;
    if (contact.lastName === '') contact.lastName = split.lastName;
  }
  return contact;
};

export const unreachableMessage =
  'Give an email or a phone number: nobody can follow up an inquiry without one';

/**
 * Validates one row with the shared capture schema; each problem names its field and the value from the file.
 * One rule more than the capture form: a listed inquiry needs an email or a phone number, because unlike a
 * visitor at the booth nobody has met the person.
 */
export const checkImportRow = (row: ImportRow, mapping: ColumnMapping, campaignId: string): RowCheck => {
  if (row.parseError)
    return {
      ok: false,
      problems: [
        { rowNumber: row.rowNumber, kind: 'invalid', field: 'row', value: '', message: row.parseError },
      ],
    };
  const contact = contactFromCells(row.cells, mapping);
  const parsed = leadCaptureSchema.safeParse({ ...contact, campaignId });
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = issue.path[0];
    const known = contactFields.includes(field as ContactField) ? (field as ContactField) : null;
    // One message per field is enough to fix the row.
    if (seen.has(String(field))) continue;
    seen.add(String(field));
    problems.push({
      rowNumber: row.rowNumber,
      kind: 'invalid',
      field: known ?? 'row',
      value: known ? contact[known] : '',
      message: issue.message,
    });
  }
  if (contact.email === '' && contact.phone === '')
    problems.push({
      rowNumber: row.rowNumber,
      kind: 'invalid',
      field: 'email',
      value: '',
      message: unreachableMessage,
    });
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const keys = deriveLeadKeys(parsed.data);
  return {
    ok: true,
    row: { rowNumber: row.rowNumber, capture: parsed.data, emailKey: keys.emailKey, nameKey: keys.nameKey },
  };
};

/** An existing lead a row may duplicate, named for the report. */
export type ExistingLeadRef = { id: string; label: string };
export type ExistingKeys = {
  byEmail: ReadonlyMap<string, ExistingLeadRef>;
  byName: ReadonlyMap<string, ExistingLeadRef>;
};

/** The duplicate keys to look up among existing leads, sorted and without blanks or repeats. */
export const keysToLookUp = (
  rows: readonly ValidImportRow[],
): { emailKeys: string[]; nameKeys: string[] } => {
  const unique = (values: string[]) => [...new Set(values.filter((value) => value !== ''))].sort();
  return {
    emailKeys: unique(rows.map((row) => row.emailKey)),
    nameKeys: unique(rows.map((row) => row.nameKey)),
  };
};

export type DuplicateSplit = { unique: ValidImportRow[]; duplicates: ImportProblem[] };

/**
 * Separates duplicates, with the rule of the capture screen (duplicateReason): same email, or same name at the
 * same company, blank keys never matching. A row matching an existing lead is a duplicate of it; otherwise a row
 * matching an earlier row of the file is a duplicate of that row (the first one is imported).
 */
export const separateDuplicates = (
  rows: readonly ValidImportRow[],
  existing: ExistingKeys,
): DuplicateSplit => {
  const unique: ValidImportRow[] = [];
  const duplicates: ImportProblem[] = [];
  const emailRows = new Map<string, number>();
  const nameRows = new Map<string, number>();
  for (const row of rows) {
    const { emailKey, nameKey, capture } = row;
    const problem = (field: ImportField | 'row', value: string, message: string) =>
      duplicates.push({ rowNumber: row.rowNumber, kind: 'duplicate', field, value, message });
    const existingByEmail = emailKey ? existing.byEmail.get(emailKey) : undefined;
    const existingByName = nameKey ? existing.byName.get(nameKey) : undefined;
    const earlierByEmail = emailKey ? emailRows.get(emailKey) : undefined;
    const earlierByName = nameKey ? nameRows.get(nameKey) : undefined;
    if (existingByEmail)
      problem('email', capture.email, `Already in your data: ${existingByEmail.label} (same email)`);
    else if (existingByName)
      problem('row', '', `Already in your data: ${existingByName.label} (same name at the same company)`);
    else if (earlierByEmail !== undefined)
      problem('email', capture.email, `Same email as row ${earlierByEmail}`);
    else if (earlierByName !== undefined) problem('row', '', `Same name and company as row ${earlierByName}`);
    else {
      unique.push(row);
      if (emailKey) emailRows.set(emailKey, row.rowNumber);
      if (nameKey) nameRows.set(nameKey, row.rowNumber);
    }
  }
  return { unique, duplicates };
};

/** Problems in file order (stable, so a row's problems keep their field order), as the spreadsheet reads. */
export const sortProblems = (problems: readonly ImportProblem[]): ImportProblem[] =>
  [...problems].sort((a, b) => a.rowNumber - b.rowNumber);

export const problemKindLabels: Record<ProblemKind, string> = {
  invalid: 'Invalid',
  duplicate: 'Duplicate',
  not_stored: 'Not stored',
};

/** The rejected-rows report as CSV rows, header first. */
export const problemReportRows = (
  problems: readonly ImportProblem[],
  fieldLabel: (field: ImportField | 'row') => string,
): string[][] => [
  ['Row', 'Problem', 'Field', 'Value', 'Reason'],
  ...sortProblems(problems).map((problem) => [
    String(problem.rowNumber),
    problemKindLabels[problem.kind],
    fieldLabel(problem.field),
    problem.value,
    problem.message,
  ]),
];
