import { z } from 'zod';
import type { Campaign } from '../../../src-shared/domain/campaign';
import { campaignSchema, costLineSchema } from '../../../src-shared/domain/campaign';
import { newId } from '../../../src-shared/domain/ids';
import type { FairleadDatabase } from '../../db/database';
import type { SessionUser } from '../../session/sessionStore';

/**
 * What the campaign form edits: the shared campaign schema's own fields, with the dates as the `YYYY-MM-DD` of a
 * date input (the user's calendar) instead of ms. The same schema validates the saved document.
 */
const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date');

export const campaignFormSchema = campaignSchema
  .pick({ name: true, type: true, budget: true, targets: true, followUpDays: true, assignedRepIds: true })
  .extend({
    startDate: dateText,
    endDate: dateText,
    costLines: z.array(costLineSchema),
  })
  .refine((values) => values.endDate >= values.startDate, {
    path: ['endDate'],
    message: 'The campaign cannot end before it starts.',
  });

export type CampaignFormInput = z.input<typeof campaignFormSchema>;
export type CampaignFormValues = z.output<typeof campaignFormSchema>;

/** Words a marketer understands for the shared schema's generic number messages. */
export const campaignFormErrors = (issue: { code: string; expected?: unknown; origin?: unknown }) => {
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'Enter a number (0 if none).';
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'Enter a whole number.';
  if (issue.code === 'too_small' && issue.origin === 'number') return 'Cannot be negative.';
  if (issue.code === 'too_big' && issue.origin === 'number') return 'That is more than the app can hold.';
  return undefined;
};

const pad = (value: number) => String(value).padStart(2, '0');

export const toDateInput = (ms: number): string => {
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** The local midnight starting a `YYYY-MM-DD` day. */
const dayStart = (value: string): number => {
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1).getTime();
};

export const emptyTargets: Campaign['targets'] = {
  relevantLeads: 0,
  opportunities: 0,
  opportunityValue: 0,
  deals: 0,
  dealValue: 0,
};

export const formValuesOf = (campaign: Campaign | null, me: SessionUser, now: number): CampaignFormInput => ({
  name: campaign?.name ?? '',
  type: campaign?.type ?? 'trade_show',
  startDate: toDateInput(campaign?.startsAt ?? now),
  endDate: toDateInput(campaign?.endsAt ?? now),
  budget: campaign?.budget ?? 0,
  costLines: campaign?.costLines.map((line) => ({ ...line })) ?? [],
  targets: { ...(campaign?.targets ?? emptyTargets) },
  followUpDays: campaign?.followUpDays ?? 0,
  // A manager usually follows up their own campaign's leads too; marketing picks the reps explicitly.
  assignedRepIds: campaign?.assignedRepIds ?? (me.role === 'manager' ? [me.id] : []),
});

/**
 * Creates or updates a campaign from validated form values. The end date includes its whole day. Validated
 * against the shared schema once more so a document the server would refuse is never written.
 */
export const saveCampaign = async (
  db: FairleadDatabase,
  user: SessionUser,
  values: CampaignFormValues,
  existing: Campaign | null,
): Promise<Campaign> => {
  const now = Date.now();
  const { startDate, endDate, ...fields } = values;
  const campaign = campaignSchema.parse({
    ...(existing ?? { id: newId(now), createdAt: now, ownerId: user.id, teamId: user.teamId }),
    ...fields,
    startsAt: dayStart(startDate),
    endsAt: dayStart(endDate) + 86_399_999,
    updatedAt: now,
  });
  await db.campaigns.upsert(campaign);
  return campaign;
};

/** A blank cost line dated today, with its own id so edits of different lines merge across devices. */
export const newCostLine = (): Campaign['costLines'][number] => {
  const now = Date.now();
  return { id: newId(now), label: '', amount: 0, at: now };
};
