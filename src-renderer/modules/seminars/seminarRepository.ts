import type { SeminarInvite } from '../../../src-shared/domain/appointment';
import { seminarInviteSchema } from '../../../src-shared/domain/appointment';
import { newId } from '../../../src-shared/domain/ids';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Seminar } from '../../../src-shared/domain/seminar';
import { seminarSchema } from '../../../src-shared/domain/seminar';
import type { InviteeStatus } from '../../../src-shared/domain/vocabulary';
import type { InviteCheck } from '../../../src-shared/rules/seminars';
import { canWithdrawInvite, changeInviteeStatus, checkInvite } from '../../../src-shared/rules/seminars';
import type { FairleadDatabase } from '../../db/database';
import type { SessionUser } from '../../session/sessionStore';

/** What the seminar form edits; the rest of the document is bookkeeping. */
export type SeminarInput = Pick<
  Seminar,
  'title' | 'startsAt' | 'durationMinutes' | 'venue' | 'capacity' | 'campaignId' | 'description'
>;

export type SeminarSaveResult =
  { ok: true; seminar: Seminar } | { ok: false; errors: { field: keyof SeminarInput; message: string }[] };

/**
 * The invites of one seminar this device holds. There is no index on seminarId (collection schemas are fixed
 * at v0); the selector runs over the user's own appointments (a rep) or their team's (a manager), which is small.
 */
export const invitesOfSeminarsQuery = (db: FairleadDatabase, seminarIds: readonly string[]) =>
  db.appointments.find({
    selector: { kind: 'seminar_invite', seminarId: { $in: [...seminarIds] } } as never,
  });

export const loadInvites = async (db: FairleadDatabase, seminarId: string): Promise<SeminarInvite[]> =>
  (await invitesOfSeminarsQuery(db, [seminarId]).exec()).map((doc) => doc.toJSON() as SeminarInvite);

/** Creates or edits a seminar; a new time is copied onto the invites this user may write (see SeminarInvite). */
export const saveSeminar = async (
  db: FairleadDatabase,
  user: SessionUser,
  input: SeminarInput,
  existing: Seminar | null,
): Promise<SeminarSaveResult> => {
  const now = Date.now();
  const candidate = existing
    ? { ...existing, ...input, updatedAt: now }
    : { id: newId(now), createdAt: now, updatedAt: now, ownerId: user.id, teamId: user.teamId, ...input };
  const parsed = seminarSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        field: String(issue.path[0] ?? 'title') as keyof SeminarInput,
        message: issue.message,
      })),
    };
  }
  const seminar = parsed.data;
  await db.seminars.upsert(seminar);
  const moved =
    existing &&
    (existing.startsAt !== seminar.startsAt || existing.durationMinutes !== seminar.durationMinutes);
  // Only managers write their team's appointments; elsewhere the invite's copy is refreshed by its owner's device.
  if (moved && user.role === 'manager') {
    const docs = await invitesOfSeminarsQuery(db, [seminar.id]).exec();
    for (const doc of docs) {
      await doc.incrementalPatch({
        startsAt: seminar.startsAt,
        durationMinutes: seminar.durationMinutes,
        updatedAt: now,
      });
    }
  }
  return { ok: true, seminar };
};

export type InviteResult = InviteCheck & { invite?: SeminarInvite };

/**
 * Invites a lead to a seminar, judged on this device's data (see the seat rule in src-shared/rules/seminars.ts).
 * The invite belongs to the lead's owner: a manager inviting for a rep's lead puts it in that rep's diary.
 */
export const inviteToSeminar = async (
  db: FairleadDatabase,
  seminar: Seminar,
  lead: Pick<Lead, 'id' | 'ownerId' | 'teamId'>,
  options: { joinWaitlist?: boolean; notes?: string } = {},
): Promise<InviteResult> => {
  const now = Date.now();
  const invites = await loadInvites(db, seminar.id);
  const check = checkInvite(seminar, invites, { leadId: lead.id, joinWaitlist: options.joinWaitlist }, now);
  if (!check.ok) return check;
  const invite = seminarInviteSchema.parse({
    id: newId(now),
    createdAt: now,
    updatedAt: now,
    ownerId: lead.ownerId,
    teamId: lead.teamId,
    leadId: lead.id,
    kind: 'seminar_invite',
    seminarId: seminar.id,
    startsAt: seminar.startsAt,
    durationMinutes: seminar.durationMinutes,
    notes: options.notes ?? '',
    inviteeStatus: 'invited',
  });
  await db.appointments.insert(invite);
  return { ...check, invite };
};

export const setInviteeStatus = async (
  db: FairleadDatabase,
  inviteId: string,
  to: InviteeStatus,
  seminar: Pick<Seminar, 'startsAt'>,
): Promise<string | null> => {
  const doc = await db.appointments.findOne(inviteId).exec();
  if (!doc || doc.kind !== 'seminar_invite') return 'This invite is no longer on this device.';
  const result = changeInviteeStatus(doc.toJSON() as SeminarInvite, to, seminar, Date.now());
  if (!result.ok) return result.errors.map((error) => error.message).join(' ');
  await doc.incrementalPatch(result.patch);
  return null;
};

/** Withdraws an invite before the seminar (a soft delete that syncs); its seat goes to the first in line. */
export const withdrawInvite = async (
  db: FairleadDatabase,
  inviteId: string,
  seminar: Pick<Seminar, 'startsAt'>,
): Promise<string | null> => {
  if (!canWithdrawInvite(seminar, Date.now()))
    return 'The seminar has started: record whether the invitee attended instead.';
  const doc = await db.appointments.findOne(inviteId).exec();
  if (!doc) return 'This invite is no longer on this device.';
  await doc.remove();
  return null;
};
