import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { documentSchemas } from '../../../src-shared/domain/collections';
import type { CollectionName } from '../../../src-shared/domain/collections';
import { leadSchema } from '../../../src-renderer/db/collections/leads';
import {
  activitySchema,
  appointmentSchema,
  campaignSchema,
  playbookSchema,
  seminarSchema,
  userSchema,
} from '../../../src-renderer/db/collections/others';

const rxSchemas = {
  leads: leadSchema,
  activities: activitySchema,
  appointments: appointmentSchema,
  seminars: seminarSchema,
  campaigns: campaignSchema,
  playbooks: playbookSchema,
  users: userSchema,
} as Record<
  CollectionName,
  {
    properties: Record<string, { type?: string; maxLength?: number; maximum?: number }>;
    required?: readonly string[];
    indexes?: readonly (string | readonly string[])[];
  }
>;

/** Field names of a zod object schema, or of every option of a discriminated union. */
const zodKeys = (schema: z.ZodType): string[] => {
  const def = (
    schema as unknown as { def: { type: string; shape?: Record<string, unknown>; options?: z.ZodType[] } }
  ).def;
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  return [...new Set((def.options ?? []).flatMap(zodKeys))];
};

describe('RxDB schemas match the shared zod schemas', () => {
  for (const name of Object.keys(documentSchemas) as CollectionName[]) {
    it(`${name}: same fields, indexed fields required and bounded`, () => {
      const rx = rxSchemas[name];
      expect(Object.keys(rx.properties).sort()).toEqual(zodKeys(documentSchemas[name]).sort());
      const indexed = new Set(
        (rx.indexes ?? []).flatMap((index) => (typeof index === 'string' ? [index] : [...index])),
      );
      for (const field of indexed) {
        expect(rx.required, `${name}.${field} is indexed`).toContain(field);
        const property = rx.properties[field]!;
        if (property.type === 'string') expect(property.maxLength, `${name}.${field}`).toBeGreaterThan(0);
        else expect(property.maximum, `${name}.${field}`).toBeGreaterThan(0);
      }
    });
  }
});
