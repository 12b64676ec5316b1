import type { SeminarInvite } from '../domain/appointment';
import type { Seminar } from '../domain/seminar';
import type { InviteeStatus } from '../domain/vocabulary';

/**
 * Seminar capacity when reps invite offline.
 *
 * Seats are DERIVED, never stored, so every device that holds the same invites computes the same answer without
 * asking anyone:
 *
 * 1. The invites that compete for a seat are a seminar's invites whose status is invited, registered or attended.
 *    A no-show and a withdrawn (deleted) invite hold nothing, so the seat frees for the next in line.
 * 2. They are ordered by `createdAt` (the inviting device's clock when the invite was made), ties broken by `id`.
 * 3. The first `capacity` of them hold a seat; the rest are on the waitlist, numbered from 1 in the same order.
 *
 * A device refuses a new invite when the seminar is already full in its local data and offers the waitlist instead.
 * Two reps offline can both take "the last seat": neither can know of the other. When both have synced, the later
 * invite (by the rule above) is on the waitlist on every device, and the rep who made it is told (the renderer
 * shows a notice when one of their invites moves from a seat to the waitlist). Lowering the capacity waitlists the
 * latest invites the same way; raising it, or an invite leaving, moves the first of the waitlist up.
 */
export const seatHoldingStatuses: readonly InviteeStatus[] = ['invited', 'registered', 'attended'];

export const inviteeStatusLabels: Record<InviteeStatus, string> = {
  invited: 'Invited',
  registered: 'Registered',
  attended: 'Attended',
  no_show: 'No-show',
};

/** The facts of an invite the seat rule reads. */
export type SeatClaim = Pick<SeminarInvite, 'id' | 'createdAt' | 'inviteeStatus'>;

/** Where an invite stands: in a seat, on the waitlist (1 = next to move up), or holding nothing (no-show). */
export type Placement = { kind: 'seat' } | { kind: 'waitlist'; position: number } | { kind: 'none' };

export type SeminarSeating = {
  capacity: number;
  /** Invite ids holding a seat, in seat order. */
  seated: string[];
  /** Invite ids on the waitlist, first in line first. */
  waitlist: string[];
  /** Seats still free (0 when full or overbooked). */
  free: number;
  placements: Record<string, Placement>;
};

/** The seat order: earlier invite first; the id decides between invites made in the same millisecond. */
export const compareSeatClaims = (a: SeatClaim, b: SeatClaim): number =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Who holds a seat and who waits, from the invites of one seminar (see the rule above). */
export const seatingOf = (
  seminar: Pick<Seminar, 'capacity'>,
  invites: readonly SeatClaim[],
): SeminarSeating => {
  const placements: Record<string, Placement> = {};
  const competing = invites
    .filter((invite) => {
      const holds = seatHoldingStatuses.includes(invite.inviteeStatus);
      if (!holds) placements[invite.id] = { kind: 'none' };
      return holds;
    })
    .sort(compareSeatClaims);
  const seated = competing.slice(0, seminar.capacity).map((invite) => invite.id);
  const waitlist = competing.slice(seminar.capacity).map((invite) => invite.id);
  for (const id of seated) placements[id] = { kind: 'seat' };
  waitlist.forEach((id, index) => {
    placements[id] = { kind: 'waitlist', position: index + 1 };
  });
  return {
    capacity: seminar.capacity,
    seated,
    waitlist,
    free: Math.max(0, seminar.capacity - seated.length),
    placements,
  };
};

export type InviteRequest = {
  leadId: string;
  /** The user saw that the seminar is full and chose the waitlist. */
  joinWaitlist?: boolean;
};

export type InviteError = { field: 'seminarId' | 'leadId' | 'joinWaitlist'; message: string };

/** Whether a lead may be invited, judged on the invites this device holds; `full` lets the UI offer the waitlist. */
export type InviteCheck =
  { ok: true; placement: 'seat' | 'waitlist' } | { ok: false; full: boolean; errors: InviteError[] };

export const checkInvite = (
  seminar: Pick<Seminar, 'capacity' | 'startsAt' | 'title'>,
  invites: readonly (SeatClaim & Pick<SeminarInvite, 'leadId'>)[],
  request: InviteRequest,
  now: number,
): InviteCheck => {
  const errors: InviteError[] = [];
  if (seminar.startsAt <= now) {
    errors.push({
      field: 'seminarId',
      message: `“${seminar.title}” has already started; invite to an upcoming seminar.`,
    });
  }
  if (invites.some((invite) => invite.leadId === request.leadId)) {
    errors.push({ field: 'leadId', message: 'This lead is already on the list of this seminar.' });
  }
  const full = seatingOf(seminar, invites).free === 0;
  if (errors.length === 0 && full && !request.joinWaitlist) {
    errors.push({
      field: 'joinWaitlist',
      message: `All ${seminar.capacity} seats are taken. Add the lead to the waitlist instead? They move up when a seat frees.`,
    });
  }
  if (errors.length > 0) return { ok: false, full, errors };
  return { ok: true, placement: full ? 'waitlist' : 'seat' };
};

/**
 * Invitee status changes. Before the seminar starts an invitee can register (or go back to merely invited);
 * attended and no-show record what happened, so they are only possible once the seminar has started, and either
 * can be corrected into the other afterwards.
 */
export const changeInviteeStatus = (
  invite: Pick<SeminarInvite, 'inviteeStatus'>,
  to: InviteeStatus,
  seminar: Pick<Seminar, 'startsAt'>,
  now: number,
):
  | { ok: true; patch: Pick<SeminarInvite, 'inviteeStatus' | 'updatedAt'> }
  | { ok: false; errors: { field: 'inviteeStatus'; message: string }[] } => {
  const refuse = (message: string) => ({
    ok: false as const,
    errors: [{ field: 'inviteeStatus' as const, message }],
  });
  if (invite.inviteeStatus === to)
    return refuse(`The invitee is already marked ${inviteeStatusLabels[to].toLowerCase()}.`);
  const started = now >= seminar.startsAt;
  if ((to === 'attended' || to === 'no_show') && !started) {
    return refuse(`${inviteeStatusLabels[to]} can be recorded once the seminar has started.`);
  }
  if ((to === 'invited' || to === 'registered') && started) {
    return refuse('The seminar has started: record whether the invitee attended or was a no-show.');
  }
  return { ok: true, patch: { inviteeStatus: to, updatedAt: now } };
};

/** An invite can be withdrawn (its seat frees) until the seminar starts; afterwards record attended or no-show. */
export const canWithdrawInvite = (seminar: Pick<Seminar, 'startsAt'>, now: number): boolean =>
  now < seminar.startsAt;
