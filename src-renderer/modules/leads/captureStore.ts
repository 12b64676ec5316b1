import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** What the capture screen remembers between visitors (and restarts): the event the rep is working. */
type CaptureState = {
  campaignId: string;
  setCampaignId(campaignId: string): void;
};

export const useCaptureStore = create<CaptureState>()(
  persist((set) => ({ campaignId: '', setCampaignId: (campaignId) => set({ campaignId }) }), {
    name: 'fairlead.capture',
    version: 1,
  }),
);
