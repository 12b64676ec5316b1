import type { ColumnMapping } from '../../../src-shared/csv/columnMapping';
import type { ImportProblem, ValidImportRow } from '../../../src-shared/csv/importRows';
import {
  checkImportRow,
  keysToLookUp,
  separateDuplicates,
  sortProblems,
} from '../../../src-shared/csv/importRows';
import type { FairleadDatabase } from '../../db/database';
import { findExistingKeys } from './importRepository';
import type { ParsedCsv } from './parseCsvFile';

/** What an import would do, decided before anything is written. */
export type ImportPlan = {
  fileName: string;
  campaignId: string;
  rowsRead: number;
  blankRows: number;
  toImport: ValidImportRow[];
  /** Invalid and duplicate rows, in file order. */
  problems: ImportProblem[];
  invalidRows: number;
  duplicateRows: number;
};

export type CheckPhase = 'validating' | 'duplicates';

const validateChunk = 1000;

/**
 * Checks every row before anything is written: validation with the shared capture schema (in chunks, pausing
 * between them so the page keeps painting), then duplicates within the file and against the local leads.
 */
export const checkImport = async (
  db: FairleadDatabase,
  parsed: ParsedCsv,
  mapping: ColumnMapping,
  campaignId: string,
  onProgress: (phase: CheckPhase, share: number) => void,
): Promise<ImportPlan> => {
  const valid: ValidImportRow[] = [];
  const invalid: ImportProblem[] = [];
  const invalidRows = new Set<number>();
  for (let i = 0; i < parsed.rows.length; i += validateChunk) {
    for (const row of parsed.rows.slice(i, i + validateChunk)) {
      const result = checkImportRow(row, mapping, campaignId);
      if (result.ok) valid.push(result.row);
      else {
        invalid.push(...result.problems);
        invalidRows.add(row.rowNumber);
      }
    }
    onProgress('validating', Math.min(1, (i + validateChunk) / Math.max(1, parsed.rows.length)));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const existing = await findExistingKeys(db, keysToLookUp(valid), (share) =>
    onProgress('duplicates', share),
  );
  const { unique, duplicates } = separateDuplicates(valid, existing);
  return {
    fileName: parsed.fileName,
    campaignId,
    rowsRead: parsed.rows.length,
    blankRows: parsed.blankRows,
    toImport: unique,
    problems: sortProblems([...invalid, ...duplicates]),
    invalidRows: invalidRows.size,
    duplicateRows: duplicates.length,
  };
};
