import { useEffect, useMemo, useState } from 'react';
import { demoStatusLabels } from '../../../src-shared/rules/demos';
import { inviteeStatusLabels } from '../../../src-shared/rules/seminars';
import { useToasts } from '../../ui/toasts';
import { dateTimeFormat, timeFormat, toDateInput } from '../seminars';
import { CalendarGrid, itemTitle } from './CalendarGrid';
import type { CalendarView } from './calendarRange';
import { periodLabel, periodOf, shiftAnchor } from './calendarRange';
import { icsFileName, saveCalendarFile } from './icsExport';
import type { CalendarItem } from './useCalendarItems';
import { calendarEventOf, useCalendarItems } from './useCalendarItems';
import './appointments.css';
import './calendar.css';

/** Keys typed into a form field belong to the field, not to the calendar. */
const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The user's demos and the team's seminars by day or week. Keyboard: ←/→ previous/next period, d/w day/week,
 * t today. Export one appointment or everything visible as .ics through the desktop bridge.
 */
export const CalendarScreen = () => {
  const pushToast = useToasts((state) => state.push);
  const [view, setView] = useState<CalendarView>('week');
  const [anchor, setAnchor] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const period = useMemo(() => periodOf(view, anchor), [view, anchor]);
  const items = useCalendarItems(period.from, period.to);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = items?.find((item) => item.id === selectedId) ?? null;
  const unit = view === 'day' ? 'day' : 'week';

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const actions: Record<string, () => void> = {
        ArrowLeft: () => setAnchor((current) => shiftAnchor(view, current, -1)),
        ArrowRight: () => setAnchor((current) => shiftAnchor(view, current, 1)),
        d: () => setView('day'),
        w: () => setView('week'),
        t: () => setAnchor(Date.now()),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [view]);

  const exportItems = async (toExport: readonly CalendarItem[], name: string, calendarName?: string) => {
    const result = await saveCalendarFile(toExport.map(calendarEventOf), name, calendarName);
    pushToast(result.message, result.tone);
  };

  return (
    <section className="screen calendar-screen" aria-labelledby="calendar-title">
      <header className="screen-header">
        <div>
          <h1 id="calendar-title">Calendar</h1>
          <p className="muted" aria-live="polite" data-testid="calendar-period">
            {periodLabel(period)}
          </p>
        </div>
        <div className="calendar-toolbar">
          <div className="button-group">
            <button
              type="button"
              aria-label={`Previous ${unit}`}
              title="←"
              onClick={() => setAnchor(shiftAnchor(view, anchor, -1))}
            >
              ‹
            </button>
            <button type="button" title="t" onClick={() => setAnchor(Date.now())}>
              Today
            </button>
            <button
              type="button"
              aria-label={`Next ${unit}`}
              title="→"
              onClick={() => setAnchor(shiftAnchor(view, anchor, 1))}
            >
              ›
            </button>
          </div>
          <div className="button-group" role="group" aria-label="View">
            <button type="button" aria-pressed={view === 'day'} title="d" onClick={() => setView('day')}>
              Day
            </button>
            <button type="button" aria-pressed={view === 'week'} title="w" onClick={() => setView('week')}>
              Week
            </button>
          </div>
          <button
            type="button"
            disabled={!items || items.length === 0}
            onClick={() =>
              items &&
              void exportItems(items, `fairlead-${view}-${toDateInput(period.from)}.ics`, periodLabel(period))
            }
          >
            Export {view === 'day' ? 'day' : 'week'} (.ics)
          </button>
        </div>
      </header>
      <p className="hint">
        <kbd>←</kbd> <kbd>→</kbd> previous / next · <kbd>D</kbd> day · <kbd>W</kbd> week · <kbd>T</kbd> today
      </p>
      <div className="calendar-layout">
        {items ? (
          <CalendarGrid
            period={period}
            items={items}
            selectedId={selectedId}
            onSelect={setSelectedId}
            now={now}
          />
        ) : (
          <p className="loading">Loading…</p>
        )}
        <aside className="card calendar-details" aria-label="Appointment details">
          {selected ? (
            <ItemDetails
              item={selected}
              onExport={() => void exportItems([selected], exportName(selected))}
            />
          ) : (
            <>
              <h2>
                {items && items.length > 0 ? `${items.length} in this ${unit}` : `Nothing this ${unit}`}
              </h2>
              <p className="muted">
                Select an appointment to see its details and export it. Demos are booked from a lead&apos;s
                page; seminars are listed under Seminars.
              </p>
            </>
          )}
        </aside>
      </div>
    </section>
  );
};

const exportName = (item: CalendarItem): string =>
  item.kind === 'demo'
    ? icsFileName(`demo-${item.lead?.lastName ?? ''}`, item.startsAt)
    : icsFileName(`seminar-${item.seminar.title}`, item.startsAt);

const ItemDetails = ({ item, onExport }: { item: CalendarItem; onExport(): void }) => (
  <div className="item-details">
    <span className={`appointment-kind kind-${item.kind}`}>{item.kind === 'demo' ? 'Demo' : 'Seminar'}</span>
    <h2>{itemTitle(item)}</h2>
    <p>
      {dateTimeFormat.format(item.startsAt)}–{timeFormat.format(item.endsAt)}
    </p>
    {item.kind === 'demo' ? (
      <dl className="score-list">
        <dt>Status</dt>
        <dd>{demoStatusLabels[item.demo.demoStatus]}</dd>
        {item.demo.location ? (
          <>
            <dt>Place</dt>
            <dd>{item.demo.location}</dd>
          </>
        ) : null}
        {item.demo.link ? (
          <>
            <dt>Link</dt>
            <dd>
              <a href={item.demo.link} target="_blank" rel="noreferrer">
                {item.demo.link}
              </a>
            </dd>
          </>
        ) : null}
        {item.demo.notes ? (
          <>
            <dt>Notes</dt>
            <dd>{item.demo.notes}</dd>
          </>
        ) : null}
        {item.demo.outcome ? (
          <>
            <dt>Outcome</dt>
            <dd>{item.demo.outcome}</dd>
          </>
        ) : null}
      </dl>
    ) : (
      <dl className="score-list">
        <dt>Venue</dt>
        <dd>{item.seminar.venue}</dd>
        <dt>Capacity</dt>
        <dd>{item.seminar.capacity} seats</dd>
        <dt>Your invitees</dt>
        <dd>
          {item.invitees.length === 0
            ? 'None yet'
            : item.invitees
                .map(
                  ({ lead, invite }) =>
                    `${lead ? `${lead.firstName} ${lead.lastName}` : 'A lead'} (${inviteeStatusLabels[invite.inviteeStatus].toLowerCase()})`,
                )
                .join(', ')}
        </dd>
      </dl>
    )}
    <div className="form-actions">
      <button type="button" className="primary" onClick={onExport}>
        Export .ics
      </button>
      {item.kind === 'demo' && item.lead ? (
        <a className="button" href={`#/leads/${item.lead.id}`}>
          Open lead
        </a>
      ) : null}
      {item.kind === 'seminar' ? (
        <a className="button" href="#/seminars">
          Open seminars
        </a>
      ) : null}
    </div>
  </div>
);
