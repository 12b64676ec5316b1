import { describe, expect, it } from 'vitest';
import { demoAppointmentSchema } from '../../../src-shared/domain/appointment';
import type { DemoAppointment } from '../../../src-shared/domain/appointment';
import type { DemoDraft } from '../../../src-shared/rules/demos';
import {
  changeDemoStatus,
  rescheduleDemo,
  scheduleDemo,
  validateDemoDraft,
} from '../../../src-shared/rules/demos';

const now = Date.UTC(2026, 10, 20, 9, 0, 0);
const day = 86_400_000;
const draft: DemoDraft = {
  startsAt: now + 2 * day,
  durationMinutes: 60,
  location: 'Plant 2, Hannover',
  link: '',
  notes: 'Bring the 3D scanner',
};
const context = { id: 'demo-1', leadId: 'lead-1', ownerId: 'rep-1', teamId: 'team-1', now };

const booked = (): DemoAppointment => {
  const result = scheduleDemo(draft, context);
  if (!result.ok) throw new Error('fixture demo did not book');
  return result.demo;
};

describe('scheduleDemo', () => {
  it('books a scheduled demo that the shared schema accepts', () => {
    const demo = booked();
    expect(demo).toMatchObject({
      kind: 'demo',
      demoStatus: 'scheduled',
      outcome: '',
      startsAt: now + 2 * day,
    });
    expect(demoAppointmentSchema.parse(demo)).toEqual(demo);
  });

  it('needs a place or a link, a future start and a sane duration, each error on its field', () => {
    const result = scheduleDemo({ ...draft, startsAt: now - 1, durationMinutes: 2, location: '  ' }, context);
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'startsAt', message: 'The demo must start in the future.' },
        { field: 'durationMinutes', message: 'The duration must be between 5 minutes and 24 hours.' },
        { field: 'location', message: 'Give a place or a meeting link (or both).' },
      ],
    });
  });

  it('accepts a link instead of a place, and rejects a link that is not a full URL', () => {
    expect(validateDemoDraft({ ...draft, location: '', link: 'https://meet.example.com/abc' }, now)).toEqual(
      [],
    );
    expect(validateDemoDraft({ ...draft, location: '', link: 'meet.example.com' }, now)).toEqual([
      { field: 'link', message: 'Enter a full link, like https://meet.example.com/abc' },
    ]);
  });
});

describe('demo state changes', () => {
  it('reschedules a scheduled demo to a future time only', () => {
    const demo = booked();
    const later = { ...draft, startsAt: now + 5 * day, link: 'https://meet.example.com/x' };
    expect(rescheduleDemo(demo, later, now)).toEqual({
      ok: true,
      patch: {
        startsAt: now + 5 * day,
        durationMinutes: 60,
        location: 'Plant 2, Hannover',
        link: 'https://meet.example.com/x',
        notes: 'Bring the 3D scanner',
        updatedAt: now,
      },
    });
    expect(rescheduleDemo(demo, { ...draft, startsAt: now - day }, now)).toMatchObject({
      ok: false,
      errors: [{ field: 'startsAt' }],
    });
  });

  it('marks a demo done only with an outcome', () => {
    const demo = booked();
    expect(changeDemoStatus(demo, { to: 'done', outcome: ' ' }, now + 3 * day)).toEqual({
      ok: false,
      errors: [{ field: 'outcome', message: 'Say how the demo went: the outcome is required.' }],
    });
    expect(changeDemoStatus(demo, { to: 'done', outcome: 'Wants a proposal' }, now + 3 * day)).toEqual({
      ok: true,
      patch: { demoStatus: 'done', outcome: 'Wants a proposal', updatedAt: now + 3 * day },
    });
  });

  it('records a no-show only once the demo was due to start', () => {
    const demo = booked();
    expect(changeDemoStatus(demo, { to: 'no_show' }, demo.startsAt - 1)).toEqual({
      ok: false,
      errors: [
        { field: 'demoStatus', message: 'A no-show can be recorded only once the demo was due to start.' },
      ],
    });
    expect(
      changeDemoStatus(demo, { to: 'no_show', outcome: 'Call again Monday' }, demo.startsAt),
    ).toMatchObject({
      ok: true,
      patch: { demoStatus: 'no_show', outcome: 'Call again Monday' },
    });
  });

  it('cancels at any time before it is finished, with an optional reason', () => {
    expect(changeDemoStatus(booked(), { to: 'cancelled' }, now)).toMatchObject({
      ok: true,
      patch: { demoStatus: 'cancelled', outcome: '' },
    });
  });

  it('never changes a finished demo again', () => {
    for (const status of ['done', 'cancelled', 'no_show'] as const) {
      const demo = { ...booked(), demoStatus: status };
      expect(changeDemoStatus(demo, { to: 'done', outcome: 'x' }, now + 3 * day).ok).toBe(false);
      expect(changeDemoStatus(demo, { to: 'cancelled' }, now).ok).toBe(false);
      const moved = rescheduleDemo(demo, draft, now);
      expect(moved.ok).toBe(false);
      if (!moved.ok) expect(moved.errors[0]?.field).toBe('demoStatus');
    }
    expect(changeDemoStatus({ ...booked(), demoStatus: 'done' }, { to: 'cancelled' }, now)).toEqual({
      ok: false,
      errors: [{ field: 'demoStatus', message: 'Only a scheduled demo can be cancelled; this one is done.' }],
    });
  });
});
