import type { MangoQuery, MangoQuerySelector, MangoQuerySortPart } from 'rxdb';
import type { Lead } from '../../../src-shared/domain/lead';
import { normalizeSearch } from '../../../src-shared/domain/lead';
import type { Grade, LeadStatus } from '../../../src-shared/domain/vocabulary';

export const leadSorts = ['newest', 'grade', 'fit'] as const;
export type LeadSort = (typeof leadSorts)[number];
export const leadSortLabels: Record<LeadSort, string> = {
  newest: 'Newest first',
  grade: 'Grade (hot first)',
  fit: 'Fit score',
};

export type LeadFilters = {
  search: string;
  status: LeadStatus | '';
  grade: Grade | '';
  campaignId: string;
  sort: LeadSort;
};

export const emptyLeadFilters: LeadFilters = {
  search: '',
  status: '',
  grade: '',
  campaignId: '',
  sort: 'newest',
};

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Sorts are ascending on the stored inverted keys, matching the indexes of the leads collection. */
const sortParts: Record<LeadSort, MangoQuerySortPart<Lead>[]> = {
  newest: [{ recency: 'asc' }],
  grade: [{ gradeOrder: 'asc' }, { recency: 'asc' }],
  fit: [{ fitOrder: 'asc' }, { recency: 'asc' }],
};

export const leadListSelector = (filters: LeadFilters): MangoQuerySelector<Lead> => {
  const selector: MangoQuerySelector<Lead> = {};
  if (filters.status) selector.status = filters.status;
  if (filters.grade) selector.grade = filters.grade;
  if (filters.campaignId) selector.campaignId = filters.campaignId;
  const search = normalizeSearch(filters.search);
  if (search) selector.searchText = { $regex: escapeRegex(search) };
  return selector;
};

/** The query behind one page of the lead list. */
export const leadListQuery = (
  filters: LeadFilters,
  page: { skip: number; limit: number },
): MangoQuery<Lead> => ({
  selector: leadListSelector(filters),
  sort: sortParts[filters.sort],
  skip: page.skip,
  limit: page.limit,
});

/** One string per set of filters (the list's `data-showing`, the catalog's memo key). */
export const leadFiltersKey = (filters: LeadFilters): string =>
  [filters.search, filters.status, filters.grade, filters.campaignId, filters.sort].join('|');

export const hasActiveFilters = (filters: LeadFilters): boolean =>
  filters.search.trim() !== '' || filters.status !== '' || filters.grade !== '' || filters.campaignId !== '';
