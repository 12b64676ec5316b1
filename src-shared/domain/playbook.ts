import { z } from 'zod';
import { baseDocumentSchema, idSchema, requiredText } from './common';
import { buyingStages, grades } from './vocabulary';

/**
 * The lead definition agreed by sales and marketing ("playbook"). Versioned: every qualified record remembers the
 * version that judged it. One document per published version; the newest version of a team is in force.
 */

const optionSchema = z.object({
  id: idSchema,
  label: requiredText('Option label', 120),
  points: z.number().min(0).max(100),
});

const yesNoQuestionSchema = z.object({
  id: idSchema,
  kind: z.literal('yesno'),
  text: requiredText('Question', 300),
  /** Points for "yes"; "no" scores 0. */
  points: z.number().min(0).max(100),
  /** Part of the lead definition: a lead must answer "yes". */
  requiredForLead: z.boolean(),
});

const choiceQuestionSchema = z.object({
  id: idSchema,
  kind: z.literal('choice'),
  text: requiredText('Question', 300),
  options: z.array(optionSchema).min(2),
  /** Part of the lead definition: a lead must pick an option worth more than 0 points. */
  requiredForLead: z.boolean(),
});

const numberQuestionSchema = z.object({
  id: idSchema,
  kind: z.literal('number'),
  text: requiredText('Question', 300),
  unit: z.string().max(40),
  /** Points of the highest band whose `min` the answer reaches; below every band scores 0. */
  bands: z.array(z.object({ min: z.number(), points: z.number().min(0).max(100) })).min(1),
  requiredForLead: z.boolean(),
});

export const qualifyingQuestionSchema = z.discriminatedUnion('kind', [
  yesNoQuestionSchema,
  choiceQuestionSchema,
  numberQuestionSchema,
]);
export type QualifyingQuestion = z.infer<typeof qualifyingQuestionSchema>;

/** The ideal prospect profile: which companies and roles are worth pursuing, each criterion weighted. */
export const profileFields = ['industry', 'companySize', 'region', 'role'] as const;
export type ProfileField = (typeof profileFields)[number];

export const profileCriterionSchema = z.object({
  field: z.enum(profileFields),
  label: requiredText('Criterion label', 120),
  weight: z.number().min(0).max(100),
  /** Each value the rep can pick, with how well it fits (0 = not at all, 1 = ideal). */
  values: z
    .array(z.object({ id: idSchema, label: requiredText('Value label', 120), fit: z.number().min(0).max(1) }))
    .min(1),
});
export type ProfileCriterion = z.infer<typeof profileCriterionSchema>;

export const reasonSchema = z.object({ id: idSchema, label: requiredText('Reason', 120) });
export type Reason = z.infer<typeof reasonSchema>;

export const salesStageSchema = z.object({
  id: idSchema,
  label: requiredText('Stage', 80),
  /** Win probability 0-100 used by the forecast. */
  probability: z.number().min(0).max(100),
  requiresValue: z.boolean(),
  requiresCloseMonth: z.boolean(),
  /** 'open' stages are worked; 'won' and 'lost' close the lead. */
  outcome: z.enum(['open', 'won', 'lost']),
  /** Lost reasons agreed for leads lost at this stage. */
  lostReasons: z.array(reasonSchema),
});
export type SalesStage = z.infer<typeof salesStageSchema>;

export const gradeRuleSchema = z.object({
  /** Qualification score (0-100) at or above which a lead is hot, if its buying stage allows. */
  hotMinScore: z.number().min(0).max(100),
  warmMinScore: z.number().min(0).max(100),
  /** Highest grade each buying stage allows: a rep is not sent to someone still at awareness. */
  maxGradeByBuyingStage: z.record(z.enum(buyingStages), z.enum(grades)),
  /** Below this fit score an inquiry that is not a lead is suggested for disqualification, above it is a prospect. */
  prospectMinFit: z.number().min(0).max(100),
});
export type GradeRule = z.infer<typeof gradeRuleSchema>;

export const followUpRuleSchema = z.object({
  /** How long a named rep has to follow up a lead of each grade. */
  deadlineByGrade: z.record(
    z.enum(grades),
    z.object({ amount: z.number().int().min(0).max(365), unit: z.enum(['hours', 'days']) }),
  ),
  /** Count days as business days (Monday to Friday). */
  businessDays: z.boolean(),
  /** Days until a nurtured record is looked at again, proposed when it moves to nurture. */
  nurtureRevisitDays: z.number().int().min(1).max(730),
});
export type FollowUpRule = z.infer<typeof followUpRuleSchema>;

export const playbookSchema = baseDocumentSchema.extend({
  name: requiredText('Playbook name', 120),
  version: z.number().int().min(1),
  publishedAt: z.number().int().nonnegative(),
  questions: z.array(qualifyingQuestionSchema).min(1),
  gradeRule: gradeRuleSchema,
  profileCriteria: z.array(profileCriterionSchema),
  stages: z.array(salesStageSchema).min(1),
  disqualifyReasons: z.array(reasonSchema).min(1),
  callOutcomes: z.array(reasonSchema).min(1),
  followUp: followUpRuleSchema,
});
export type Playbook = z.infer<typeof playbookSchema>;
