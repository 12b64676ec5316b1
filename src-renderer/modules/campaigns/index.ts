export { createEvent, useCampaigns } from './useCampaigns';
export type { NewEventInput } from './useCampaigns';
