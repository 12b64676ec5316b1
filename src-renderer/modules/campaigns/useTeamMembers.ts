import { useMemo } from 'react';
import type { User } from '../../../src-shared/domain/user';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { useObservable } from '../../ui/useObservable';

export type TeamMember = Pick<User, 'id' | 'name' | 'role' | 'active'>;

/**
 * The people of the user's team by name (the ['teamId', 'name'] index). Working on this device only there is no
 * directory, so the user is the whole team. Marketing's devices hold only their own user document (the server
 * shares the directory with team members), so names of reps may be missing there.
 */
export const useTeamMembers = (): TeamMember[] => {
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

/** Who follows leads up and can be assigned to a campaign: active reps and managers. */
export const followsUpLeads = (member: TeamMember): boolean =>
  member.active && (member.role === 'rep' || member.role === 'manager');

/** A person's name for tables, or a short stand-in when their user document is not on this device. */
export const memberName = (members: readonly TeamMember[], id: string): string =>
  members.find((member) => member.id === id)?.name ?? `Colleague ${id.slice(-4)}`;
