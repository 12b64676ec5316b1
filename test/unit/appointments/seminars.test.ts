import { describe, expect, it } from 'vitest';
import type { SeminarInvite } from '../../../src-shared/domain/appointment';
import {
  canWithdrawInvite,
  changeInviteeStatus,
  checkInvite,
  seatingOf,
} from '../../../src-shared/rules/seminars';

const now = Date.UTC(2026, 10, 20, 9, 0, 0);
const hour = 3_600_000;
const seminar = { title: 'Lean Lines', capacity: 2, startsAt: now + 48 * hour };

const invite = (id: string, createdAt: number, overrides: Partial<SeminarInvite> = {}): SeminarInvite => ({
  id,
  createdAt,
  updatedAt: createdAt,
  ownerId: 'rep-1',
  teamId: 'team-1',
  leadId: `lead-${id}`,
  kind: 'seminar_invite',
  seminarId: 'sem-1',
  startsAt: seminar.startsAt,
  durationMinutes: 180,
  notes: '',
  inviteeStatus: 'invited',
  ...overrides,
});

describe('seatingOf', () => {
  it('seats the first `capacity` invites by creation time and waitlists the rest in order', () => {
    const seating = seatingOf(seminar, [invite('c', now + 3), invite('a', now + 1), invite('b', now + 2)]);
    expect(seating.seated).toEqual(['a', 'b']);
    expect(seating.waitlist).toEqual(['c']);
    expect(seating.free).toBe(0);
    expect(seating.placements.c).toEqual({ kind: 'waitlist', position: 1 });
    expect(seating.placements.a).toEqual({ kind: 'seat' });
  });

  it('decides invites made in the same millisecond by id, whatever order a device holds them in', () => {
    const invites = [invite('B2', now), invite('A1', now), invite('seat', now - 10)];
    const one = seatingOf(seminar, invites);
    const other = seatingOf(seminar, [...invites].reverse());
    expect(one).toEqual(other);
    expect(one.seated).toEqual(['seat', 'A1']);
    expect(one.waitlist).toEqual(['B2']);
  });

  it('frees the seat of a no-show (and of a withdrawn invite, which is simply absent) for the first in line', () => {
    const invites = [invite('a', now + 1), invite('b', now + 2), invite('c', now + 3), invite('d', now + 4)];
    expect(seatingOf(seminar, invites).waitlist).toEqual(['c', 'd']);
    const afterNoShow = seatingOf(seminar, [
      { ...invites[0]!, inviteeStatus: 'no_show' },
      ...invites.slice(1),
    ]);
    expect(afterNoShow.seated).toEqual(['b', 'c']);
    expect(afterNoShow.placements.a).toEqual({ kind: 'none' });
    expect(afterNoShow.placements.d).toEqual({ kind: 'waitlist', position: 1 });
    expect(seatingOf(seminar, invites.slice(1)).seated).toEqual(['b', 'c']);
  });

  it('registered and attended invitees hold their seats; lowering the capacity waitlists the latest', () => {
    const invites = [
      invite('a', now + 1, { inviteeStatus: 'attended' }),
      invite('b', now + 2, { inviteeStatus: 'registered' }),
      invite('c', now + 3),
    ];
    expect(seatingOf({ capacity: 3 }, invites)).toMatchObject({ seated: ['a', 'b', 'c'], free: 0 });
    expect(seatingOf({ capacity: 1 }, invites)).toMatchObject({ seated: ['a'], waitlist: ['b', 'c'] });
    expect(seatingOf({ capacity: 5 }, invites).free).toBe(2);
  });
});

describe('checkInvite', () => {
  it('gives a seat while one is free', () => {
    expect(checkInvite(seminar, [invite('a', now)], { leadId: 'new' }, now)).toEqual({
      ok: true,
      placement: 'seat',
    });
  });

  it('refuses when the seminar is full on this device and offers the waitlist; the waitlist is then accepted', () => {
    const full = [invite('a', now), invite('b', now + 1)];
    const refused = checkInvite(seminar, full, { leadId: 'new' }, now);
    expect(refused).toEqual({
      ok: false,
      full: true,
      errors: [
        {
          field: 'joinWaitlist',
          message:
            'All 2 seats are taken. Add the lead to the waitlist instead? They move up when a seat frees.',
        },
      ],
    });
    expect(checkInvite(seminar, full, { leadId: 'new', joinWaitlist: true }, now)).toEqual({
      ok: true,
      placement: 'waitlist',
    });
  });

  it('counts a no-show as no seat taken', () => {
    const invites = [invite('a', now, { inviteeStatus: 'no_show' }), invite('b', now + 1)];
    expect(checkInvite(seminar, invites, { leadId: 'new' }, now)).toEqual({ ok: true, placement: 'seat' });
  });

  it('refuses a lead already on the list and a seminar that has started', () => {
    const invites = [invite('a', now, { leadId: 'lead-x', inviteeStatus: 'no_show' })];
    expect(checkInvite(seminar, invites, { leadId: 'lead-x' }, now)).toMatchObject({
      ok: false,
      errors: [{ field: 'leadId', message: 'This lead is already on the list of this seminar.' }],
    });
    expect(checkInvite(seminar, [], { leadId: 'new' }, seminar.startsAt)).toMatchObject({
      ok: false,
      errors: [
        { field: 'seminarId', message: '“Lean Lines” has already started; invite to an upcoming seminar.' },
      ],
    });
  });
});

describe('changeInviteeStatus', () => {
  const before = now;
  const after = seminar.startsAt + hour;

  it('registers (and unregisters) before the seminar, records attended or no-show only once it started', () => {
    expect(changeInviteeStatus(invite('a', now), 'registered', seminar, before)).toEqual({
      ok: true,
      patch: { inviteeStatus: 'registered', updatedAt: before },
    });
    expect(
      changeInviteeStatus(invite('a', now, { inviteeStatus: 'registered' }), 'invited', seminar, before).ok,
    ).toBe(true);
    expect(changeInviteeStatus(invite('a', now), 'no_show', seminar, before)).toEqual({
      ok: false,
      errors: [{ field: 'inviteeStatus', message: 'No-show can be recorded once the seminar has started.' }],
    });
    expect(changeInviteeStatus(invite('a', now), 'attended', seminar, before).ok).toBe(false);
    expect(changeInviteeStatus(invite('a', now), 'attended', seminar, after).ok).toBe(true);
    expect(changeInviteeStatus(invite('a', now), 'no_show', seminar, seminar.startsAt).ok).toBe(true);
  });

  it('corrects attended and no-show into each other afterwards, but does not go back to invited', () => {
    const attended = invite('a', now, { inviteeStatus: 'attended' });
    expect(changeInviteeStatus(attended, 'no_show', seminar, after).ok).toBe(true);
    expect(changeInviteeStatus({ inviteeStatus: 'no_show' }, 'attended', seminar, after).ok).toBe(true);
    expect(changeInviteeStatus(attended, 'registered', seminar, after)).toMatchObject({ ok: false });
    expect(changeInviteeStatus(attended, 'attended', seminar, after)).toEqual({
      ok: false,
      errors: [{ field: 'inviteeStatus', message: 'The invitee is already marked attended.' }],
    });
  });

  it('lets an invite be withdrawn only before the seminar', () => {
    expect(canWithdrawInvite(seminar, before)).toBe(true);
    expect(canWithdrawInvite(seminar, seminar.startsAt)).toBe(false);
  });
});
