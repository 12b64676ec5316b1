import { create } from 'zustand';
import { emptyLeadFilters } from './leadQueries';
import type { LeadFilters } from './leadQueries';

/** UI state of the lead list, kept while the user opens a lead and comes back. */
type LeadFiltersState = {
  filters: LeadFilters;
  setFilter<K extends keyof LeadFilters>(key: K, value: LeadFilters[K]): void;
  clear(): void;
};

export const useLeadFilters = create<LeadFiltersState>()((set) => ({
  filters: emptyLeadFilters,
  setFilter: (key, value) => set((state) => ({ filters: { ...state.filters, [key]: value } })),
  clear: () => set((state) => ({ filters: { ...emptyLeadFilters, sort: state.filters.sort } })),
}));
