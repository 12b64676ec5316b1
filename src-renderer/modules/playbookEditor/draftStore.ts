import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { PlaybookContent } from '../../../src-shared/playbook/playbookDraft';

/** An unpublished edit of the playbook and the version it started from. */
export type PlaybookDraftRecord = {
  baseId: string;
  baseVersion: number;
  content: PlaybookContent;
  savedAt: number;
};

type DraftState = {
  drafts: Record<string, PlaybookDraftRecord>;
  save(key: string, draft: PlaybookDraftRecord): void;
  discard(key: string): void;
};

/**
 * Drafts survive navigation and restarts (localStorage) until they are published or discarded explicitly: a
 * manager halfway through the stages should not lose the work by opening a lead. Keyed by user and team, so two
 * people on one laptop never see each other's draft.
 */
export const usePlaybookDrafts = create<DraftState>()(
  persist(
    (set) => ({
      drafts: {},
      save: (key, draft) => set((state) => ({ drafts: { ...state.drafts, [key]: draft } })),
      discard: (key) =>
        set((state) => {
          if (!(key in state.drafts)) return state;
          const drafts = { ...state.drafts };
          delete drafts[key];
          return { drafts };
        }),
    }),
    { name: 'fairlead.playbookDrafts', version: 1 },
  ),
);

export const draftKey = (user: { id: string; teamId: string }): string => `${user.id}:${user.teamId}`;
