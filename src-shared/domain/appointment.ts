import { z } from 'zod';
import { baseDocumentSchema, idSchema, optionalText, timestampSchema } from './common';
import { demoStatuses, inviteeStatuses } from './vocabulary';

/**
 * Appointments with a lead: a seat at a seminar (invitee status) or a demo (date, place or link, outcome).
 * One collection holds both so a lead's timeline and the calendar read a single index.
 */
const appointmentBase = baseDocumentSchema.extend({
  leadId: idSchema,
  /** Start (ms); for seminar invites, the seminar's start, copied for calendar queries. */
  startsAt: timestampSchema,
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  notes: optionalText('Notes', 2000),
});

export const seminarInviteSchema = appointmentBase.extend({
  kind: z.literal('seminar_invite'),
  seminarId: idSchema,
  inviteeStatus: z.enum(inviteeStatuses),
});

export const demoAppointmentSchema = appointmentBase.extend({
  kind: z.literal('demo'),
  location: optionalText('Place', 300),
  link: z.union([z.literal(''), z.url('Enter a full link, like https://meet.example.com/abc')]),
  demoStatus: z.enum(demoStatuses),
  outcome: optionalText('Outcome', 1000),
});

export const appointmentSchema = z.discriminatedUnion('kind', [seminarInviteSchema, demoAppointmentSchema]);
export type Appointment = z.infer<typeof appointmentSchema>;
export type SeminarInvite = z.infer<typeof seminarInviteSchema>;
export type DemoAppointment = z.infer<typeof demoAppointmentSchema>;
