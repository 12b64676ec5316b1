import type { Activity } from '../domain/activity';
import type { Campaign } from '../domain/campaign';
import type { Lead } from '../domain/lead';
import type { Playbook } from '../domain/playbook';
import { campaignTypeLabels, leadStatusLabels } from '../domain/vocabulary';
import type { LeadFacts, MetricStages } from '../rules/metrics';
import { campaignCost, campaignResults, campaignRoi } from '../rules/metrics';
import { expectedValue } from '../rules/pipeline';
import { stageById, stageChangeTarget } from '../rules/salesStages';

/**
 * Rows for CSV exports (header row first); the renderer turns them into text with papaparse. Values are machine
 * readable: numbers without grouping, moments as ISO 8601 (UTC), empty for "not set". Labels come from the
 * playbook so a spreadsheet reads in the team's words; the lead header names are the ones the import recognises,
 * so an export can be imported again (and is then reported as duplicates).
 */

/**
 * A spreadsheet runs a cell starting with = + - @ as a formula ("CSV injection"). Such text is prefixed with an
 * apostrophe; phone numbers and signed numbers ("+49 30 1234", "-12.5") are data and stay as they are.
 */
export const safeCell = (value: string): string =>
  /^[=@\t\r]/.test(value) || (/^[+-]/.test(value) && !/^[+-]?[0-9][0-9 ().,/-]*$/.test(value))
    ? `'${value}`
    : value;

const moment = (ms: number): string => (ms > 0 ? new Date(ms).toISOString() : '');
const amount = (value: number): string => String(Math.round(value * 100) / 100);

export type ExportContext = {
  playbook: Pick<Playbook, 'stages' | 'disqualifyReasons' | 'callOutcomes'>;
  campaignName(id: string): string;
  personName(id: string): string;
};

const reasonLabel = (
  lead: Pick<Lead, 'status' | 'reasonId'>,
  playbook: ExportContext['playbook'],
): string => {
  if (lead.reasonId === '') return '';
  const lists =
    lead.status === 'disqualified'
      ? [playbook.disqualifyReasons]
      : playbook.stages.map((stage) => stage.lostReasons);
  for (const list of lists) {
    const found = list.find((reason) => reason.id === lead.reasonId);
    if (found) return found.label;
  }
  return lead.reasonId;
};

export const leadExportHeader = [
  'Id',
  'First name',
  'Last name',
  'Company',
  'Job title',
  'Email',
  'Phone',
  'Status',
  'Grade',
  'Fit score',
  'Stage',
  'Value',
  'Expected close month',
  'Expected value',
  'Reason',
  'Campaign',
  'Owner',
  'Created',
  'Updated',
  'Notes',
] as const;

export const leadExportRows = (leads: readonly Lead[], context: ExportContext): string[][] => [
  [...leadExportHeader],
  ...leads.map((lead) =>
    [
      lead.id,
      lead.firstName,
      lead.lastName,
      lead.company,
      lead.jobTitle,
      lead.email,
      lead.phone,
      leadStatusLabels[lead.status],
      lead.grade,
      lead.playbookVersion > 0 ? String(lead.fitScore) : '',
      lead.status === 'lead' ? (stageById(context.playbook, lead.stageId)?.label ?? lead.stageId) : '',
      amount(lead.value),
      lead.expectedCloseMonth,
      amount(expectedValue(lead, context.playbook.stages)),
      reasonLabel(lead, context.playbook),
      lead.campaignId ? context.campaignName(lead.campaignId) : '',
      context.personName(lead.ownerId),
      moment(lead.createdAt),
      moment(lead.updatedAt),
      lead.notes,
    ].map(safeCell),
  ),
];

export const activityExportHeader = [
  'Id',
  'Lead id',
  'Lead',
  'Company',
  'Kind',
  'Date',
  'Outcome',
  'Notes',
  'Insight tags',
  'Next step',
  'Next follow-up',
  'Logged by',
] as const;

export type ActivityExportContext = ExportContext & {
  lead(id: string): Pick<Lead, 'firstName' | 'lastName' | 'company'> | undefined;
};

