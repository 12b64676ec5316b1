import { useMemo, useState } from 'react';
import type { Seminar } from '../../../src-shared/domain/seminar';
import { useSession } from '../../session/sessionStore';
import { EmptyState } from '../../ui/EmptyState';
import { canManageSeminars } from './permissions';
import { SeatNotices, useSeatNotices } from './seatNotices';
import { SeminarCard } from './SeminarCard';
import { SeminarForm } from './SeminarForm';
import { useLeadsById, useSeatings, useSeminarsFrom } from './useSeminars';
import './seminars.css';

const day = 86_400_000;

/**
 * The team's seminars: seats taken against capacity and the waitlist, derived the same way on every device
 * (src-shared/rules/seminars.ts). Managers and marketing create and edit them; everyone with a lead on the list
 * records how it went.
 */
export const SeminarsScreen = () => {
  const role = useSession((state) => state.user.role);
  // Fixed for the screen's lifetime: recent seminars stay listed so attendance can be recorded afterwards.
  const [since] = useState(() => new Date().setHours(0, 0, 0, 0) - 30 * day);
  const [now] = useState(() => Date.now());
  const seminars = useSeminarsFrom(since);
  const seatings = useSeatings(seminars);
  const { notices, dismiss } = useSeatNotices(seatings);
  const leads = useLeadsById(
    useMemo(() => seatings?.flatMap((item) => item.invites.map((i) => i.leadId)) ?? [], [seatings]),
  );
  const [editing, setEditing] = useState<Seminar | 'new' | null>(null);
  const mayManage = canManageSeminars(role);

  if (!seatings) return <p className="loading">Loading…</p>;
  const upcoming = seatings.filter(
    (item) => item.seminar.startsAt + item.seminar.durationMinutes * 60_000 > now,
  );
  const recent = seatings.filter((item) => !upcoming.includes(item)).reverse();
  const leadName = (id: string) => {
    const lead = leads?.get(id);
    return lead ? `${lead.firstName} ${lead.lastName}` : 'Your lead';
  };

  return (
    <section className="screen seminars-screen" aria-labelledby="seminars-title">
      <header className="screen-header">
        <div>
          <h1 id="seminars-title">Seminars</h1>
          <p className="muted">
            Seats go to invites in the order they were made; later invites wait on the waitlist and move up
            when a seat frees.
          </p>
        </div>
        {mayManage && editing === null ? (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            New seminar
          </button>
        ) : null}
      </header>
      <SeatNotices notices={notices} dismiss={dismiss} leadName={leadName} />
      {editing === 'new' ? <SeminarForm seminar={null} onClose={() => setEditing(null)} /> : null}
      {seatings.length === 0 && editing === null ? (
        <EmptyState title="No seminars yet">
          {mayManage
            ? 'Create the first seminar of your team; reps can then invite their leads.'
            : 'Seminars your manager or marketing plans appear here once they sync.'}
        </EmptyState>
      ) : null}
      {upcoming.length > 0 ? (
        <section aria-labelledby="upcoming-title" className="seminar-section">
          <h2 id="upcoming-title">Upcoming</h2>
          <ul className="seminar-list" aria-label="Upcoming seminars">
            {upcoming.map((item) =>
              editing !== 'new' && editing?.id === item.seminar.id ? (
                <li key={item.seminar.id}>
                  <SeminarForm seminar={item.seminar} onClose={() => setEditing(null)} />
                </li>
              ) : (
                <li key={item.seminar.id}>
                  <SeminarCard
                    item={item}
                    leads={leads}
                    onEdit={mayManage ? () => setEditing(item.seminar) : null}
                  />
                </li>
              ),
            )}
          </ul>
        </section>
      ) : null}
      {recent.length > 0 ? (
        <section aria-labelledby="recent-title" className="seminar-section">
          <h2 id="recent-title">Past 30 days</h2>
          <ul className="seminar-list" aria-label="Recent seminars">
            {recent.map((item) => (
              <li key={item.seminar.id}>
                <SeminarCard item={item} leads={leads} onEdit={null} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
};
