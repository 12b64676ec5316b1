import { create } from 'zustand';
import type { ColumnMapping } from '../../../src-shared/csv/columnMapping';
import type { ImportProblem } from '../../../src-shared/csv/importRows';
import type { CheckPhase, ImportPlan } from './checkImport';
import type { ParsedCsv } from './parseCsvFile';

export type ImportStep =
  | { step: 'choose'; error: string }
  | { step: 'reading'; fileName: string; share: number }
  | { step: 'map'; parsed: ParsedCsv; mapping: ColumnMapping }
  | { step: 'checking'; parsed: ParsedCsv; mapping: ColumnMapping; phase: CheckPhase; share: number }
  | { step: 'preview'; parsed: ParsedCsv; mapping: ColumnMapping; plan: ImportPlan }
  | { step: 'importing'; plan: ImportPlan; done: number }
  | { step: 'done'; plan: ImportPlan; imported: number; problems: ImportProblem[] };

const chooseStep: ImportStep = { step: 'choose', error: '' };

type ImportState = {
  /** Whose import it is: another person signing in on this laptop starts from a clean screen. */
  userId: string;
  current: ImportStep;
  campaignId: string;
  start(userId: string): void;
  go(step: ImportStep): void;
  setCampaignId(campaignId: string): void;
};

/**
 * Where the import stands, outside the screen: an import keeps running when the person opens another screen, and
 * its progress and report are there when they come back. Memory only: a file is never kept across restarts.
 */
export const useImportStore = create<ImportState>()((set) => ({
  userId: '',
  current: chooseStep,
  campaignId: '',
  start: (userId) =>
    set((state) => (state.userId === userId ? {} : { userId, current: chooseStep, campaignId: '' })),
  go: (current) => set({ current }),
  setCampaignId: (campaignId) => set({ campaignId }),
}));
