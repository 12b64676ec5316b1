import { useMemo, useState } from 'react';
import type { Appointment, DemoAppointment, SeminarInvite } from '../../../src-shared/domain/appointment';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Seminar } from '../../../src-shared/domain/seminar';
import { inviteeStatuses } from '../../../src-shared/domain/vocabulary';
import type { InviteeStatus } from '../../../src-shared/domain/vocabulary';
import { demoCalendarEvent, seminarInviteCalendarEvent } from '../../../src-shared/ics/appointmentEvents';
import { demoStatusLabels } from '../../../src-shared/rules/demos';
import { inviteeStatusLabels } from '../../../src-shared/rules/seminars';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { useToasts } from '../../ui/toasts';
import { useObservable } from '../../ui/useObservable';
import {
  canBookAppointments,
  dateTimeFormat,
  PlacementBadge,
  SeatNotices,
  setInviteeStatus,
  timeFormat,
  useSeatings,
  useSeatNotices,
} from '../seminars';
import { DemoActions } from './DemoActions';
import { DemoForm } from './DemoForm';
import { icsFileName, saveCalendarFile } from './icsExport';
import { InviteToSeminar } from './InviteToSeminar';
import './appointments.css';

type Mode = { kind: 'invite' } | { kind: 'book' } | { kind: 'reschedule'; demo: DemoAppointment } | null;

