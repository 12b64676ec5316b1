import { useMemo } from 'react';
import type { Activity } from '../../../src-shared/domain/activity';
import type { Appointment } from '../../../src-shared/domain/appointment';
import type { Lead, StatusChange } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import { leadStatusLabels } from '../../../src-shared/domain/vocabulary';
import { useSession } from '../../session/sessionStore';
import { dateTimeFormat, dayFormat, momentFormat } from './dates';
import { activityKindLabels, demoStatusLabels, insightTagLabels, inviteeStatusLabels } from './labels';
import { useTeamMembers } from '../campaigns/useTeamMembers';
import { useLeadActivities, useLeadAppointments } from './queries';
import type { TimelineEntry } from './timelineEntries';
import { timelineEntries } from './timelineEntries';

const Time = ({ at }: { at: number }) => (
  <time className="timeline-time" dateTime={new Date(at).toISOString()}>
    {momentFormat.format(at)}
  </time>
);

const ActivityItem = ({
  activity,
  playbook,
  by,
}: {
  activity: Activity;
  playbook: Playbook | null;
  by: string;
}) => {
  const outcome = playbook?.callOutcomes.find((candidate) => candidate.id === activity.outcomeId)?.label;
  return (
    <>
      <div className="timeline-title">
        <strong>{activityKindLabels[activity.kind]}</strong>
        {outcome ? <span className="outcome">{outcome}</span> : null}
        <span className="muted">{by}</span>
      </div>
      {activity.notes ? <p className="timeline-notes">{activity.notes}</p> : null}
      {activity.insightTags.length > 0 ? (
        <ul className="tag-list" aria-label="Customer insight">
          {activity.insightTags.map((tag) => (
            <li key={tag} className="tag">
              {insightTagLabels[tag]}
            </li>
          ))}
        </ul>
      ) : null}
      {activity.nextStep || activity.nextFollowUpAt > 0 ? (
        <p className="timeline-next muted">
          {activity.nextStep ? `Next: ${activity.nextStep}` : 'Next follow-up'}
          {activity.nextFollowUpAt > 0 ? ` · ${dayFormat.format(activity.nextFollowUpAt)}` : ''}
        </p>
      ) : null}
    </>
  );
};

const StatusItem = ({ change, playbook }: { change: StatusChange; playbook: Playbook | null }) => {
  const reason = playbook?.disqualifyReasons.find((candidate) => candidate.id === change.reasonId)?.label;
  return (
    <div className="timeline-title">
      <span>
        Status: {leadStatusLabels[change.from]} → <strong>{leadStatusLabels[change.to]}</strong>
        {change.grade ? ` (${change.grade})` : ''}
        {change.reasonId ? ` · ${reason ?? change.reasonId}` : ''}
        {change.note ? ` · “${change.note}”` : ''}
      </span>
    </div>
  );
};

const AppointmentItem = ({ appointment, now }: { appointment: Appointment; now: number }) => (
  <>
    <div className="timeline-title">
      <strong>{appointment.kind === 'demo' ? 'Demo' : 'Seminar invite'}</strong>
      <span>{dateTimeFormat.format(appointment.startsAt)}</span>
      <span className="tag">
        {appointment.kind === 'demo'
          ? demoStatusLabels[appointment.demoStatus]
          : inviteeStatusLabels[appointment.inviteeStatus]}
      </span>
      {appointment.startsAt > now ? <span className="tag tag-upcoming">upcoming</span> : null}
    </div>
    {appointment.kind === 'demo' && (appointment.location || appointment.link) ? (
      <p className="timeline-notes muted">{appointment.location || appointment.link}</p>
    ) : null}
    {appointment.kind === 'demo' && appointment.outcome ? (
      <p className="timeline-notes">{appointment.outcome}</p>
    ) : null}
  </>
);

const markerClass: Record<TimelineEntry['type'], string> = {
  activity: 'marker-activity',
  stage: 'marker-stage',
  status: 'marker-status',
  appointment: 'marker-appointment',
  captured: 'marker-captured',
};

/** Everything that happened to the lead, newest first (timelineEntries), live from the local store. */
export const Timeline = ({ lead, playbook }: { lead: Lead; playbook: Playbook | null }) => {
  const activities = useLeadActivities(lead.id);
  const appointments = useLeadAppointments(lead.id);
  const me = useSession((state) => state.user);
  const users = useTeamMembers();
  const entries = useMemo(
    () => timelineEntries(lead, activities ?? [], appointments ?? []),
    [lead, activities, appointments],
  );
  const byName = (id: string) =>
    id === me.id ? 'by you' : `by ${users.find((user) => user.id === id)?.name ?? 'a colleague'}`;
  const now = Date.now();
  return (
    <section className="card timeline-card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {activities === undefined ? <p className="muted">Loading…</p> : null}
      <ol className="timeline" aria-label="Timeline">
        {entries.map((entry) => (
          <li key={entry.key} className={`timeline-item ${markerClass[entry.type]}`}>
            <Time at={entry.at} />
            <div className="timeline-body">
              {entry.type === 'activity' ? (
                <ActivityItem
                  activity={entry.activity}
                  playbook={playbook}
                  by={byName(entry.activity.ownerId)}
                />
              ) : entry.type === 'stage' ? (
                <div className="timeline-title">
                  <span>Stage: {entry.activity.notes}</span>
                  <span className="muted">{byName(entry.activity.ownerId)}</span>
                </div>
              ) : entry.type === 'status' ? (
                <StatusItem change={entry.change} playbook={playbook} />
              ) : entry.type === 'appointment' ? (
                <AppointmentItem appointment={entry.appointment} now={now} />
              ) : (
                <div className="timeline-title">Captured as an inquiry</div>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
};
