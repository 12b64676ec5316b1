import type { Answer, Lead, LeadProfile } from '../domain/lead';
import type { GradeRule, Playbook, QualifyingQuestion } from '../domain/playbook';
import type { BuyingStage, Grade, LeadStatus } from '../domain/vocabulary';
import { gradeRank } from '../domain/vocabulary';
import { fitScore } from './fitScore';

/** Points one answer earns, and the most the question can earn. */
const scoreAnswer = (
  question: QualifyingQuestion,
  answer: Answer | undefined,
): { earned: number; max: number } => {
  switch (question.kind) {
    case 'yesno':
      return { earned: answer === true ? question.points : 0, max: question.points };
    case 'choice': {
      const max = Math.max(...question.options.map((option) => option.points));
      const picked = question.options.find((option) => option.id === answer);
      return { earned: picked?.points ?? 0, max };
    }
    case 'number': {
      const max = Math.max(...question.bands.map((band) => band.points));
      if (typeof answer !== 'number' || !Number.isFinite(answer)) return { earned: 0, max };
      const reached = question.bands.filter((band) => answer >= band.min);
      return { earned: Math.max(0, ...reached.map((band) => band.points)), max };
    }
  }
};

const isAnswered = (answer: Answer | undefined): boolean => answer !== undefined && answer !== '';

/** Qualification score 0-100: points earned over points possible across all qualifying questions. */
export const qualificationScore = (
  questions: readonly QualifyingQuestion[],
  answers: Readonly<Record<string, Answer>>,
): number => {
  let earned = 0;
  let max = 0;
  for (const question of questions) {
    const score = scoreAnswer(question, answers[question.id]);
    earned += score.earned;
    max += score.max;
  }
  return max > 0 ? Math.round((100 * earned) / max) : 0;
};

/**
 * Whether the answers meet the lead definition: every question marked `requiredForLead` must be answered
 * positively ("yes", an option worth points, a number inside a scoring band). 'unanswered' while any of them is
 * still open, so a half-finished qualification never turns an inquiry into a prospect by accident.
 */
export const leadDefinitionMet = (
  questions: readonly QualifyingQuestion[],
  answers: Readonly<Record<string, Answer>>,
): 'met' | 'not_met' | 'unanswered' => {
  const required = questions.filter((question) => question.requiredForLead);
  if (required.some((question) => !isAnswered(answers[question.id]))) return 'unanswered';
  const allPositive = required.every((question) => scoreAnswer(question, answers[question.id]).earned > 0);
  return allPositive ? 'met' : 'not_met';
};

const lowerGrade = (a: Grade, b: Grade): Grade => (gradeRank[a] <= gradeRank[b] ? a : b);

/**
 * Grade from score and buying stage: the score decides hot / warm / future, then the buying stage caps it (someone
 * still at awareness is at most future however keen they sound). Without a buying stage the cap is warm: a rep is
 * not sent to a visit until someone has established that the customer is specifying or buying.
 */
export const gradeFor = (rule: GradeRule, score: number, buyingStage: BuyingStage | ''): Grade => {
  const byScore: Grade = score >= rule.hotMinScore ? 'hot' : score >= rule.warmMinScore ? 'warm' : 'future';
  const cap: Grade = buyingStage === '' ? 'warm' : rule.maxGradeByBuyingStage[buyingStage];
  return lowerGrade(byScore, cap);
};

export type QualificationInput = {
  answers: Readonly<Record<string, Answer>>;
  profile: LeadProfile;
  buyingStage: BuyingStage | '';
};

export type Qualification = {
  fitScore: number;
  qualificationScore: number;
  /** Grade when the lead definition is met, otherwise null. */
  grade: Grade | null;
  /** What the answers say the record is; the rep confirms it (disqualification also needs a reason). */
  suggestedStatus: LeadStatus;
  /** One sentence explaining the suggestion, shown next to it. */
  explanation: string;
};

/** Judges an inquiry against the playbook: fit, score, grade and the status the answers point to. */
export const qualify = (playbook: Playbook, input: QualificationInput): Qualification => {
  const fit = fitScore(playbook.profileCriteria, input.profile);
  const score = qualificationScore(playbook.questions, input.answers);
  const definition = leadDefinitionMet(playbook.questions, input.answers);
  if (definition === 'unanswered') {
    return {
      fitScore: fit,
      qualificationScore: score,
      grade: null,
      suggestedStatus: 'inquiry',
      explanation: 'Answer the questions of the lead definition to qualify.',
    };
  }
  if (definition === 'not_met') {
    return fit >= playbook.gradeRule.prospectMinFit
      ? {
          fitScore: fit,
          qualificationScore: score,
          grade: null,
          suggestedStatus: 'prospect',
          explanation: `Fits the profile (fit ${fit}) but does not meet the lead definition yet.`,
        }
      : {
          fitScore: fit,
          qualificationScore: score,
          grade: null,
          suggestedStatus: 'disqualified',
          explanation: `Neither a lead nor a fit for the profile (fit ${fit} < ${playbook.gradeRule.prospectMinFit}).`,
        };
  }
  const grade = gradeFor(playbook.gradeRule, score, input.buyingStage);
  return {
    fitScore: fit,
    qualificationScore: score,
    grade,
    suggestedStatus: grade === 'future' ? 'nurture' : 'lead',
    explanation:
      grade === 'future'
        ? 'Meets the lead definition but is not at a buying stage yet: nurture it and look again later.'
        : `Meets the lead definition: ${grade} (score ${score}).`,
  };
};

/**
 * The fields a saved qualification writes: answers, profile and scores, the playbook version that judged them,
 * and for records already in sales or nurture the new grade. Status itself changes only through changeStatus.
 */
export const qualificationPatch = (
  lead: Pick<Lead, 'status' | 'grade' | 'qualifiedAt'>,
  playbook: Playbook,
  input: QualificationInput,
  now: number,
): Partial<Lead> => {
  const result = qualify(playbook, input);
  const keepsGrade = lead.status === 'lead' || lead.status === 'nurture';
  const grade = keepsGrade && result.grade ? result.grade : lead.grade;
  return {
    answers: { ...input.answers },
    profile: { ...input.profile },
    buyingStage: input.buyingStage,
    fitScore: result.fitScore,
    qualificationScore: result.qualificationScore,
    grade,
    gradeRank: grade === '' ? 0 : gradeRank[grade],
    playbookId: playbook.id,
    playbookVersion: playbook.version,
    qualifiedAt: lead.qualifiedAt || now,
  };
};
