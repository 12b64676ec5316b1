import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import type { BuyingStage } from '../../../src-shared/domain/vocabulary';
import { buyingStageLabels, buyingStages, leadStatusLabels } from '../../../src-shared/domain/vocabulary';
import { defaultRevisitAt } from '../../../src-shared/rules/followUp';
import { shouldReturnFromNurture } from '../../../src-shared/rules/nurture';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { Field } from '../../ui/Field';
import { useToasts } from '../../ui/toasts';
import { dayFormat, fromDateInput, personLabel, toDateInput } from './dates';
import { sendToNurture, updateNurtureBuyingStage } from './leadWork';
import { useTeamMembers } from '../campaigns/useTeamMembers';

type NurtureValues = { revisitDate: string; nurtureOwnerId: string; note: string };

/** "Not ready to buy": a lead in sales goes to nurture as future, with an owner and a date to look again. */
export const SendToNurture = ({ lead, playbook }: { lead: Lead; playbook: Playbook }) => {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const pushToast = useToasts((state) => state.push);
  const users = useTeamMembers();
  const [open, setOpen] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<NurtureValues>({
    defaultValues: {
      revisitDate: toDateInput(defaultRevisitAt(playbook.followUp, Date.now())),
      nurtureOwnerId: user.id,
      note: '',
    },
  });
  if (!open) {
    return (
      <p className="nurture-offer">
        <span className="muted">Not ready to buy yet?</span>{' '}
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
          Move to nurture…
        </button>
      </p>
    );
  }
  const onSubmit = async (values: NurtureValues) => {
    const revisitAt = fromDateInput(values.revisitDate);
    const result = await sendToNurture(db, user, playbook, lead.id, {
      revisitAt,
      nurtureOwnerId: values.nurtureOwnerId,
      note: values.note,
    });
    if (!result.ok) {
      for (const error of result.errors) {
        if (error.field === 'revisitAt') setError('revisitDate', { message: error.message });
        else if (error.field === 'nurtureOwnerId') setError('nurtureOwnerId', { message: error.message });
        else setError('note', { message: error.message });
      }
      return;
    }
    pushToast(`${lead.firstName} ${lead.lastName}: nurture until ${dayFormat.format(revisitAt)}`);
  };
  return (
    <form
      className="nurture-form"
      noValidate
      aria-label="Move to nurture"
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
    >
      <h3>Move to nurture</h3>
      <div className="form-grid compact">
        <Field id="nurture-revisit" label="Look again on" error={formState.errors.revisitDate?.message}>
          <input id="nurture-revisit" type="date" {...register('revisitDate')} />
        </Field>
        <Field id="nurture-owner" label="Nurture owner" error={formState.errors.nurtureOwnerId?.message}>
          <select id="nurture-owner" {...register('nurtureOwnerId')}>
            {users.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {personLabel(candidate.name, candidate.id === user.id)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="nurture-note" label="Why (optional)" error={formState.errors.note?.message}>
        <input id="nurture-note" placeholder="e.g. Budget only next year" {...register('note')} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          Move to nurture
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
};

/**
 * A nurtured record: who owns it, when to look again, and the customer's buying stage. When the stage advances
 * far enough the record goes back to sales (rules/nurture) with the grade its answers earn there.
 */
export const NurturePanel = ({ lead, playbook }: { lead: Lead; playbook: Playbook }) => {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const pushToast = useToasts((state) => state.push);
  const users = useTeamMembers();
  const { register, handleSubmit, control, formState } = useForm<{ buyingStage: BuyingStage | '' }>({
    defaultValues: { buyingStage: lead.buyingStage },
  });
  const chosen = useWatch({ control, name: 'buyingStage' });
  const back = chosen ? shouldReturnFromNurture(lead, chosen, playbook) : null;
  const owner = users.find((candidate) => candidate.id === lead.nurtureOwnerId)?.name ?? 'Not named';
  const firstSalesStage = buyingStages.find(
    (stage) => playbook.gradeRule.maxGradeByBuyingStage[stage] !== 'future',
  );

  const onSubmit = async ({ buyingStage }: { buyingStage: BuyingStage | '' }) => {
    if (!buyingStage) return;
    const result = await updateNurtureBuyingStage(db, user, playbook, lead.id, buyingStage);
    if (!result.ok) {
      pushToast(result.errors.map((error) => error.message).join(' '), 'error');
      return;
    }
    const status = result.patch.status;
    pushToast(
      status && status !== 'nurture'
        ? `Back in sales: ${leadStatusLabels[status]}${result.patch.grade ? ` (${result.patch.grade})` : ''}`
        : `Buying stage: ${buyingStageLabels[buyingStage]}`,
    );
  };

  return (
    <section className="card nurture-panel" aria-labelledby="nurture-title">
      <h2 id="nurture-title">Nurture</h2>
      <dl className="score-list">
        <dt>Owner</dt>
        <dd>{lead.nurtureOwnerId === user.id ? personLabel(user.name, true) : owner}</dd>
        <dt>Look again</dt>
        <dd>{lead.revisitAt > 0 ? dayFormat.format(lead.revisitAt) : 'No date'}</dd>
      </dl>
      <form noValidate aria-label="Buying stage now" onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
        <Field
          id="nurture-buying-stage"
          label="Customer's buying stage now"
          hint={
            firstSalesStage
              ? `Back to sales from ${buyingStageLabels[firstSalesStage]} on, if the answers still hold.`
              : undefined
          }
        >
          <select id="nurture-buying-stage" {...register('buyingStage')}>
            <option value="">Not known</option>
            {buyingStages.map((stage) => (
              <option key={stage} value={stage}>
                {buyingStageLabels[stage]}
              </option>
            ))}
          </select>
        </Field>
        {back ? (
          <p className="back-in-sales" role="status">
            {back.to === 'lead'
              ? `Ready for sales again as a ${back.grade ?? ''} lead.`
              : 'Ready to qualify again as a prospect.'}
          </p>
        ) : null}
        <div className="form-actions">
          <button
            type="submit"
            className={back ? 'primary' : ''}
            disabled={!chosen || chosen === lead.buyingStage || formState.isSubmitting}
          >
            {back ? 'Back in sales' : 'Save buying stage'}
          </button>
        </div>
      </form>
    </section>
  );
};
