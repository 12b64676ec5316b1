import { useMemo } from 'react';
import type { Activity } from '../../../src-shared/domain/activity';
import type { Appointment } from '../../../src-shared/domain/appointment';
import type { User } from '../../../src-shared/domain/user';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { useObservable } from '../../ui/useObservable';

/** A lead's activities, oldest first: one range of the ['leadId', 'at'] index. */
export const useLeadActivities = (leadId: string): Activity[] | undefined => {
  const db = useDatabase();
  const source = useMemo(
    () => db.activities.find({ selector: { leadId }, sort: [{ leadId: 'asc' }, { at: 'asc' }] }).$,
    [db, leadId],
  );
  const docs = useObservable(source);
  return useMemo(() => docs?.map((doc) => doc.toJSON() as Activity), [docs]);
};

/** A lead's seminar invites and demos by start: one range of the ['leadId', 'startsAt'] index. */
export const useLeadAppointments = (leadId: string): Appointment[] | undefined => {
  const db = useDatabase();
  const source = useMemo(
    () => db.appointments.find({ selector: { leadId }, sort: [{ leadId: 'asc' }, { startsAt: 'asc' }] }).$,
    [db, leadId],
  );
  const docs = useObservable(source);
  return useMemo(() => docs?.map((doc) => doc.toJSON() as Appointment), [docs]);
};

/**
 * The people of the user's team, by name. Working on this device only there is no directory, so the user is the
 * whole team.
 */
export const useTeamUsers = (): Pick<User, 'id' | 'name' | 'role' | 'active'>[] => {
  const db = useDatabase();
  const me = useSession((state) => state.user);
  const source = useMemo(
    () => db.users.find({ selector: { teamId: me.teamId }, sort: [{ teamId: 'asc' }, { name: 'asc' }] }).$,
    [db, me.teamId],
  );
  const docs = useObservable(source);
  return useMemo(() => {
    const users = (docs ?? []).map((doc) => doc.toJSON() as User);
    return users.some((user) => user.id === me.id)
      ? users
      : [{ id: me.id, name: me.name, role: me.role, active: true }, ...users];
  }, [docs, me]);
};
