import { useMemo } from 'react';
import type { DemoAppointment, SeminarInvite } from '../../../src-shared/domain/appointment';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Seminar } from '../../../src-shared/domain/seminar';
import type { CalendarEvent } from '../../../src-shared/ics/icalendar';
import { demoCalendarEvent, seminarCalendarEvent } from '../../../src-shared/ics/appointmentEvents';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { useObservable } from '../../ui/useObservable';
import { invitesOfSeminarsQuery, useLeadsById, useSeminarsBetween } from '../seminars';

export type CalendarItem =
  | { kind: 'demo'; id: string; startsAt: number; endsAt: number; demo: DemoAppointment; lead: Lead | null }
  | {
      kind: 'seminar';
      id: string;
      startsAt: number;
      endsAt: number;
      seminar: Seminar;
      invitees: { invite: SeminarInvite; lead: Lead | null }[];
    };

export const calendarEventOf = (item: CalendarItem): CalendarEvent =>
  item.kind === 'demo'
    ? demoCalendarEvent(item.demo, item.lead)
    : seminarCalendarEvent(item.seminar, item.invitees);

/**
 * What the calendar shows for [from, to): the user's demos (the ['ownerId', 'startsAt'] index, one range read) and
 * the team's seminars (the startsAt index), each seminar with the user's own invitees.
 */
export const useCalendarItems = (from: number, to: number): CalendarItem[] | undefined => {
  const db = useDatabase();
  const userId = useSession((state) => state.user.id);
  const appointmentDocs = useObservable(
    useMemo(
      () =>
        db.appointments.find({
          selector: { ownerId: userId, startsAt: { $gte: from, $lt: to } },
          sort: [{ ownerId: 'asc' }, { startsAt: 'asc' }],
        }).$,
      [db, userId, from, to],
    ),
  );
  const seminars = useSeminarsBetween(from, to);
  const seminarKey = seminars?.map((seminar) => seminar.id).join(',') ?? '';
  // Invites follow their seminar's current time, so they are read by seminar, not by their copied start.
  const inviteDocs = useObservable(
    useMemo(() => invitesOfSeminarsQuery(db, seminarKey ? seminarKey.split(',') : []).$, [db, seminarKey]),
  );
  const demos = useMemo(
    () =>
      (appointmentDocs ?? [])
        .map((doc) => doc.toJSON() as DemoAppointment)
        .filter((appointment) => appointment.kind === 'demo'),
    [appointmentDocs],
  );
  const invites = useMemo(
    () =>
      (inviteDocs ?? [])
        .map((doc) => doc.toJSON() as SeminarInvite)
        .filter((invite) => invite.ownerId === userId),
    [inviteDocs, userId],
  );
  const leads = useLeadsById(
    useMemo(() => [...demos, ...invites].map((item) => item.leadId), [demos, invites]),
  );

  return useMemo(() => {
    if (!appointmentDocs || !seminars || !inviteDocs || !leads) return undefined;
    const items: CalendarItem[] = demos.map((demo) => ({
      kind: 'demo',
      id: demo.id,
      startsAt: demo.startsAt,
      endsAt: demo.startsAt + demo.durationMinutes * 60_000,
      demo,
      lead: leads.get(demo.leadId) ?? null,
    }));
    for (const seminar of seminars) {
      items.push({
        kind: 'seminar',
        id: seminar.id,
        startsAt: seminar.startsAt,
        endsAt: seminar.startsAt + seminar.durationMinutes * 60_000,
        seminar,
        invitees: invites
          .filter((invite) => invite.seminarId === seminar.id)
          .map((invite) => ({ invite, lead: leads.get(invite.leadId) ?? null })),
      });
    }
    return items.sort((a, b) => a.startsAt - b.startsAt);
  }, [appointmentDocs, seminars, inviteDocs, leads, demos, invites]);
};
