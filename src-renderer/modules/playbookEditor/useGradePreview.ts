import { useEffect, useRef, useState } from 'react';
import type { Playbook } from '../../../src-shared/domain/playbook';
import type { GradeChangeSummary, GradedRecord } from '../../../src-shared/playbook/gradeChanges';
import type { FairleadDatabase } from '../../db/database';
import type { ScanProgress } from './gradeScan';
import { readGradedRecords, tallyGradeChanges } from './gradeScan';

export type GradePreview =
  | { phase: 'waiting' }
  | { phase: 'reading' | 'grading'; progress: ScanProgress }
  | { phase: 'done'; summary: GradeChangeSummary }
  | { phase: 'failed'; message: string };

/** Typing settles before a preview starts; a new keystroke cancels the running one. */
const settleMs = 400;
/** Leads arriving by sync in bursts re-run the preview once the burst is over. */
const leadsSettleMs = 1_000;

/**
 * "N of M qualified leads would change grade" under a draft. The first run reads the leads page by page; later
 * runs (the draft changed) re-grade what was read, until a lead changes on this device. `playbook` null: the
 * draft is not valid yet, nothing to preview. `playbook` must keep its identity while the draft is unchanged.
 */
export const useGradePreview = (db: FairleadDatabase, playbook: Playbook | null): GradePreview => {
  const [preview, setPreview] = useState<GradePreview>({ phase: 'waiting' });
  const [leadsEpoch, setLeadsEpoch] = useState(0);
  const records = useRef<GradedRecord[] | null>(null);
  // Bumped by every lead change: a read that overlapped a change is used once but not kept.
  const leadsGeneration = useRef(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = db.leads.$.subscribe(() => {
      records.current = null;
      leadsGeneration.current += 1;
      clearTimeout(timer);
      timer = setTimeout(() => setLeadsEpoch((epoch) => epoch + 1), leadsSettleMs);
    });
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  }, [db]);

  useEffect(() => {
    if (!playbook) {
      setPreview({ phase: 'waiting' });
      return undefined;
    }
    const controller = new AbortController();
    const { signal } = controller;
    const run = async () => {
      let read = records.current;
      if (!read) {
        const generation = leadsGeneration.current;
        read = await readGradedRecords(db, {
          signal,
          onProgress: (progress) => setPreview({ phase: 'reading', progress }),
        });
        if (generation === leadsGeneration.current) records.current = read;
      }
      const summary = await tallyGradeChanges(playbook, read, {
        signal,
        onProgress: (progress) => setPreview({ phase: 'grading', progress }),
      });
      if (!signal.aborted) setPreview({ phase: 'done', summary });
    };
    const timer = setTimeout(() => {
      run().catch((error: unknown) => {
        if (signal.aborted) return;
        setPreview({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    }, settleMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [db, playbook, leadsEpoch]);

  return preview;
};
