import { describe, expect, it } from 'vitest';
import type { DemoAppointment, SeminarInvite } from '../../../src-shared/domain/appointment';
import type { Seminar } from '../../../src-shared/domain/seminar';
import {
  demoCalendarEvent,
  seminarCalendarEvent,
  seminarInviteCalendarEvent,
} from '../../../src-shared/ics/appointmentEvents';
import { escapeText, foldLine, formatUtc, toICalendar } from '../../../src-shared/ics/icalendar';
import { parseICalendar } from '../../../src-shared/ics/parseICalendar';

const now = Date.UTC(2026, 10, 20, 9, 0, 0);
const lead = { firstName: 'Jörg', lastName: 'Müller', company: 'Müller, Söhne & Co; KG' };
const demo: DemoAppointment = {
  id: '01JDEMO0000000000000000000',
  createdAt: now,
  updatedAt: now + 5,
  ownerId: 'rep-1',
  teamId: 'team-1',
  leadId: 'lead-1',
  kind: 'demo',
  startsAt: Date.UTC(2026, 10, 26, 13, 30),
  durationMinutes: 90,
  notes: 'Line 1\nLine 2, with a comma; and a semicolon \\ backslash',
  location: 'Werk 2, Halle 4; Tor B',
  link: 'https://meet.example.com/abc?x=1,2',
  demoStatus: 'scheduled',
  outcome: '',
};
const seminar: Seminar = {
  id: '01JSEMINAR00000000000000000',
  createdAt: now,
  updatedAt: now,
  ownerId: 'manager-1',
  teamId: 'team-1',
  title: 'Lean production lines',
  startsAt: Date.UTC(2026, 11, 1, 8),
  durationMinutes: 180,
  venue: 'Hotel Kaiserhof, Hannover',
  capacity: 20,
  campaignId: '',
  description: 'Half-day seminar',
};

describe('iCalendar generation', () => {
  it('writes UTC times, escapes TEXT and folds long lines at 75 octets without splitting a character', () => {
    expect(formatUtc(demo.startsAt)).toBe('20261126T133000Z');
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `DESCRIPTION:${'ü'.repeat(60)}`;
    const folded = foldLine(long).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const line of folded) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(folded.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(long);
  });

  it('exports a demo that reads back field for field, with a stable UID', () => {
    const ics = toICalendar([demoCalendarEvent(demo, lead)], { now });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Fairlead//Fairlead CRM//EN\r\n')).toBe(
      true,
    );
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).toContain('LOCATION:Werk 2\\, Halle 4\\; Tor B');
    expect(ics).toContain('DTSTAMP:20261120T090000Z');

    const [event, ...rest] = parseICalendar(ics).events;
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      uid: '01JDEMO0000000000000000000@fairlead',
      startsAt: demo.startsAt,
      endsAt: demo.startsAt + 90 * 60_000,
      summary: 'Demo: Jörg Müller (Müller, Söhne & Co; KG)',
      location: demo.location,
      url: demo.link,
      status: 'CONFIRMED',
    });
    expect(event?.description).toContain(demo.notes);
    expect(event?.description).toContain('Join: https://meet.example.com/abc?x=1,2');
    // The same appointment exported twice keeps its UID.
    expect(demoCalendarEvent({ ...demo, startsAt: demo.startsAt + 60_000 }, lead).uid).toBe(event?.uid);
  });

  it('marks cancelled demos CANCELLED and carries the outcome of finished ones', () => {
    const cancelled = demoCalendarEvent({ ...demo, demoStatus: 'cancelled', outcome: 'Budget frozen' }, null);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', summary: 'Demo' });
    expect(cancelled.description).toContain('Outcome: Budget frozen');
  });

  it('exports seminars and seminar invites at the seminar time and venue', () => {
    const invite: SeminarInvite = {
      ...demo,
      id: 'invite-1',
      kind: 'seminar_invite',
      seminarId: seminar.id,
      startsAt: seminar.startsAt - 3_600_000,
      notes: '',
      inviteeStatus: 'registered',
    } as SeminarInvite;
    const events = parseICalendar(
      toICalendar(
        [
          seminarInviteCalendarEvent(invite, seminar, lead),
          seminarCalendarEvent(seminar, [{ lead, invite }]),
        ],
        {
          now,
          name: 'Fairlead, week 49',
        },
      ),
    );
    expect(events.properties['X-WR-CALNAME']).toBe('Fairlead, week 49');
    expect(events.events.map((event) => [event.uid, event.startsAt, event.location])).toEqual([
      ['invite-1@fairlead', seminar.startsAt, seminar.venue],
      [`${seminar.id}@fairlead`, seminar.startsAt, seminar.venue],
    ]);
    expect(events.events[0]?.summary).toBe(
      'Seminar: Lean production lines with Jörg Müller (Müller, Söhne & Co; KG)',
    );
    expect(events.events[1]?.description).toContain(
      'Invited: Jörg Müller (Müller, Söhne & Co; KG) – registered',
    );
  });
});
