import type { TeamMember } from '../campaigns';

/** A person's name for lists and exports; the user's own marked, someone unknown said so. */
export const nameOf = (members: readonly TeamMember[], id: string, meId: string): string => {
  const member = members.find((candidate) => candidate.id === id);
  if (!member) return id === '' ? '' : 'Someone outside your team';
  return member.id === meId && member.name !== 'Me' ? `${member.name} (me)` : member.name;
};
