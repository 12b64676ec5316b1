import { z } from 'zod';
import { baseDocumentSchema, idSchema, requiredText, timestampSchema } from './common';
import { campaignTypes } from './vocabulary';

export const costLineSchema = z.object({
  id: idSchema,
  label: requiredText('Cost item', 120),
  amount: z.number().min(0).max(1e10),
  at: timestampSchema,
});
export type CostLine = z.infer<typeof costLineSchema>;

/** What a campaign promised to deliver; results are compared to these. */
export const campaignTargetsSchema = z.object({
  relevantLeads: z.number().int().min(0),
  opportunities: z.number().int().min(0),
  opportunityValue: z.number().min(0),
  deals: z.number().int().min(0),
  dealValue: z.number().min(0),
});
export type CampaignTargets = z.infer<typeof campaignTargetsSchema>;

export const campaignSchema = baseDocumentSchema.extend({
  name: requiredText('Campaign name', 160),
  type: z.enum(campaignTypes),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  budget: z.number().min(0).max(1e10),
  costLines: z.array(costLineSchema),
  targets: campaignTargetsSchema,
  /** Days a rep has to follow up a lead from this campaign; 0 = use the playbook's deadline. */
  followUpDays: z.number().int().min(0).max(365),
  assignedRepIds: z.array(idSchema),
});
export type Campaign = z.infer<typeof campaignSchema>;