const outcomeLabel = (activity: Activity, playbook: ExportContext['playbook']): string => {
  const target = stageChangeTarget(activity);
  if (target !== null) return `Stage: ${stageById(playbook, target)?.label ?? target}`;
  if (activity.outcomeId === '') return '';
  return (
    playbook.callOutcomes.find((outcome) => outcome.id === activity.outcomeId)?.label ?? activity.outcomeId
  );
};

export const activityExportRows = (
  activities: readonly Activity[],
  context: ActivityExportContext,
): string[][] => [
  [...activityExportHeader],
  ...activities.map((activity) => {
    const lead = context.lead(activity.leadId);
    return [
      activity.id,
      activity.leadId,
      lead ? `${lead.firstName} ${lead.lastName}` : '',
      lead?.company ?? '',
      activity.kind,
      moment(activity.at),
      outcomeLabel(activity, context.playbook),
      activity.notes,
      activity.insightTags.join(' '),
      activity.nextStep,
      moment(activity.nextFollowUpAt),
      context.personName(activity.ownerId),
    ].map(safeCell);
  }),
];

export const campaignResultHeader = [
  'Campaign',
  'Type',
  'Starts',
  'Ends',
  'Budget',
  'Cost',
  'Inquiries',
  'Relevant leads',
  'Target relevant leads',
  'Opportunities',
  'Target opportunities',
  'Opportunity value',
  'Target opportunity value',
  'Closed deals',
  'Target deals',
  'Closed deal value',
  'Target deal value',
  'Open pipeline',
  'Open pipeline value',
  'Expected open revenue',
  'ROI %',
  'Won-only ROI %',
] as const;

type ResultFacts = Parameters<typeof campaignResults>[0][number] & Pick<LeadFacts, 'campaignId'>;

const percent = (ratio: number | null): string => (ratio === null ? '' : amount(100 * ratio));

/**
 * One row per campaign with the office's agreed figures (rules/metrics: campaignResults, campaignCost,
 * campaignRoi) next to its targets, and one row for records without a campaign when there are any.
 */
export const campaignResultRows = (
  campaigns: readonly Campaign[],
  facts: readonly ResultFacts[],
  stages: MetricStages,
): string[][] => {
  const byCampaign = new Map<string, ResultFacts[]>();
  for (const fact of facts) {
    const list = byCampaign.get(fact.campaignId);
    if (list) list.push(fact);
    else byCampaign.set(fact.campaignId, [fact]);
  }
  const figures = (results: ReturnType<typeof campaignResults>) => ({
    inquiries: String(results.inquiries),
    relevant: String(results.relevantLeads),
    opportunities: String(results.opportunities),
    opportunityValue: amount(results.opportunityValue),
    deals: String(results.deals),
    dealValue: amount(results.dealValue),
    open: [
      String(results.openPipelineCount),
      amount(results.openPipelineValue),
      amount(results.expectedOpenRevenue),
    ],
  });
  const rows = campaigns.map((campaign) => {
    const results = campaignResults(byCampaign.get(campaign.id) ?? [], stages);
    const cost = campaignCost(campaign);
    const roi = campaignRoi(cost, results);
    const shown = figures(results);
    return [
      campaign.name,
      campaignTypeLabels[campaign.type],
      moment(campaign.startsAt),
      moment(campaign.endsAt),
      amount(campaign.budget),
      amount(cost),
      shown.inquiries,
      shown.relevant,
      String(campaign.targets.relevantLeads),
      shown.opportunities,
      String(campaign.targets.opportunities),
      shown.opportunityValue,
      amount(campaign.targets.opportunityValue),
      shown.deals,
      String(campaign.targets.deals),
      shown.dealValue,
      amount(campaign.targets.dealValue),
      ...shown.open,
      percent(roi.roi),
      percent(roi.wonOnlyRoi),
    ].map(safeCell);
  });
  const orphans = byCampaign.get('');
  if (orphans) {
    const shown = figures(campaignResults(orphans, stages));
    rows.push([
      'No campaign',
      '',
      '',
      '',
      '',
      '',
      shown.inquiries,
      shown.relevant,
      '',
      shown.opportunities,
      '',
      shown.opportunityValue,
      '',
      shown.deals,
      '',
      shown.dealValue,
      '',
      ...shown.open,
      '',
      '',
    ]);
  }
  return [[...campaignResultHeader], ...rows];
};
