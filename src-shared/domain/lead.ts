import { z } from 'zod';
import {
  baseDocumentSchema,
  idSchema,
  monthSchema,
  optionalText,
  requiredText,
  timestampSchema,
} from './common';
import { buyingStages, grades, leadStatuses } from './vocabulary';

/** Larger than any ms timestamp this product will see (year 2286), so `maxRecency - createdAt` stays positive. */
export const maxRecency = 9_999_999_999_999;

/** Answer to a qualifying question: yes/no, the id of a choice, or a number. */
export const answerSchema = z.union([z.boolean(), z.string().max(40), z.number()]);
export type Answer = z.infer<typeof answerSchema>;

export const emailSchema = z.union([
  z.literal(''),
  z.email('Enter a valid email address, like name@company.com'),
]);
export const phoneSchema = z.union([
  z.literal(''),
  z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()./-]{5,30}$/, 'Enter a phone number using digits, spaces and + ( ) - . /'),
]);

/** What the rep types at the booth: the capture form validates exactly this. */
export const leadContactSchema = z.object({
  firstName: requiredText('First name', 80),
  lastName: requiredText('Last name', 80),
  company: optionalText('Company', 160),
  jobTitle: optionalText('Job title', 120),
  email: z.string().trim().toLowerCase().pipe(emailSchema),
  phone: z.string().trim().pipe(phoneSchema),
  notes: optionalText('Notes', 4000),
});
export type LeadContact = z.infer<typeof leadContactSchema>;

export const leadCaptureSchema = leadContactSchema.extend({
  campaignId: z.string().max(40),
});
export type LeadCapture = z.infer<typeof leadCaptureSchema>;

/** The ideal-prospect-profile facts about the company and person, one value id per playbook criterion field. */
export const leadProfileSchema = z.object({
  industry: z.string().max(40),
  companySize: z.string().max(40),
  region: z.string().max(40),
  role: z.string().max(40),
});
export type LeadProfile = z.infer<typeof leadProfileSchema>;

export const statusChangeSchema = z.object({
  at: timestampSchema,
  by: idSchema,
  from: z.enum(leadStatuses),
  to: z.enum(leadStatuses),
  grade: z.union([z.literal(''), z.enum(grades)]),
  reasonId: z.string().max(40),
  note: z.string().max(1000),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const leadSchema = baseDocumentSchema.extend({
  ...leadContactSchema.shape,
  campaignId: z.string().max(40),
  status: z.enum(leadStatuses),
  grade: z.union([z.literal(''), z.enum(grades)]),
  /** 3 hot, 2 warm, 1 future, 0 none: an index-friendly sort key for "by grade". */
  gradeRank: z.number().int().min(0).max(3),
  fitScore: z.number().int().min(0).max(100),
  qualificationScore: z.number().int().min(0).max(100),
  answers: z.record(z.string(), answerSchema),
  profile: leadProfileSchema,
  buyingStage: z.union([z.literal(''), z.enum(buyingStages)]),
  /** Sales stage id from the playbook; empty until the record is a lead. */
  stageId: z.string().max(40),
  value: z.number().min(0).max(1e12),
  expectedCloseMonth: monthSchema,
  /** Disqualification or lost reason id from the playbook's agreed lists. */
  reasonId: z.string().max(40),
  reasonNote: z.string().max(1000),
  nurtureOwnerId: z.string().max(40),
  /** When a nurtured record is looked at again (ms), 0 when not in nurture. */
  revisitAt: timestampSchema,
  /** The rep's next planned follow-up (ms), 0 when none. */
  nextFollowUpAt: timestampSchema,
  /** Deadline by which the owner must follow up (ms), 0 when none. */
  followUpDueAt: timestampSchema,
  playbookId: z.string().max(40),
  /** Version of the playbook that last judged this record; 0 = never qualified. */
  playbookVersion: z.number().int().min(0),
  qualifiedAt: timestampSchema,
  statusHistory: z.array(statusChangeSchema),
  /** Derived keys (see deriveLeadFields): duplicate detection and search without loading the collection. */
  emailKey: z.string().max(320),
  nameKey: z.string().max(400),
  searchText: z.string().max(2000),
  /**
   * Ascending sort keys for descending orders. IndexedDB indexes are walked forward, so "newest first", "hot first"
   * and "best fit first" are stored inverted; a list then reads one index range and stops at its page.
   */
  recency: z.number().int().min(0).max(maxRecency),
  gradeOrder: z.number().int().min(0).max(3),
  fitOrder: z.number().int().min(0).max(100),
});
export type Lead = z.infer<typeof leadSchema>;

const collapse = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** Keys that identify "the same person": same email, or same name at the same company. */
export const deriveLeadKeys = (
  contact: Pick<Lead, 'firstName' | 'lastName' | 'company' | 'email' | 'jobTitle'>,
): Pick<Lead, 'emailKey' | 'nameKey' | 'searchText'> => {
  const name = collapse(`${contact.firstName} ${contact.lastName}`);
  const company = collapse(contact.company);
  return {
    emailKey: collapse(contact.email),
    nameKey: name && company ? `${name}@${company}` : '',
    searchText: collapse(`${contact.firstName} ${contact.lastName} ${contact.company} ${contact.email}`),
  };
};

/** Fields of a lead that are computed from others; every local write recomputes them (see deriveLeadFields). */
export type DerivedLeadField =
  'emailKey' | 'nameKey' | 'searchText' | 'gradeRank' | 'recency' | 'gradeOrder' | 'fitOrder';

/** Recomputes every derived field from the fields it depends on. */
export const deriveLeadFields = (
  lead: Pick<
    Lead,
    'firstName' | 'lastName' | 'company' | 'email' | 'jobTitle' | 'grade' | 'createdAt' | 'fitScore'
  >,
): Pick<Lead, DerivedLeadField> => {
  const rank = lead.grade === '' ? 0 : lead.grade === 'hot' ? 3 : lead.grade === 'warm' ? 2 : 1;
  return {
    ...deriveLeadKeys(lead),
    gradeRank: rank,
    recency: maxRecency - lead.createdAt,
    gradeOrder: 3 - rank,
    fitOrder: 100 - lead.fitScore,
  };
};

/** Normalizes what the user types into the search box the same way searchText was built. */
export const normalizeSearch = (text: string): string => collapse(text);
