import { z } from 'zod';
import { baseDocumentSchema, requiredText } from './common';
import { roles } from './vocabulary';

/** Directory entry of a person in the organisation; read-only on devices (admins edit users on the server). */
export const userSchema = baseDocumentSchema.extend({
  name: requiredText('Name', 120),
  email: z.email(),
  role: z.enum(roles),
  active: z.boolean(),
});
export type User = z.infer<typeof userSchema>;
