import type { Activity } from '../../domain/activity';
import type { Lead } from '../../domain/lead';
import type { SalesStage } from '../../domain/playbook';
import { enteredSalesAt, firstFollowUpAt, followUpTimeliness } from '../followUpQueue';
import { stageChangeTarget } from '../salesStages';

/**
 * The agreed definitions behind every office figure (campaign page, scoreboard). Each is stated in the same words
 * on screen; change the words there when a definition changes here.
 */

/** What the figures need of the playbook's sales stages, in playbook order. */
export type MetricStages = readonly Pick<SalesStage, 'id' | 'probability' | 'outcome'>[];

/**
 * Relevant lead: a record the campaign brought that is worth sales' or marketing's time, i.e. currently a lead
 * (in sales, at any stage, won and lost included), a prospect, or a nurtured record with a grade (a future lead).
 * Inquiries not yet qualified, disqualified records and nurtured records that never met the lead definition are
 * not relevant.
 */
export const isRelevantLead = (lead: Pick<Lead, 'status' | 'grade'>): boolean =>
  lead.status === 'lead' || lead.status === 'prospect' || (lead.status === 'nurture' && lead.grade !== '');

/**
 * A stage that makes a lead an opportunity: an open stage after the first (the first, "Qualified", is where every
 * lead enters sales) or a won stage. Lost is not: a lead lost at the first stage never was an opportunity.
 */
export const isOpportunityStage = (stageId: string, stages: MetricStages): boolean => {
  const index = stages.findIndex((stage) => stage.id === stageId);
  const stage = stages[index];
  return stage !== undefined && (stage.outcome === 'won' || (stage.outcome === 'open' && index > 0));
};

export const isWonStage = (stageId: string, stages: MetricStages): boolean =>
  stages.some((stage) => stage.id === stageId && stage.outcome === 'won');

/** A recorded stage change (see salesStages: an activity with outcomeId `stage:<target>`). */
export type StageMove = { stageId: string; at: number };

export const stageMovesOf = (
  activities: readonly Pick<Activity, 'kind' | 'outcomeId' | 'at'>[],
): StageMove[] => {
  const moves: StageMove[] = [];
  for (const activity of activities) {
    const target = stageChangeTarget(activity);
    if (target !== null) moves.push({ stageId: target, at: activity.at });
  }
  return moves;
};

/**
 * Converted = became an opportunity; returns when, 0 if it did not. A lead in sales is an opportunity once it
 * reached an opportunity stage (isOpportunityStage), as its recorded stage moves show, even if it was lost later;
 * or, when no such move is on this device, if it is at such a stage now or carries a deal value. Then the last
 * edit is the best known moment.
 */
export const convertedAt = (
  lead: Pick<Lead, 'status' | 'stageId' | 'value' | 'updatedAt'>,
  moves: readonly StageMove[],
  stages: MetricStages,
): number => {
  if (lead.status !== 'lead') return 0;
  let first = 0;
  for (const move of moves) {
    if (isOpportunityStage(move.stageId, stages) && (first === 0 || move.at < first)) first = move.at;
  }
  if (first > 0) return first;
  return isOpportunityStage(lead.stageId, stages) || lead.value > 0 ? lead.updatedAt : 0;
};

/**
 * Won = in sales at a stage whose outcome is 'won'; its value is won revenue. Returns when it was won (the last
 * recorded move to a won stage, else the last edit), 0 if it is not won.
 */
export const wonAt = (
  lead: Pick<Lead, 'status' | 'stageId' | 'updatedAt'>,
  moves: readonly StageMove[],
  stages: MetricStages,
): number => {
  if (lead.status !== 'lead' || !isWonStage(lead.stageId, stages)) return 0;
  let last = 0;
  for (const move of moves) {
    if (isWonStage(move.stageId, stages) && move.at > last) last = move.at;
  }
  return last > 0 ? last : lead.updatedAt;
};

/**
 * Assigned = handed to a rep in sales: when the record last became a lead (status history), 0 if it never did.
 * It counts for its current owner.
 */
export const assignedAt = (
  lead: Pick<Lead, 'status' | 'statusHistory' | 'qualifiedAt' | 'createdAt'>,
): number =>
  lead.status === 'lead' || lead.statusHistory.some((entry) => entry.to === 'lead')
    ? enteredSalesAt(lead)
    : 0;

export type FollowUpJudgement = ReturnType<typeof followUpTimeliness>;

/** Everything the office figures need of one record, small enough to keep for tens of thousands of leads. */
export type LeadFacts = Pick<
  Lead,
  | 'id'
  | 'campaignId'
  | 'ownerId'
  | 'status'
  | 'grade'
  | 'stageId'
  | 'value'
  | 'expectedCloseMonth'
  | 'createdAt'
> & {
  relevant: boolean;
  assignedAt: number;
  /**
   * Followed up on time = the owner's first call, email or visit since the lead entered sales came at or before
   * its follow-up deadline (followUpQueue.firstFollowUpAt and followUpTimeliness). 'pending' until the deadline
   * passes, 'missed' after it with no contact.
   */
  followUp: FollowUpJudgement;
  firstContactAt: number;
  convertedAt: number;
  wonAt: number;
};

export type FactsLead = Pick<
  Lead,
  | 'id'
  | 'campaignId'
  | 'ownerId'
  | 'status'
  | 'grade'
  | 'stageId'
  | 'value'
  | 'expectedCloseMonth'
  | 'createdAt'
  | 'updatedAt'
  | 'statusHistory'
  | 'qualifiedAt'
  | 'followUpDueAt'
>;

/** The facts of one record from the lead and its activities (any order), judged at `now`. */
export const leadFacts = (
  lead: FactsLead,
  activities: readonly Pick<Activity, 'kind' | 'outcomeId' | 'at' | 'ownerId'>[],
  stages: MetricStages,
  now: number,
): LeadFacts => {
  const moves = stageMovesOf(activities);
  const assigned = assignedAt(lead);
  const firstContact = assigned > 0 ? firstFollowUpAt(lead, activities) : 0;
  return {
    id: lead.id,
    campaignId: lead.campaignId,
    ownerId: lead.ownerId,
    status: lead.status,
    grade: lead.grade,
    stageId: lead.stageId,
    value: lead.value,
    expectedCloseMonth: lead.expectedCloseMonth,
    createdAt: lead.createdAt,
    relevant: isRelevantLead(lead),
    assignedAt: assigned,
    followUp: assigned > 0 ? followUpTimeliness(lead, firstContact, now) : 'no_deadline',
    firstContactAt: firstContact,
    convertedAt: convertedAt(lead, moves, stages),
    wonAt: wonAt(lead, moves, stages),
  };
};
