import { z } from 'zod';

/**
 * Fields every replicated document carries. `id` is generated on the device (sortable, so "newest first" needs no
 * clock agreement), `updatedAt` is the device's ms clock at the last local edit (display and merge tie-breaks),
 * `ownerId`/`teamId` are what the server authorizes against. Soft delete (`_deleted`) is RxDB's own field and is
 * carried by the sync protocol, not by these schemas.
 */
export const idSchema = z.string().min(1).max(40);
export const timestampSchema = z.number().int().nonnegative();

export const baseDocumentSchema = z.object({
  id: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  ownerId: idSchema,
  teamId: idSchema,
});
export type BaseDocument = z.infer<typeof baseDocumentSchema>;

/** A required text field the user types; trims and says what is wrong in words a rep understands. */
export const requiredText = (label: string, max = 200) =>
  z.string().trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`);

export const optionalText = (label: string, max = 200) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters`);

/** "YYYY-MM", the month a deal is expected to close. Empty when not set. */
export const monthSchema = z.union([
  z.literal(''),
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use the form YYYY-MM'),
]);
