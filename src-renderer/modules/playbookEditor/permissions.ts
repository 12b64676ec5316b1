import type { Role } from '../../../src-shared/domain/vocabulary';

/** Mirrors the server's write scopes (docs/sync-server.md): managers and marketing publish playbooks. */
export const canEditPlaybook = (role: Role): boolean => role === 'manager' || role === 'marketing';
