/**
 * The agreed words of the domain (DOMAIN.md), as string unions shared by every layer.
 */

/** Where an inquiry stands after qualification. Nothing is deleted: not-ready records go to nurture. */
export const leadStatuses = ['inquiry', 'prospect', 'lead', 'nurture', 'disqualified'] as const;
export type LeadStatus = (typeof leadStatuses)[number];

/** How ready a qualified lead is: hot (buy now), warm (evaluating), future (not yet at a buying stage). */
export const grades = ['hot', 'warm', 'future'] as const;
export type Grade = (typeof grades)[number];

/** Rank used to sort by grade (hot first); 0 = no grade yet. */
export const gradeRank: Record<Grade, number> = { hot: 3, warm: 2, future: 1 };

/** The customer's own buying stage, separate from our sales stage. */
export const buyingStages = ['awareness', 'product_knowledge', 'acceptance', 'specifying', 'buying'] as const;
export type BuyingStage = (typeof buyingStages)[number];

export const buyingStageLabels: Record<BuyingStage, string> = {
  awareness: 'Awareness',
  product_knowledge: 'Product knowledge',
  acceptance: 'Acceptance',
  specifying: 'Specifying',
  buying: 'Buying',
};

export const leadStatusLabels: Record<LeadStatus, string> = {
  inquiry: 'Inquiry',
  prospect: 'Prospect',
  lead: 'Lead',
  nurture: 'Nurture',
  disqualified: 'Disqualified',
};

export const roles = ['rep', 'manager', 'marketing', 'admin'] as const;
export type Role = (typeof roles)[number];

export const campaignTypes = [
  'trade_show',
  'web_download',
  'seminar',
  'webinar',
  'direct_mail',
  'advertising',
  'referral',
] as const;
export type CampaignType = (typeof campaignTypes)[number];

export const campaignTypeLabels: Record<CampaignType, string> = {
  trade_show: 'Trade show',
  web_download: 'Web download',
  seminar: 'Seminar',
  webinar: 'Webinar',
  direct_mail: 'Direct mail',
  advertising: 'Advertising',
  referral: 'Referral',
};

export const activityKinds = ['call', 'email', 'visit', 'note'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** Customer-insight tags on notes, so marketing can read what reps hear. */
export const insightTags = ['needs', 'cares_about', 'complains_about', 'reacts_to'] as const;
export type InsightTag = (typeof insightTags)[number];

export const inviteeStatuses = ['invited', 'registered', 'attended', 'no_show'] as const;
export type InviteeStatus = (typeof inviteeStatuses)[number];

export const demoStatuses = ['scheduled', 'done', 'cancelled', 'no_show'] as const;
export type DemoStatus = (typeof demoStatuses)[number];
