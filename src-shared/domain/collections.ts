import type { z } from 'zod';
import { activitySchema } from './activity';
import { appointmentSchema } from './appointment';
import { campaignSchema } from './campaign';
import { leadSchema } from './lead';
import { playbookSchema } from './playbook';
import { seminarSchema } from './seminar';
import { userSchema } from './user';

/**
 * Every replicated collection and the schema that validates its documents: the renderer builds its RxDB
 * collections from this list and the server validates every pushed document with the same schema.
 */
export const documentSchemas = {
  leads: leadSchema,
  activities: activitySchema,
  appointments: appointmentSchema,
  seminars: seminarSchema,
  campaigns: campaignSchema,
  playbooks: playbookSchema,
  users: userSchema,
} as const;

export type CollectionName = keyof typeof documentSchemas;
export const collectionNames = Object.keys(documentSchemas) as CollectionName[];

export type DocumentOf<C extends CollectionName> = z.infer<(typeof documentSchemas)[C]>;

export const isCollectionName = (name: string): name is CollectionName =>
  Object.hasOwn(documentSchemas, name);
