import { memo, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLocation } from 'wouter';
import { grades, leadStatusLabels, leadStatuses } from '../../../src-shared/domain/vocabulary';
import type { Grade, LeadStatus } from '../../../src-shared/domain/vocabulary';
import { EmptyState } from '../../ui/EmptyState';
import { FitMeter, GradeBadge, StatusBadge } from '../../ui/Badges';
import { useCampaigns } from '../campaigns';
import { hasActiveFilters, leadSortLabels, leadSorts } from './leadQueries';
import type { LeadSort } from './leadQueries';
import { useLeadFilters } from './leadFiltersStore';
import type { LeadListRow } from './leadCatalog';
import { useLeadList } from './useLeadList';

const rowHeight = 56;
const dateFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export const LeadsScreen = () => {
  const filters = useLeadFilters((state) => state.filters);
  const setFilter = useLeadFilters((state) => state.setFilter);
  const clearFilters = useLeadFilters((state) => state.clear);
  const campaigns = useCampaigns();
  const campaignNames = new Map(campaigns?.map((campaign) => [campaign.id, campaign.name]));
  const [, navigate] = useLocation();
  const [searchText, setSearchText] = useState(filters.search);
  const list = useLeadList(filters);
  // The box shows every keystroke at once. Once the lead catalog is built a search takes milliseconds and follows
  // every letter; before that the query waits for a pause in typing, so a fast typist does not queue store scans.
  const searchDelay = list.instant ? 0 : 150;
  useEffect(() => {
    if (searchDelay === 0) {
      setFilter('search', searchText);
      return undefined;
    }
    const timer = setTimeout(() => setFilter('search', searchText), searchDelay);
    return () => clearTimeout(timer);
  }, [searchText, setFilter, searchDelay]);
  useEffect(() => {
    if (filters.search === '') setSearchText('');
  }, [filters.search]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const total = list.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { requestRange } = list;
  useEffect(() => requestRange(first, last), [requestRange, first, last]);
  useEffect(() => setActive(0), [filters]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (total === 0) return;
    const move = (to: number) => {
      event.preventDefault();
      const next = Math.max(0, Math.min(total - 1, to));
      setActive(next);
      virtualizer.scrollToIndex(next);
    };
    if (event.key === 'ArrowDown') move(active + 1);
    else if (event.key === 'ArrowUp') move(active - 1);
    else if (event.key === 'PageDown') move(active + 10);
    else if (event.key === 'PageUp') move(active - 10);
    else if (event.key === 'Enter') {
      const lead = list.leadAt(active);
      if (lead) {
        event.preventDefault();
        navigate(`/leads/${lead.id}`);
      }
    }
  };

  const filtered = hasActiveFilters(filters);
  return (
    <section className="screen leads-screen" aria-labelledby="leads-title" onKeyDown={onKeyDown}>
      <header className="screen-header">
        <h1 id="leads-title">Leads</h1>
        <span
          className="count"
          aria-live="polite"
          data-testid="lead-count"
          data-counted={list.counted ? list.showing : undefined}
        >
          {list.total === undefined || !list.counted
            ? 'Counting…'
            : `${total.toLocaleString()} ${total === 1 ? 'lead' : 'leads'}`}
        </span>
      </header>
      <div className="toolbar" role="search">
        <input
          type="search"
          aria-label="Search leads"
          placeholder="Search name, company or email"
          value={searchText}
          autoFocus
          onChange={(event) => setSearchText(event.target.value)}
        />
        <select
          aria-label="Status"
          value={filters.status}
          onChange={(event) => setFilter('status', event.target.value as LeadStatus | '')}
        >
          <option value="">All statuses</option>
          {leadStatuses.map((status) => (
            <option key={status} value={status}>
              {leadStatusLabels[status]}
            </option>
          ))}
        </select>
        <select
          aria-label="Grade"
          value={filters.grade}
          onChange={(event) => setFilter('grade', event.target.value as Grade | '')}
        >
          <option value="">All grades</option>
          {grades.map((grade) => (
            <option key={grade} value={grade}>
              {grade[0]?.toUpperCase()}
              {grade.slice(1)}
            </option>
          ))}
        </select>
        <select
          aria-label="Campaign"
          value={filters.campaignId}
          onChange={(event) => setFilter('campaignId', event.target.value)}
        >
          <option value="">All campaigns</option>
          {campaigns?.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Sort"
          value={filters.sort}
          onChange={(event) => setFilter('sort', event.target.value as LeadSort)}
        >
          {leadSorts.map((sort) => (
            <option key={sort} value={sort}>
              {leadSortLabels[sort]}
            </option>
          ))}
        </select>
        {filtered ? (
          <button type="button" onClick={clearFilters}>
            Clear filters
          </button>
        ) : null}
      </div>
      {list.total === 0 && list.counted ? (
        filtered ? (
          <EmptyState
            title="No leads match"
            action={
              <button type="button" onClick={clearFilters}>
                Clear filters
              </button>
            }
          >
            Try fewer filters or another search.
          </EmptyState>
        ) : (
          <EmptyState
            title="No leads yet"
            action={
              <button type="button" className="primary" onClick={() => navigate('/capture')}>
                Capture a lead
              </button>
            }
          >
            Leads you capture at an event appear here, even without a network.
          </EmptyState>
        )
      ) : (
        <div
          className="lead-list"
          ref={scrollRef}
          role="list"
          aria-label="Leads"
          aria-rowcount={total}
          data-showing={list.showing}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const lead = list.leadAt(item.index);
              return (
                <LeadRow
                  key={item.key}
                  index={item.index}
                  start={item.start}
                  lead={lead}
                  active={item.index === active}
                  campaignName={lead ? (campaignNames.get(lead.campaignId) ?? '') : ''}
                  onHover={setActive}
                />
              );
            })}
          </div>
        </div>
      )}
      <p className="hint">
        <kbd>↑</kbd>/<kbd>↓</kbd> move · <kbd>Enter</kbd> opens the lead
      </p>
    </section>
  );
};

/**
 * One row of the list. Memoized: a filter change or a keystroke re-renders the screen before the new rows arrive,
 * and rows whose lead did not change then cost nothing (at 50,000 leads the screen's own work is most of a filter).
 */
const LeadRow = memo(function LeadRow({
  index,
  start,
  lead,
  active,
  campaignName,
  onHover,
}: {
  index: number;
  start: number;
  lead: LeadListRow | undefined;
  active: boolean;
  campaignName: string;
  onHover: (index: number) => void;
}) {
  return (
    <div
      role="listitem"
      className={`lead-row${active ? ' active' : ''}`}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: rowHeight,
        transform: `translateY(${start}px)`,
      }}
      onMouseEnter={() => onHover(index)}
    >
      {lead ? (
        <a href={`#/leads/${lead.id}`} className="lead-row-link">
          <span className="lead-name">
            {lead.firstName} {lead.lastName}
            <span className="muted">{[lead.jobTitle, lead.company].filter(Boolean).join(' · ')}</span>
          </span>
          <span className="lead-email">{lead.email}</span>
          <span>
            <StatusBadge status={lead.status} />
          </span>
          <span>{lead.grade ? <GradeBadge grade={lead.grade} /> : null}</span>
          <span>
            {lead.playbookVersion > 0 ? (
              <FitMeter score={lead.fitScore} />
            ) : (
              <span className="muted">Not qualified</span>
            )}
          </span>
          <span className="muted">{campaignName}</span>
          <span className="muted">{dateFormat.format(lead.createdAt)}</span>
        </a>
      ) : (
        <span className="lead-row-placeholder" aria-hidden="true" />
      )}
    </div>
  );
});
