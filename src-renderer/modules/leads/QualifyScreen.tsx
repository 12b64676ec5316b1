import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useLocation, useSearch } from 'wouter';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import { buyingStageLabels, buyingStages, leadStatusLabels } from '../../../src-shared/domain/vocabulary';
import type { LeadStatus } from '../../../src-shared/domain/vocabulary';
import { qualify } from '../../../src-shared/rules/qualification';
import { allowedStatusChanges } from '../../../src-shared/rules/statusTransitions';
import type { StatusChangeRequest } from '../../../src-shared/rules/statusTransitions';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { EmptyState } from '../../ui/EmptyState';
import { FitMeter, GradeBadge, StatusBadge } from '../../ui/Badges';
import { Field } from '../../ui/Field';
import { useToasts } from '../../ui/toasts';
import { usePlaybook } from '../playbook';
import { QuestionInput } from './QuestionInput';
import { saveQualification } from './leadRepository';
import type { QualifyFormValues } from './qualifyForm';
import { fromDateInput, initialQualifyValues, toQualificationInput } from './qualifyForm';
import { useLead } from './useLead';

export const QualifyScreen = ({ id }: { id: string }) => {
  const lead = useLead(id);
  const playbook = usePlaybook();
  if (lead === undefined || playbook === undefined) return <p className="loading">Loading…</p>;
  if (lead === null)
    return <EmptyState title="Lead not found">It may have been removed from this device.</EmptyState>;
  if (playbook === null)
    return <EmptyState title="No playbook yet">The lead definition has not reached this device.</EmptyState>;
  return <QualifyForm key={lead.id} lead={lead} playbook={playbook} />;
};

