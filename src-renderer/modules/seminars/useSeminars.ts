import { useMemo } from 'react';
import type { SeminarInvite } from '../../../src-shared/domain/appointment';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Seminar } from '../../../src-shared/domain/seminar';
import type { User } from '../../../src-shared/domain/user';
import type { SeminarSeating } from '../../../src-shared/rules/seminars';
import { seatingOf } from '../../../src-shared/rules/seminars';
import { useDatabase } from '../../app/DatabaseContext';
import { useObservable } from '../../ui/useObservable';
import { invitesOfSeminarsQuery } from './seminarRepository';

/** Seminars of the team starting at or after `from`, soonest first (the `startsAt` index). */
export const useSeminarsFrom = (from: number): Seminar[] | undefined => {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(
      () => db.seminars.find({ selector: { startsAt: { $gte: from } }, sort: [{ startsAt: 'asc' }] }).$,
      [db, from],
    ),
  );
  return useMemo(() => docs?.map((doc) => doc.toJSON() as Seminar), [docs]);
};

/** Seminars starting within [from, to), for the calendar. */
export const useSeminarsBetween = (from: number, to: number): Seminar[] | undefined => {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(
      () =>
        db.seminars.find({ selector: { startsAt: { $gte: from, $lt: to } }, sort: [{ startsAt: 'asc' }] }).$,
      [db, from, to],
    ),
  );
  return useMemo(() => docs?.map((doc) => doc.toJSON() as Seminar), [docs]);
};

export type SeminarWithSeats = { seminar: Seminar; invites: SeminarInvite[]; seating: SeminarSeating };

/** Every seminar with the invites this device holds and who is seated or waiting (derived, see rules/seminars). */
export const useSeatings = (seminars: readonly Seminar[] | undefined): SeminarWithSeats[] | undefined => {
  const db = useDatabase();
  const ids = useMemo(() => seminars?.map((seminar) => seminar.id) ?? [], [seminars]);
  const key = ids.join(',');
  const docs = useObservable(
    // Keyed by the ids, not the array, so a seminar edit does not restart the query.
    useMemo(() => invitesOfSeminarsQuery(db, key ? key.split(',') : []).$, [db, key]),
  );
  return useMemo(() => {
    if (!seminars || !docs) return undefined;
    const bySeminar = new Map<string, SeminarInvite[]>();
    for (const doc of docs) {
      const invite = doc.toJSON() as SeminarInvite;
      bySeminar.set(invite.seminarId, [...(bySeminar.get(invite.seminarId) ?? []), invite]);
    }
    return seminars.map((seminar) => {
      const invites = bySeminar.get(seminar.id) ?? [];
      return { seminar, invites, seating: seatingOf(seminar, invites) };
    });
  }, [seminars, docs]);
};

/** Leads by id, live, for showing names next to invites and demos (only those on this device). */
export const useLeadsById = (ids: readonly string[]): Map<string, Lead> | undefined => {
  const db = useDatabase();
  const key = [...new Set(ids)].sort().join(',');
  const docs = useObservable(useMemo(() => db.leads.findByIds(key ? key.split(',') : []).$, [db, key]));
  return useMemo(() => {
    if (!docs) return undefined;
    return new Map([...docs.values()].map((doc) => [doc.id, doc.toJSON() as Lead]));
  }, [docs]);
};

/** Users of the team by id (empty on a device-only workspace). */
export const useUsersById = (): Map<string, User> => {
  const db = useDatabase();
  const docs = useObservable(useMemo(() => (db.users ? db.users.find().$ : null), [db]));
  return useMemo(() => new Map((docs ?? []).map((doc) => [doc.id, doc.toJSON() as User])), [docs]);
};
