import type { MangoQuery } from 'rxdb';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import type { GradeChangeSummary, GradedRecord } from '../../../src-shared/playbook/gradeChanges';
import { countsForPreview, createGradeTally } from '../../../src-shared/playbook/gradeChanges';
import type { FairleadDatabase } from '../../db/database';

/** How far a preview has got: `done` of `total` leads read (or records graded, when re-using what was read). */
export type ScanProgress = { done: number; total: number };

export type ScanOptions = {
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
  pageSize?: number;
};

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const throwIfAborted = (signal: AbortSignal | undefined) => {
  if (signal?.aborted) throw new DOMException('The preview was superseded', 'AbortError');
};

/** Where the next page starts: at `recency`, after the `seen` leads of that recency already read. */
export type PageCursor = { recency: number; seen: number };

/**
 * One page of leads, oldest first along the `recency` index ([recency, id]): one index range per page, never the
 * whole collection in one go (a manager may hold 50,000 leads). Leads imported in one millisecond share a
 * recency, so a page starts at the last recency read and skips the ones of it already seen.
 */
export const gradedRecordsPage = (after: PageCursor | null, limit: number): MangoQuery<Lead> => ({
  selector: after ? { recency: { $gte: after.recency } } : {},
  sort: [{ recency: 'asc' }],
  skip: after?.seen ?? 0,
  limit,
});

const nextCursor = (after: PageCursor | null, page: readonly Pick<Lead, 'recency'>[]): PageCursor | null => {
  const last = page.at(-1);
  if (!last) return after;
  const sameAsLast = page.filter((lead) => lead.recency === last.recency).length;
  return after?.recency === last.recency
    ? { recency: last.recency, seen: after.seen + sameAsLast }
    : { recency: last.recency, seen: sameAsLast };
};

/**
 * Reads every lead page by page, keeping only what the preview counts (qualified, not disqualified) in a compact
 * form, and yields to the event loop between pages so the screen stays responsive.
 */
export const readGradedRecords = async (
  db: FairleadDatabase,
  { signal, onProgress, pageSize = 500 }: ScanOptions = {},
): Promise<GradedRecord[]> => {
  const total = await db.leads.count().exec();
  const records: GradedRecord[] = [];
  let cursor: PageCursor | null = null;
  let done = 0;
  onProgress?.({ done, total });
  for (;;) {
    throwIfAborted(signal);
    const page = await db.leads.find(gradedRecordsPage(cursor, pageSize)).exec();
    for (const doc of page) {
      if (!countsForPreview(doc)) continue;
      records.push({
        status: doc.status,
        grade: doc.grade,
        playbookVersion: doc.playbookVersion,
        answers: doc.answers,
        profile: doc.profile,
        buyingStage: doc.buyingStage,
      });
    }
    done += page.length;
    onProgress?.({ done, total: Math.max(total, done) });
    if (page.length < pageSize) return records;
    cursor = nextCursor(cursor, page);
    await yieldToEventLoop();
  }
};

/** Grades records under a draft in chunks, yielding between chunks. */
export const tallyGradeChanges = async (
  playbook: Playbook,
  records: readonly GradedRecord[],
  { signal, onProgress, pageSize = 2_000 }: ScanOptions = {},
): Promise<GradeChangeSummary> => {
  const tally = createGradeTally(playbook);
  for (let start = 0; start < records.length; start += pageSize) {
    throwIfAborted(signal);
    tally.add(records.slice(start, start + pageSize));
    onProgress?.({ done: Math.min(records.length, start + pageSize), total: records.length });
    await yieldToEventLoop();
  }
  return tally.summary();
};
