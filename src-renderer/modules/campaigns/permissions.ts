import type { Role } from '../../../src-shared/domain/vocabulary';

/** Mirrors the server's write scopes (docs/sync-server.md): managers and marketing write campaigns, reps read. */
export const canEditCampaigns = (role: Role): boolean => role === 'manager' || role === 'marketing';
