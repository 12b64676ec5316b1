import type { Lead } from '../domain/lead';
import type { Playbook } from '../domain/playbook';
import type { BuyingStage } from '../domain/vocabulary';
import { buyingStageLabels, buyingStages } from '../domain/vocabulary';
import { gradeFor, leadDefinitionMet, qualificationScore } from './qualification';
import type { StatusChangeRequest } from './statusTransitions';

/**
 * Nurture: records that are not ready (future leads, prospects) wait with an owner and a revisit date, and come
 * back to sales when the customer's buying stage advances far enough for a rep to be worth their time.
 */

/** Whether the buying stage moved forward; an unknown stage advancing to a known one counts. */
export const buyingStageAdvanced = (from: BuyingStage | '', to: BuyingStage | ''): boolean =>
  to !== '' && (from === '' || buyingStages.indexOf(to) > buyingStages.indexOf(from));

export type NurtureReturn = StatusChangeRequest & { to: 'lead' | 'prospect'; note: string };

/**
 * The status change that brings a nurtured record back, or null when it stays: only when its buying stage
 * advances to one whose highest grade (playbook.gradeRule.maxGradeByBuyingStage) is above future. It returns as
 * a lead with the grade its answers earn at the new stage; when the answers do not meet the lead definition, or
 * still score as future, it returns as a prospect to be qualified again.
 */
export const shouldReturnFromNurture = (
  lead: Pick<Lead, 'status' | 'buyingStage' | 'answers'>,
  newBuyingStage: BuyingStage | '',
  playbook: Pick<Playbook, 'questions' | 'gradeRule'>,
): NurtureReturn | null => {
  if (lead.status !== 'nurture' || newBuyingStage === '') return null;
  if (!buyingStageAdvanced(lead.buyingStage, newBuyingStage)) return null;
  if (playbook.gradeRule.maxGradeByBuyingStage[newBuyingStage] === 'future') return null;
  const note = `Back from nurture: buying stage advanced to ${buyingStageLabels[newBuyingStage]}.`;
  if (leadDefinitionMet(playbook.questions, lead.answers) === 'met') {
    const score = qualificationScore(playbook.questions, lead.answers);
    const grade = gradeFor(playbook.gradeRule, score, newBuyingStage);
    if (grade !== 'future') return { to: 'lead', grade, note };
  }
  return { to: 'prospect', note };
};

/**
 * The status change for a record a rep sends to nurture (not ready yet): it becomes a future lead with an owner
 * in nurture and a date to look again; changeStatus checks both.
 */
export const nurtureRequest = (input: {
  revisitAt: number;
  nurtureOwnerId: string;
  note?: string;
}): StatusChangeRequest => ({
  to: 'nurture',
  grade: 'future',
  revisitAt: input.revisitAt,
  nurtureOwnerId: input.nurtureOwnerId,
  note: input.note ?? '',
});