const QualifyForm = ({ lead, playbook }: { lead: Lead; playbook: Playbook }) => {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const pushToast = useToasts((state) => state.push);
  const [, navigate] = useLocation();
  const search = useSearch();
  const fromCapture = new URLSearchParams(search).get('from') === 'capture';
  const [statusTouched, setStatusTouched] = useState(false);
  const [formError, setFormError] = useState('');
  const initial = useMemo(
    () => initialQualifyValues(lead, playbook, user.id, Date.now()),
    [lead, playbook, user.id],
  );
  const { register, handleSubmit, control, setValue, setError, formState } = useForm<QualifyFormValues>({
    defaultValues: initial,
  });
  const values = useWatch({ control }) as QualifyFormValues;
  const result = useMemo(() => qualify(playbook, toQualificationInput(playbook, values)), [playbook, values]);
  const statusOptions: LeadStatus[] = [lead.status, ...allowedStatusChanges[lead.status]];
  const suggestion = statusOptions.includes(result.suggestedStatus) ? result.suggestedStatus : lead.status;

  // The status follows the answers until the rep picks one by hand.
  useEffect(() => {
    if (!statusTouched) setValue('status', suggestion);
  }, [suggestion, statusTouched, setValue]);

  const onSubmit = async (form: QualifyFormValues) => {
    setFormError('');
    const request: StatusChangeRequest | null =
      form.status === lead.status
        ? null
        : {
            to: form.status,
            grade: result.grade ?? '',
            reasonId: form.reasonId,
            note: form.note,
            revisitAt: fromDateInput(form.revisitDate),
            nurtureOwnerId: form.nurtureOwnerId,
          };
    const saved = await saveQualification(
      db,
      user,
      playbook,
      lead.id,
      toQualificationInput(playbook, form),
      request,
    );
    if (!saved.ok) {
      for (const error of saved.errors) {
        if (error.field === 'reasonId') setError('reasonId', { message: error.message });
        else if (error.field === 'revisitAt') setError('revisitDate', { message: error.message });
        else if (error.field === 'nurtureOwnerId') setError('nurtureOwnerId', { message: error.message });
        else setFormError(error.message);
      }
      return;
    }
    const status = saved.patch.status ?? lead.status;
    const grade = saved.patch.grade ?? lead.grade;
    pushToast(`${lead.firstName} ${lead.lastName}: ${leadStatusLabels[status]}${grade ? ` (${grade})` : ''}`);
    navigate(fromCapture ? '/capture' : `/leads/${lead.id}`);
  };

  const status = values.status;
  return (
    <section className="screen qualify-screen" aria-labelledby="qualify-title">
      <header className="screen-header">
        <div>
          <h1 id="qualify-title">
            Qualify {lead.firstName} {lead.lastName}
          </h1>
          <p className="muted">
            {[lead.jobTitle, lead.company].filter(Boolean).join(', ') || 'No company yet'} ·{' '}
            <StatusBadge status={lead.status} /> · Playbook “{playbook.name}” v{playbook.version}
          </p>
        </div>
      </header>
      <form className="qualify-layout" onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate>
        <div className="card">
          <h2>Qualifying questions</h2>
          {playbook.questions.map((question) => (
            <QuestionInput key={question.id} question={question} register={register} />
          ))}
          <Field id="buying-stage" label="Buying stage">
            <select id="buying-stage" {...register('buyingStage')}>
              <option value="">Not known yet</option>
              {buyingStages.map((stage) => (
                <option key={stage} value={stage}>
                  {buyingStageLabels[stage]}
                </option>
              ))}
            </select>
          </Field>
          <h2>Ideal prospect profile</h2>
          <div className="form-grid">
            {playbook.profileCriteria.map((criterion) => (
              <Field key={criterion.field} id={`profile-${criterion.field}`} label={criterion.label}>
                <select id={`profile-${criterion.field}`} {...register(`profile.${criterion.field}`)}>
                  <option value="">Not known</option>
                  {criterion.values.map((value) => (
                    <option key={value.id} value={value.id}>
                      {value.label}
                    </option>
                  ))}
                </select>
              </Field>
            ))}
          </div>
        </div>
        <div className="card qualify-result" aria-live="polite">
          <h2>Result</h2>
          <dl className="score-list">
            <dt>Fit score</dt>
            <dd data-testid="fit-score">
              <FitMeter score={result.fitScore} />
            </dd>
            <dt>Qualification score</dt>
            <dd data-testid="qualification-score">
              <FitMeter score={result.qualificationScore} label="Score" />
            </dd>
            <dt>Grade</dt>
            <dd data-testid="grade">
              <GradeBadge grade={result.grade} />
            </dd>
          </dl>
          <p className="explanation">{result.explanation}</p>
          <Field id="qualify-status" label="Status">
            <select id="qualify-status" {...register('status', { onChange: () => setStatusTouched(true) })}>
              {statusOptions.map((option) => (
                <option key={option} value={option}>
                  {leadStatusLabels[option]}
                  {option === lead.status ? ' (current)' : ''}
                  {option === result.suggestedStatus ? ' (suggested)' : ''}
                </option>
              ))}
            </select>
          </Field>
          {status === 'disqualified' ? (
            <Field
              id="qualify-reason"
              label="Disqualification reason"
              error={formState.errors.reasonId?.message}
            >
              <select id="qualify-reason" {...register('reasonId')}>
                <option value="">Choose a reason…</option>
                {playbook.disqualifyReasons.map((reason) => (
                  <option key={reason.id} value={reason.id}>
                    {reason.label}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          {status === 'nurture' ? (
            <>
              <Field id="qualify-revisit" label="Revisit on" error={formState.errors.revisitDate?.message}>
                <input id="qualify-revisit" type="date" {...register('revisitDate')} />
              </Field>
              <Field
                id="qualify-nurture-owner"
                label="Nurture owner"
                error={formState.errors.nurtureOwnerId?.message}
              >
                <select id="qualify-nurture-owner" {...register('nurtureOwnerId')}>
                  <option value={user.id}>{user.name} (me)</option>
                </select>
              </Field>
            </>
          ) : null}
          {status !== lead.status ? (
            <Field id="qualify-note" label="Note (optional)">
              <input id="qualify-note" {...register('note')} />
            </Field>
          ) : null}
          {formError ? (
            <p className="field-error" role="alert">
              {formError}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={formState.isSubmitting}>
              Save qualification
            </button>
            <button type="button" onClick={() => navigate(fromCapture ? '/capture' : `/leads/${lead.id}`)}>
              Cancel
            </button>
          </div>
        </div>
      </form>
    </section>
  );
};
