import { z } from 'zod';
import { baseDocumentSchema, optionalText, requiredText, timestampSchema } from './common';

/** A seminar event of the team: leads are invited and meet reps there before a demo. */
export const seminarSchema = baseDocumentSchema.extend({
  title: requiredText('Title', 160),
  startsAt: timestampSchema,
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60),
  venue: requiredText('Venue', 300),
  capacity: z.number().int().min(1, 'Capacity must be at least 1').max(100_000),
  campaignId: z.string().max(40),
  description: optionalText('Description', 2000),
});
export type Seminar = z.infer<typeof seminarSchema>;
