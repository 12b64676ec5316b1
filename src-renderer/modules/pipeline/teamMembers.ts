import { useMemo } from 'react';
import type { User } from '../../../src-shared/domain/user';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { useObservable } from '../../ui/useObservable';

export type TeamMember = Pick<User, 'id' | 'name' | 'role' | 'active'>;

/**
 * The people of the user's team by name (one range of the ['teamId', 'name'] index). On a device-only session
 * there is no directory, so the user is the whole team.
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

/** A person's name for lists and exports; the user's own marked, someone unknown said so. */
export const nameOf = (members: readonly TeamMember[], id: string, meId: string): string => {
  const member = members.find((candidate) => candidate.id === id);
  if (!member) return id === '' ? '' : 'Someone outside your team';
  return member.id === meId && member.name !== 'Me' ? `${member.name} (me)` : member.name;
};
