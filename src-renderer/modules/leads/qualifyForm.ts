import type { Answer, Lead, LeadProfile } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import type { QualificationInput } from '../../../src-shared/rules/qualification';
import { defaultRevisitAt } from '../../../src-shared/rules/followUp';
import type { BuyingStage, LeadStatus } from '../../../src-shared/domain/vocabulary';

/** The qualification form's draft: inputs hold strings, converted to answers by toQualificationInput. */
export type QualifyFormValues = {
  answers: Record<string, string>;
  profile: LeadProfile;
  buyingStage: BuyingStage | '';
  status: LeadStatus;
  reasonId: string;
  note: string;
  revisitDate: string;
  nurtureOwnerId: string;
};

const toDateInput = (ms: number): string => {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** A revisit date typed as YYYY-MM-DD means that day, 09:00 local time. 0 when empty or malformed. */
export const fromDateInput = (value: string): number => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return 0;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 9, 0, 0).getTime();
};

const answerToInput = (answer: Answer | undefined): string =>
  answer === undefined ? '' : answer === true ? 'yes' : answer === false ? 'no' : String(answer);

export const initialQualifyValues = (
  lead: Lead,
  playbook: Playbook,
  userId: string,
  now: number,
): QualifyFormValues => ({
  answers: Object.fromEntries(
    playbook.questions.map((question) => [question.id, answerToInput(lead.answers[question.id])]),
  ),
  profile: { ...lead.profile },
  buyingStage: lead.buyingStage,
  status: lead.status,
  reasonId: lead.reasonId,
  note: '',
  revisitDate: toDateInput(lead.revisitAt || defaultRevisitAt(playbook.followUp, now)),
  nurtureOwnerId: lead.nurtureOwnerId || userId,
});

export const toQualificationInput = (playbook: Playbook, values: QualifyFormValues): QualificationInput => {
  const answers: Record<string, Answer> = {};
  for (const question of playbook.questions) {
    const raw = values.answers[question.id] ?? '';
    if (raw === '') continue;
    if (question.kind === 'yesno') answers[question.id] = raw === 'yes';
    else if (question.kind === 'number') {
      const number = Number(raw);
      if (Number.isFinite(number)) answers[question.id] = number;
    } else answers[question.id] = raw;
  }
  return { answers, profile: values.profile, buyingStage: values.buyingStage };
};
