import { z } from 'zod';
import { baseDocumentSchema, idSchema, optionalText, timestampSchema } from './common';
import { activityKinds, insightTags } from './vocabulary';

/** A logged call, email, visit or note on a lead, with its outcome and the next step. */
export const activitySchema = baseDocumentSchema.extend({
  leadId: idSchema,
  kind: z.enum(activityKinds),
  /** When it happened (ms). */
  at: timestampSchema,
  /** Call outcome id from the playbook; empty for notes. */
  outcomeId: z.string().max(40),
  notes: optionalText('Notes', 4000),
  insightTags: z.array(z.enum(insightTags)).max(insightTags.length),
  nextStep: optionalText('Next step', 300),
  /** Next follow-up date set by this activity (ms), 0 when none. */
  nextFollowUpAt: timestampSchema,
});
export type Activity = z.infer<typeof activitySchema>;
