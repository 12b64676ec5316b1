import type { CollectionName } from '../../src-shared/domain/collections';
import type { Role } from '../../src-shared/domain/vocabulary';

/** The signed-in user as the server sees them (from the database, not from the token). */
export type Principal = {
  userId: string;
  orgId: string;
  teamId: string;
  role: Role;
  name: string;
  email: string;
};

/**
 * Which documents of a collection a role reaches: `own` = owned by them in their team, `team` = their team,
 * `org` = any team of their organisation, `self` = their own user document, `none` = nothing.
 */
export type Scope = 'own' | 'team' | 'org' | 'self' | 'none';

/** The authorization-relevant facts of a stored or pushed document. */
export type DocumentScope = {
  id: string;
  orgId: string;
  teamId: string;
  ownerId: string;
  formerTeamIds: readonly string[];
  formerOwnerIds: readonly string[];
};

const everything = (scope: Scope): Record<CollectionName, Scope> => ({
  leads: scope,
  activities: scope,
  appointments: scope,
  seminars: scope,
  campaigns: scope,
  playbooks: scope,
  users: scope,
});

/** Who reads what (docs/sync-server.md, "Authorization"). */
export const readScopes: Record<Role, Record<CollectionName, Scope>> = {
  rep: { ...everything('team'), leads: 'own', activities: 'own', appointments: 'own' },
  manager: everything('team'),
  // Marketing assigns reps to campaigns and reads results per rep, so it needs the organisation's directory.
  marketing: everything('org'),
  admin: { ...everything('none'), users: 'org' },
};

/** Who writes what. The users collection is written by the server only (CLI, admin API). */
export const writeScopes: Record<Role, Partial<Record<CollectionName, Scope>>> = {
  rep: { leads: 'own', activities: 'own', appointments: 'own' },
  manager: {
    leads: 'team',
    activities: 'team',
    appointments: 'team',
    seminars: 'team',
    campaigns: 'team',
    playbooks: 'team',
  },
  marketing: { leads: 'org', seminars: 'org', campaigns: 'org', playbooks: 'org' },
  admin: {},
};

export const inScope = (principal: Principal, scope: Scope, doc: DocumentScope): boolean => {
  switch (scope) {
    case 'own':
      return doc.teamId === principal.teamId && doc.ownerId === principal.userId;
    case 'team':
      return doc.teamId === principal.teamId;
    case 'org':
      return doc.orgId === principal.orgId;
    case 'self':
      return doc.id === principal.userId;
    case 'none':
      return false;
  }
};

/** Could this user have had the document on their device before it was reassigned or moved away? */
const formerlyInScope = (principal: Principal, scope: Scope, doc: DocumentScope): boolean => {
  switch (scope) {
    case 'own':
      return (
        doc.formerOwnerIds.includes(principal.userId) ||
        (doc.formerTeamIds.includes(principal.teamId) && doc.ownerId === principal.userId)
      );
    case 'team':
      return doc.formerTeamIds.includes(principal.teamId);
    default:
      // Documents never leave an organisation and user ids never change.
      return false;
  }
};

/**
 * `visible`: send it. `revoked`: the user may hold a copy they may no longer see, so send it as a deletion
 * (it leaves their device). `hidden`: not theirs, send nothing.
 */
export type Visibility = 'visible' | 'revoked' | 'hidden';

/**
 * Seminar invites are seat claims: every member of the team reads them, so every device derives the same seating
 * (src-shared/rules/seminars.ts) even for invites of another rep's leads.
 */
const isTeamSeatClaim = (
  principal: Principal,
  collection: CollectionName,
  doc: DocumentScope & { data?: Record<string, unknown> },
) => collection === 'appointments' && doc.data?.kind === 'seminar_invite' && doc.teamId === principal.teamId;

export const visibilityOf = (
  principal: Principal,
  collection: CollectionName,
  doc: DocumentScope & { data?: Record<string, unknown> },
): Visibility => {
  const scope = readScopes[principal.role][collection];
  if (inScope(principal, scope, doc) || isTeamSeatClaim(principal, collection, doc)) return 'visible';
  return formerlyInScope(principal, scope, doc) ? 'revoked' : 'hidden';
};

/**
 * The same rules as SQL over the `documents` columns, for pulls. The conditions read the user from a row `me`
 * (`me.my_user_id`, `me.my_team_id`, `me.my_org_id`) that the query provides. `visible` selects what the user sees now,
 * `reachable` adds what they must be told to delete.
 */
export const visibilitySql = (
  principal: Principal,
  collection: CollectionName,
): { visible: string; reachable: string } => {
  const scope = readScopes[principal.role][collection];
  const now: Record<Scope, string> = {
    own: '(team_id = me.my_team_id and owner_id = me.my_user_id)',
    team: '(team_id = me.my_team_id)',
    org: '(org_id = me.my_org_id)',
    self: '(id = me.my_user_id)',
    none: 'false',
  };
  const former: Record<Scope, string> = {
    own: '(me.my_user_id = any(former_owner_ids) or (me.my_team_id = any(former_team_ids) and owner_id = me.my_user_id))',
    team: '(me.my_team_id = any(former_team_ids))',
    org: 'false',
    self: 'false',
    none: 'false',
  };
  const visible =
    collection === 'appointments' && scope === 'own'
      ? `(${now[scope]} or (team_id = me.my_team_id and data ->> 'kind' = 'seminar_invite'))`
      : now[scope];
  return { visible, reachable: `(${visible} or ${former[scope]})` };
};

/** What the server knows about the owner a pushed document names. */
export type OwnerFacts = { teamId: string; orgId: string };

const scopeRule: Record<Scope, string> = {
  own: 'your own records in your team (ownerId must be you, teamId your team)',
  team: 'records of your team',
  org: 'records of teams in your organisation',
  self: 'your own user record',
  none: 'nothing',
};

/**
 * Why this user may not write this change, or null when they may. Both the stored state (`before`) and the new
 * state (`after`) must be in the user's write scope, so nobody can take a record away from, or into, a team or
 * owner they do not control. A new owner must be the writer or a member of the document's team.
 */
export const writeRefusal = (
  principal: Principal,
  collection: CollectionName,
  before: DocumentScope | undefined,
  after: DocumentScope,
  newOwner: OwnerFacts | undefined,
): string | null => {
  if (collection === 'users') return 'Users are managed on the server; devices cannot change them.';
  const scope = writeScopes[principal.role][collection];
  if (!scope) return `A ${principal.role} cannot change ${collection}.`;
  if (before && !inScope(principal, scope, before)) {
    return `You cannot change this record: a ${principal.role} may only change ${scopeRule[scope]}.`;
  }
  if (!inScope(principal, scope, after)) {
    return `You cannot save this record: a ${principal.role} may only save ${scopeRule[scope]}.`;
  }
  const ownerChanged = after.ownerId !== before?.ownerId;
  if (ownerChanged && after.ownerId !== principal.userId) {
    if (!newOwner) return `The owner ${after.ownerId} is not a known user.`;
    if (newOwner.orgId !== principal.orgId || newOwner.teamId !== after.teamId) {
      return `The owner ${after.ownerId} is not a member of team ${after.teamId}.`;
    }
  }
  return null;
};
