import type {
  ExistingKeys,
  ExistingLeadRef,
  ImportProblem,
  ValidImportRow,
} from '../../../src-shared/csv/importRows';
import { newId } from '../../../src-shared/domain/ids';
import type { Lead } from '../../../src-shared/domain/lead';
import { newLeadFromCapture } from '../../../src-shared/rules/capture';
import type { FairleadDatabase } from '../../db/database';
import type { SessionUser } from '../../session/sessionStore';

const keyBatch = 200;
const insertBatch = 250;

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const label = (lead: Pick<Lead, 'firstName' | 'lastName' | 'email' | 'company'>) =>
  `${lead.firstName} ${lead.lastName} · ${lead.email || lead.company}`;

/**
 * Existing leads with any of these duplicate keys, from the emailKey and nameKey indexes. Keys are sorted and
 * batched: RxDB reads an `$in` as the index range between its smallest and largest value, so sorted batches read
 * each part of the index once, never the whole collection per batch.
 */
export const findExistingKeys = async (
  db: FairleadDatabase,
  keys: { emailKeys: readonly string[]; nameKeys: readonly string[] },
  onProgress: (share: number) => void = () => undefined,
): Promise<ExistingKeys> => {
  const byEmail = new Map<string, ExistingLeadRef>();
  const byName = new Map<string, ExistingLeadRef>();
  const total = keys.emailKeys.length + keys.nameKeys.length;
  let done = 0;
  const lookUp = async (
    field: 'emailKey' | 'nameKey',
    values: readonly string[],
    into: Map<string, ExistingLeadRef>,
  ) => {
    for (let i = 0; i < values.length; i += keyBatch) {
      const batch = values.slice(i, i + keyBatch);
      const wanted = new Set(batch);
      const docs = await db.leads
        .find({ selector: { [field]: { $in: batch } }, sort: [{ [field]: 'asc' }] })
        .exec();
      for (const doc of docs) {
        const key = doc[field];
        if (wanted.has(key) && !into.has(key)) into.set(key, { id: doc.id, label: label(doc) });
      }
      done += batch.length;
      onProgress(total > 0 ? done / total : 1);
      await nextFrame();
    }
  };
  await lookUp('emailKey', keys.emailKeys, byEmail);
  await lookUp('nameKey', keys.nameKeys, byName);
  return { byEmail, byName };
};

export type ImportResult = { imported: number; notStored: ImportProblem[] };

const notStored = (row: ValidImportRow, message: string): ImportProblem => ({
  rowNumber: row.rowNumber,
  kind: 'not_stored',
  field: 'row',
  value: '',
  message,
});

/**
 * Writes checked rows as new inquiries owned by the importing user, in batches with a pause between them (progress
 * shows, the page stays responsive). Every row that did not land is reported: refused documents from the batch
 * result, and after a failed batch the rows that a read-back does not find.
 */
export const importLeads = async (
  db: FairleadDatabase,
  user: Pick<SessionUser, 'id' | 'teamId'>,
  rows: readonly ValidImportRow[],
  onProgress: (done: number) => void,
): Promise<ImportResult> => {
  let imported = 0;
  const problems: ImportProblem[] = [];
  for (let i = 0; i < rows.length; i += insertBatch) {
    const slice = rows.slice(i, i + insertBatch);
    const now = Date.now();
    const leads = slice.map((row) =>
      newLeadFromCapture(row.capture, { id: newId(now), now, ownerId: user.id, teamId: user.teamId }),
    );
    const rowOf = new Map(leads.map((lead, index) => [lead.id, slice[index] as ValidImportRow]));
    try {
      const result = await db.leads.bulkInsert(leads);
      imported += result.success.length;
      for (const error of result.error) {
        const row = rowOf.get(error.documentId);
        if (row) problems.push(notStored(row, `The local store refused it (status ${error.status}).`));
      }
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      const stored = await db.leads
        .findByIds(leads.map((lead) => lead.id))
        .exec()
        .catch(() => new Map<string, unknown>());
      for (const lead of leads) {
        const row = rowOf.get(lead.id);
        if (stored.has(lead.id)) imported += 1;
        else if (row) problems.push(notStored(row, `Not stored: ${reason}`));
      }
    }
    onProgress(Math.min(rows.length, i + slice.length));
    await nextFrame();
  }
  return { imported, notStored: problems };
};
