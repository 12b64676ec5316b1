import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/**
 * When this user last marked the pipeline reviewed on this device, with the owner of each lead in sales or
 * nurture at that moment: leads keep no ownership history, so reassignments since the review are found by
 * comparing with this snapshot. UI state only (localStorage), per user, never synced.
 */
export type ReviewMark = { reviewedAt: number; owners: Record<string, string> };

type ReviewState = {
  marks: Record<string, ReviewMark>;
  markReviewed(userId: string, mark: ReviewMark): void;
};

export const useReviewStore = create<ReviewState>()(
  persist(
    (set) => ({
      marks: {},
      markReviewed: (userId, mark) => set((state) => ({ marks: { ...state.marks, [userId]: mark } })),
    }),
    { name: 'fairlead.pipelineReview', version: 1 },
  ),
);
