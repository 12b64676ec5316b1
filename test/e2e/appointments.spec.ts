import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Download } from '@playwright/test';
import { parseICalendar } from '../../src-shared/ics/parseICalendar';
import { AppShell } from './pages/AppShell';
import { CalendarPage } from './pages/CalendarPage';
import { CapturePage } from './pages/CapturePage';
import { LeadAppointmentsPanel } from './pages/LeadAppointmentsPanel';
import { LeadsPage } from './pages/LeadsPage';
import { SeminarsPage } from './pages/SeminarsPage';

const pad = (value: number) => String(value).padStart(2, '0');
const dateInput = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** Days of next week (Monday-based, local time), so the calendar is one "next week" away whatever today is. */
const nextWeekDay = (offsetFromMonday: number): Date => {
  const date = new Date();
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() - ((date.getDay() + 6) % 7) + 7 + offsetFromMonday);
  return date;
};

const seminar = {
  title: 'Lean production lines',
  venue: 'Hotel Kaiserhof, Hannover',
  date: dateInput(nextWeekDay(1)),
  time: '09:00',
  durationMinutes: 180,
  capacity: 2,
  description: 'Half-day seminar with a plant tour',
};
const visitor = {
  firstName: 'Jörg',
  lastName: 'Müller',
  company: 'Müller Werkzeugbau',
  jobTitle: 'Head of Production',
  email: 'mueller@werkzeugbau.example',
  phone: '+49 511 555 010',
};
const demo = {
  date: dateInput(nextWeekDay(3)),
  time: '14:00',
  duration: '1 h 30 min',
  place: 'Werk 2, Halle 4; Tor B',
  link: 'https://meet.example.com/mueller-demo',
  notes: 'Bring the 3D scanner',
};

const readIcs = async (download: Download) => {
  const path = await download.path();
  return parseICalendar(readFileSync(path, 'utf8'));
};

test('a rep invites a lead to a seminar and books a demo offline; both survive a reload and export as .ics', async ({
  page,
  context,
}) => {
  const app = new AppShell(page);
  const seminars = new SeminarsPage(page);
  const capture = new CapturePage(page);
  const leads = new LeadsPage(page);
  const panel = new LeadAppointmentsPanel(page);
  const calendar = new CalendarPage(page);

  await app.openOnThisDeviceOnly();
  await app.waitUntilAvailableOffline();
  await app.goOffline(context);

  // On this device the user is its manager, so they plan the seminar themselves.
  await seminars.open();
  await seminars.create(seminar);
  await expect(seminars.seats(seminar.title)).toContainText('0 of 2 seats taken');

  await app.navigate('Capture');
  await capture.typeVisitor(visitor);
  await expect(app.toast('Saved Jörg Müller')).toBeVisible();

  await app.navigate('Leads');
  await leads.open('Jörg Müller');
  await expect(page.getByRole('heading', { name: 'Jörg Müller' })).toBeVisible();
  await panel.inviteTo(seminar.title);
  await expect(app.toast(`Jörg Müller invited to ${seminar.title}`)).toBeVisible();
  await panel.bookDemo(demo);
  await expect(app.toast('Demo booked with Jörg Müller')).toBeVisible();
  await expect(panel.invites).toHaveCount(1);
  await expect(panel.demos).toHaveCount(1);

  // Reload with the network still off: the invite and the demo are still there.
  await page.reload();
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Working offline');
  await app.navigate('Leads');
  await leads.open('Jörg Müller');
  await expect(panel.invites).toHaveCount(1);
  await expect(panel.invites.first()).toContainText(seminar.title);
  await expect(panel.invites.first()).toContainText('Seat');
  await expect(panel.invites.first().getByLabel('Status')).toHaveValue('invited');
  await expect(panel.demos).toHaveCount(1);
  await expect(panel.demos.first()).toContainText('Scheduled');
  await expect(panel.demos.first()).toContainText(demo.place);
  await app.screenshot('lead-appointments');

  // The .ics (a download in the web build) reads back as the appointment.
  const download = await panel.exportFirstDemo();
  expect(download.suggestedFilename()).toBe(`demo-muller-${demo.date}.ics`);
  const { events } = await readIcs(download);
  const [year, month, day] = demo.date.split('-').map(Number) as [number, number, number];
  const expectedStart = await page.evaluate(([y, m, d]) => new Date(y, m - 1, d, 14, 0).getTime(), [
    year,
    month,
    day,
  ] as const);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    uid: expect.stringMatching(/^[0-9A-Z]{24}@fairlead$/),
    startsAt: expectedStart,
    endsAt: expectedStart + 90 * 60_000,
    summary: 'Demo: Jörg Müller (Müller Werkzeugbau)',
    location: demo.place,
    url: demo.link,
    status: 'CONFIRMED',
  });
  expect(events[0]?.description).toContain(demo.notes);

  await seminars.open();
  await expect(seminars.seats(seminar.title)).toContainText('1 of 2 seats taken');
  const invitees = await seminars.showInvitees(seminar.title);
  await expect(invitees.getByRole('row')).toHaveCount(2);
  await expect(invitees).toContainText('Jörg Müller');
  await app.screenshot('seminars');

  // The calendar: next week holds the seminar and the demo; the keyboard moves between periods and views.
  await calendar.open();
  await calendar.press('w');
  await calendar.press('ArrowRight');
  await expect(calendar.event(/^Demo: Jörg Müller/)).toBeVisible();
  await expect(calendar.event(new RegExp(`^${seminar.title}`))).toBeVisible();
  await calendar.event(/^Demo: Jörg Müller/).click();
  await expect(calendar.details).toContainText(demo.place);
  await expect(app.toast(/^Exported/)).toBeHidden();
  await app.screenshot('calendar');

  const week = await readIcs(await calendar.exportVisible());
  expect(week.events.map((event) => event.summary).sort()).toEqual([
    'Demo: Jörg Müller (Müller Werkzeugbau)',
    `Seminar: ${seminar.title}`,
  ]);
  expect(week.events.find((event) => event.uid === events[0]?.uid)?.startsAt).toBe(expectedStart);

  await calendar.press('d');
  await expect(calendar.period).not.toContainText('Week');
  await calendar.press('t');
  await calendar.press('w');
  await expect(calendar.event(/^Demo: Jörg Müller/)).toBeHidden();
});