/** The lead's seminar invites and demos, with "Invite to seminar" and "Book demo"; placed on the lead page. */
export const LeadAppointmentsPanel = ({ lead }: { lead: Lead }) => {
  const db = useDatabase();
  const role = useSession((state) => state.user.role);
  const pushToast = useToasts((state) => state.push);
  const [mode, setMode] = useState<Mode>(null);
  const docs = useObservable(
    useMemo(
      () =>
        db.appointments.find({
          selector: { leadId: lead.id },
          sort: [{ leadId: 'asc' }, { startsAt: 'asc' }],
        }).$,
      [db, lead.id],
    ),
  );
  const appointments = useMemo(() => docs?.map((doc) => doc.toJSON() as Appointment) ?? [], [docs]);
  const invites = appointments.filter((item): item is SeminarInvite => item.kind === 'seminar_invite');
  const demos = appointments.filter((item): item is DemoAppointment => item.kind === 'demo');
  const seminarKey = [...new Set(invites.map((invite) => invite.seminarId))].sort().join(',');
  const seminarDocs = useObservable(
    useMemo(() => db.seminars.findByIds(seminarKey ? seminarKey.split(',') : []).$, [db, seminarKey]),
  );
  const seminars = useMemo(
    () => (seminarDocs ? [...seminarDocs.values()].map((doc) => doc.toJSON() as Seminar) : undefined),
    [seminarDocs],
  );
  const seatings = useSeatings(seminars);
  const { notices, dismiss } = useSeatNotices(seatings);
  const mayBook = canBookAppointments(role);
  const name = `${lead.firstName} ${lead.lastName}`;

  const exportEvent = async (event: Parameters<typeof saveCalendarFile>[0][number], prefix: string) => {
    const result = await saveCalendarFile([event], icsFileName(prefix, event.startsAt));
    pushToast(result.message, result.tone);
  };
  const changeInvitee = async (invite: SeminarInvite, seminar: Seminar, to: InviteeStatus) => {
    const refusal = await setInviteeStatus(db, invite.id, to, seminar);
    if (refusal) pushToast(refusal, 'error');
  };

  return (
    <section className="card lead-appointments" aria-labelledby="lead-appointments-title">
      <div className="panel-head">
        <h2 id="lead-appointments-title">Appointments</h2>
        {mayBook && mode === null ? (
          <div className="panel-buttons">
            <button type="button" onClick={() => setMode({ kind: 'invite' })}>
              Invite to seminar
            </button>
            <button type="button" onClick={() => setMode({ kind: 'book' })}>
              Book demo
            </button>
          </div>
        ) : null}
      </div>
      <SeatNotices
        notices={notices.filter((notice) => notice.leadId === lead.id)}
        dismiss={dismiss}
        leadName={() => name}
      />
      {mode?.kind === 'invite' ? <InviteToSeminar lead={lead} onClose={() => setMode(null)} /> : null}
      {mode?.kind === 'book' ? <DemoForm lead={lead} demo={null} onClose={() => setMode(null)} /> : null}
      {docs === undefined ? <p className="muted">Loading…</p> : null}
      {docs && appointments.length === 0 && mode === null ? (
        <p className="muted">No seminar invites or demos yet.</p>
      ) : null}
      {invites.length > 0 ? (
        <ul className="appointment-list" aria-label="Seminar invites">
          {invites.map((invite) => {
            const item = seatings?.find((candidate) => candidate.seminar.id === invite.seminarId);
            if (!item) return null;
            const { seminar } = item;
            return (
              <li key={invite.id} className="appointment-item">
                <div className="appointment-main">
                  <span className="appointment-kind kind-seminar">Seminar</span>
                  <div>
                    <strong>{seminar.title}</strong>
                    <div className="muted">
                      {dateTimeFormat.format(seminar.startsAt)} · {seminar.venue}
                    </div>
                  </div>
                  <PlacementBadge placement={item.seating.placements[invite.id]} />
                </div>
                <div className="appointment-actions">
                  <label className="inline-label" htmlFor={`invitee-${invite.id}`}>
                    Status
                  </label>
                  <select
                    id={`invitee-${invite.id}`}
                    value={invite.inviteeStatus}
                    disabled={!mayBook}
                    onChange={(event) =>
                      void changeInvitee(invite, seminar, event.target.value as InviteeStatus)
                    }
                  >
                    {inviteeStatuses.map((status) => (
                      <option key={status} value={status}>
                        {inviteeStatusLabels[status]}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      void exportEvent(
                        seminarInviteCalendarEvent(invite, seminar, lead),
                        `seminar-${lead.lastName}`,
                      )
                    }
                  >
                    Export .ics
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {demos.length > 0 ? (
        <ul className="appointment-list" aria-label="Demos">
          {demos.map((demo) =>
            mode?.kind === 'reschedule' && mode.demo.id === demo.id ? (
              <li key={demo.id} className="appointment-item">
                <DemoForm lead={lead} demo={demo} onClose={() => setMode(null)} />
              </li>
            ) : (
              <li key={demo.id} className={`appointment-item demo-${demo.demoStatus}`}>
                <div className="appointment-main">
                  <span className="appointment-kind kind-demo">Demo</span>
                  <div>
                    <strong>
                      {dateTimeFormat.format(demo.startsAt)}–
                      {timeFormat.format(demo.startsAt + demo.durationMinutes * 60_000)}
                    </strong>
                    {demo.location ? <div className="muted">{demo.location}</div> : null}
                    {demo.link ? (
                      <a className="appointment-link" href={demo.link} target="_blank" rel="noreferrer">
                        {demo.link}
                      </a>
                    ) : null}
                    {demo.notes ? <div className="muted">{demo.notes}</div> : null}
                    {demo.outcome ? <div className="demo-outcome">Outcome: {demo.outcome}</div> : null}
                  </div>
                  <span className={`badge demo-status-${demo.demoStatus}`}>
                    {demoStatusLabels[demo.demoStatus]}
                  </span>
                </div>
                {mayBook ? (
                  <DemoActions
                    demo={demo}
                    onReschedule={() => setMode({ kind: 'reschedule', demo })}
                    onExport={() => void exportEvent(demoCalendarEvent(demo, lead), `demo-${lead.lastName}`)}
                  />
                ) : null}
              </li>
            ),
          )}
        </ul>
      ) : null}
    </section>
  );
};
