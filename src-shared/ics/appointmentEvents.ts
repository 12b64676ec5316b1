import type { DemoAppointment, SeminarInvite } from '../domain/appointment';
import type { Lead } from '../domain/lead';
import type { Seminar } from '../domain/seminar';
import { demoStatusLabels } from '../rules/demos';
import { inviteeStatusLabels } from '../rules/seminars';
import type { CalendarEvent } from './icalendar';

/** What an export says about the lead; null when the lead is not on this device. */
export type LeadName = Pick<Lead, 'firstName' | 'lastName' | 'company'>;

const minute = 60_000;

/** Stable per record, so exporting the same appointment again updates it in the calendar program. */
export const calendarUid = (id: string): string => `${id}@fairlead`;

export const leadLabel = (lead: LeadName | null): string =>
  lead ? `${lead.firstName} ${lead.lastName}`.trim() + (lead.company ? ` (${lead.company})` : '') : 'a lead';

export const demoCalendarEvent = (demo: DemoAppointment, lead: LeadName | null): CalendarEvent => {
  const description = [
    `Demo with ${leadLabel(lead)}.`,
    demo.link ? `Join: ${demo.link}` : '',
    demo.notes ? `Notes: ${demo.notes}` : '',
    demo.demoStatus !== 'scheduled' ? `Status: ${demoStatusLabels[demo.demoStatus]}` : '',
    demo.outcome ? `Outcome: ${demo.outcome}` : '',
  ].filter(Boolean);
  return {
    uid: calendarUid(demo.id),
    startsAt: demo.startsAt,
    endsAt: demo.startsAt + demo.durationMinutes * minute,
    summary: lead ? `Demo: ${leadLabel(lead)}` : 'Demo',
    location: demo.location,
    url: demo.link,
    description: description.join('\n'),
    status: demo.demoStatus === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    updatedAt: demo.updatedAt,
  };
};

/** One lead's seat at a seminar, at the seminar's current time and place. */
export const seminarInviteCalendarEvent = (
  invite: SeminarInvite,
  seminar: Seminar,
  lead: LeadName | null,
): CalendarEvent => ({
  uid: calendarUid(invite.id),
  startsAt: seminar.startsAt,
  endsAt: seminar.startsAt + seminar.durationMinutes * minute,
  summary: `Seminar: ${seminar.title}${lead ? ` with ${leadLabel(lead)}` : ''}`,
  location: seminar.venue,
  description: [
    `${lead ? leadLabel(lead) : 'The lead'}: ${inviteeStatusLabels[invite.inviteeStatus].toLowerCase()}.`,
    seminar.description,
    invite.notes ? `Notes: ${invite.notes}` : '',
  ]
    .filter(Boolean)
    .join('\n'),
  status: 'CONFIRMED',
  updatedAt: Math.max(invite.updatedAt, seminar.updatedAt),
});

/** A team seminar as a whole, listing the user's own invitees when there are any. */
export const seminarCalendarEvent = (
  seminar: Seminar,
  invitees: readonly { lead: LeadName | null; invite: SeminarInvite }[] = [],
): CalendarEvent => ({
  uid: calendarUid(seminar.id),
  startsAt: seminar.startsAt,
  endsAt: seminar.startsAt + seminar.durationMinutes * minute,
  summary: `Seminar: ${seminar.title}`,
  location: seminar.venue,
  description: [
    seminar.description,
    invitees.length > 0
      ? `Invited: ${invitees
          .map(
            ({ lead, invite }) =>
              `${leadLabel(lead)} – ${inviteeStatusLabels[invite.inviteeStatus].toLowerCase()}`,
          )
          .join('; ')}`
      : '',
  ]
    .filter(Boolean)
    .join('\n'),
  status: 'CONFIRMED',
  updatedAt: seminar.updatedAt,
});
