import type { Role } from '../../../src-shared/domain/vocabulary';

/** Mirrors the server's write scopes (docs/sync-server.md) so the UI offers only what the server would accept. */
export const canManageSeminars = (role: Role): boolean => role === 'manager' || role === 'marketing';

/** Reps book for their own leads, managers for their team's; marketing and admins cannot write appointments. */
export const canBookAppointments = (role: Role): boolean => role === 'rep' || role === 'manager';
