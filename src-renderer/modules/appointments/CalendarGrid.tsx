import type { CSSProperties } from 'react';
import { timeFormat } from '../seminars';
import type { CalendarPeriod } from './calendarRange';
import { addDays, layoutDay, startOfDay } from './calendarRange';
import type { CalendarItem } from './useCalendarItems';

const pixelsPerMinute = 0.8;
const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const dayNumberFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const longFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const hourFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric' });

export const itemTitle = (item: CalendarItem): string =>
  item.kind === 'demo'
    ? `Demo: ${item.lead ? `${item.lead.firstName} ${item.lead.lastName}` : 'a lead'}`
    : item.seminar.title;

const itemPlace = (item: CalendarItem): string =>
  item.kind === 'demo' ? item.demo.location || (item.demo.link ? 'Online' : '') : item.seminar.venue;

/** Hours shown: 07:00–20:00, widened to whatever the period holds. */
const hourRange = (items: readonly CalendarItem[]): { first: number; last: number } => {
  let first = 7;
  let last = 20;
  for (const item of items) {
    const start = new Date(item.startsAt);
    const end = new Date(item.endsAt);
    first = Math.min(first, start.getHours());
    const endHour = end.getHours() + (end.getMinutes() > 0 ? 1 : 0);
    last = Math.max(last, startOfDay(item.endsAt) > startOfDay(item.startsAt) ? 24 : endHour);
  }
  return { first, last };
};

/** A day or week time grid; each appointment is a button that selects it. */
export const CalendarGrid = ({
  period,
  items,
  selectedId,
  onSelect,
  now,
}: {
  period: CalendarPeriod;
  items: readonly CalendarItem[];
  selectedId: string | null;
  onSelect(id: string): void;
  now: number;
}) => {
  const { first, last } = hourRange(items);
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  const height = (last - first) * 60 * pixelsPerMinute;
  const today = startOfDay(now);
  const style = {
    '--days': period.days.length,
    '--hour-height': `${60 * pixelsPerMinute}px`,
  } as CSSProperties;

  return (
    <div className={`calendar-grid view-${period.view}`} style={style} role="region" aria-label="Calendar">
      <div className="calendar-head">
        <span className="calendar-gutter" />
        {period.days.map((day) => (
          <div
            key={day}
            className={`calendar-day-head${day === today ? ' is-today' : ''}`}
            aria-label={longFormat.format(day)}
          >
            <span className="weekday">{weekdayFormat.format(day)}</span>
            <span className="day-number">{dayNumberFormat.format(day)}</span>
          </div>
        ))}
      </div>
      <div className="calendar-body">
        <div className="calendar-gutter" style={{ height }}>
          {hours.map((hour) => (
            <span key={hour} className="hour-label" style={{ top: (hour - first) * 60 * pixelsPerMinute }}>
              {hourFormat.format(new Date(2000, 0, 1, hour))}
            </span>
          ))}
        </div>
        {period.days.map((day) => {
          const gridStart = new Date(day).setHours(first, 0, 0, 0);
          const dayItems = items.filter((item) => item.startsAt >= day && item.startsAt < addDays(day, 1));
          return (
            <div
              key={day}
              role="group"
              className={`calendar-day${day === today ? ' is-today' : ''}`}
              style={{ height }}
              aria-label={`${longFormat.format(day)}: ${dayItems.length === 0 ? 'nothing planned' : `${dayItems.length} planned`}`}
            >
              {day === today && now >= gridStart && now < gridStart + (height / pixelsPerMinute) * 60_000 ? (
                <span className="now-line" style={{ top: ((now - gridStart) / 60_000) * pixelsPerMinute }} />
              ) : null}
              {layoutDay(dayItems, gridStart, pixelsPerMinute).map(
                ({ item, top, height: itemHeight, lane, lanes }) => (
                  <button
                    key={item.id}
                    type="button"
                    className={`calendar-event event-${item.kind}${item.kind === 'demo' ? ` demo-${item.demo.demoStatus}` : ''}${
                      selectedId === item.id ? ' selected' : ''
                    }`}
                    style={{
                      top,
                      height: itemHeight,
                      left: `calc(${(lane / lanes) * 100}% + 2px)`,
                      width: `calc(${100 / lanes}% - 4px)`,
                    }}
                    aria-pressed={selectedId === item.id}
                    onClick={() => onSelect(item.id)}
                  >
                    <span className="event-title">{itemTitle(item)}</span>
                    <span className="event-meta event-time">
                      {timeFormat.format(item.startsAt)} – {timeFormat.format(item.endsAt)}
                    </span>
                    {itemPlace(item) ? <span className="event-meta">{itemPlace(item)}</span> : null}
                  </button>
                ),
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
};
