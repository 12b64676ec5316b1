import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import type { ActivityKind, InsightTag } from '../../../src-shared/domain/vocabulary';
import { activityKinds, insightTags } from '../../../src-shared/domain/vocabulary';
import type { ActivityInput } from '../../../src-shared/rules/activities';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { Field } from '../../ui/Field';
import { useToasts } from '../../ui/toasts';
import { dayFormat, fromDateInput, quickDate } from './dates';
import { saveActivity } from './leadWork';
import { activityKindLabels, insightTagLabels } from './labels';

type LogActivityValues = {
  kind: ActivityKind;
  outcomeId: string;
  notes: string;
  insightTags: InsightTag[];
  nextStep: string;
  nextFollowUpDate: string;
};

const emptyValues: LogActivityValues = {
  kind: 'call',
  outcomeId: '',
  notes: '',
  insightTags: [],
  nextStep: '',
  nextFollowUpDate: '',
};

const kindKeys: Record<string, ActivityKind> = { c: 'call', e: 'email', v: 'visit', n: 'note' };

const formField: Record<keyof ActivityInput, keyof LogActivityValues> = {
  kind: 'kind',
  outcomeId: 'outcomeId',
  notes: 'notes',
  insightTags: 'insightTags',
  nextStep: 'nextStep',
  nextFollowUpAt: 'nextFollowUpDate',
};

const quickDates = [
  { label: 'Tomorrow', days: 1 },
  { label: 'In 3 days', days: 3 },
  { label: 'Next week', days: 7 },
] as const;

/** Whether a key press is typing into a field (then c/e/v/n are letters, not shortcuts). */
const isTyping = (target: EventTarget): boolean =>
  target instanceof HTMLTextAreaElement ||
  target instanceof HTMLSelectElement ||
  (target instanceof HTMLInputElement && target.type !== 'radio' && target.type !== 'checkbox');

/**
 * Logs a call, email, visit or note in a few keystrokes: c/e/v/n pick the kind, Tab walks the fields, Enter saves
 * from anywhere (Shift+Enter for a new line in the summary). The rules (src-shared/rules/activities) decide what is
 * valid and what the lead's next follow-up becomes.
 */
export const LogActivityForm = ({
  lead,
  playbook,
  autoFocus = false,
}: {
  lead: Lead;
  playbook: Playbook;
  autoFocus?: boolean;
}) => {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const pushToast = useToasts((state) => state.push);
  const formRef = useRef<HTMLFormElement>(null);
  const { register, handleSubmit, control, setValue, setError, reset, setFocus, formState } =
    useForm<LogActivityValues>({ defaultValues: emptyValues });
  const kind = useWatch({ control, name: 'kind' });

  useEffect(() => {
    if (autoFocus) setFocus('kind');
  }, [autoFocus, setFocus]);

  const onSubmit = async (values: LogActivityValues) => {
    const nextFollowUpAt = fromDateInput(values.nextFollowUpDate);
    const result = await saveActivity(db, user, playbook, lead.id, {
      kind: values.kind,
      outcomeId: values.outcomeId,
      notes: values.notes,
      insightTags: values.insightTags,
      nextStep: values.nextStep,
      nextFollowUpAt,
    });
    if (!result.ok) {
      for (const error of result.errors) setError(formField[error.field], { message: error.message });
      return;
    }
    pushToast(
      `${activityKindLabels[values.kind]} logged${nextFollowUpAt ? ` · next follow-up ${dayFormat.format(nextFollowUpAt)}` : ''}`,
    );
    reset({ ...emptyValues, kind: values.kind });
  };

  const pickKind = (next: ActivityKind) => {
    setValue('kind', next);
    formRef.current?.querySelector<HTMLInputElement>(`#activity-kind-${next}`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.nativeEvent.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    const shortcut = kindKeys[event.key];
    if (shortcut && !isTyping(event.target)) {
      event.preventDefault();
      pickKind(shortcut);
    } else if (event.key === 'Enter') {
      if (event.target instanceof HTMLButtonElement) return;
      if (event.target instanceof HTMLTextAreaElement && event.shiftKey) return;
      event.preventDefault();
      void handleSubmit(onSubmit)();
    }
  };

  const errors = formState.errors;
  return (
    <form
      ref={formRef}
      className="card log-activity"
      aria-labelledby="log-activity-title"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
    >
      <h2 id="log-activity-title">Log activity</h2>
      <fieldset className="kind-picker" role="radiogroup" aria-label="Activity kind">
        {activityKinds.map((option) => (
          <label key={option} className="choice" htmlFor={`activity-kind-${option}`}>
            <input id={`activity-kind-${option}`} type="radio" value={option} {...register('kind')} />
            {activityKindLabels[option]}
            <kbd aria-hidden="true">{option[0]}</kbd>
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        {kind === 'call' ? (
          <Field id="activity-outcome" label="Outcome" error={errors.outcomeId?.message}>
            <select id="activity-outcome" {...register('outcomeId')}>
              <option value="">How did it go?</option>
              {playbook.callOutcomes.map((outcome) => (
                <option key={outcome.id} value={outcome.id}>
                  {outcome.label}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field id="activity-next-step" label="Next step" error={errors.nextStep?.message}>
          <input id="activity-next-step" placeholder="e.g. Send the price list" {...register('nextStep')} />
        </Field>
      </div>
      <Field id="activity-notes" label="Summary" error={errors.notes?.message}>
        <textarea
          id="activity-notes"
          rows={2}
          placeholder={kind === 'note' ? 'What should the team know?' : 'What was said?'}
          {...register('notes')}
        />
      </Field>
      <fieldset className="insight-tags" aria-label="Customer insight">
        <legend>Customer insight</legend>
        {insightTags.map((tag) => (
          <label key={tag} className="choice">
            <input type="checkbox" value={tag} {...register('insightTags')} />
            {insightTagLabels[tag]}
          </label>
        ))}
      </fieldset>
      <div className="next-follow-up">
        <Field
          id="activity-next-date"
          label="Next follow-up"
          error={errors.nextFollowUpDate?.message}
          hint={
            lead.nextFollowUpAt > 0
              ? `Planned now: ${dayFormat.format(lead.nextFollowUpAt)}`
              : 'Nothing planned yet'
          }
        >
          <input id="activity-next-date" type="date" {...register('nextFollowUpDate')} />
        </Field>
        <div className="quick-dates" role="group" aria-label="Quick dates">
          {quickDates.map((quick) => (
            <button
              key={quick.label}
              type="button"
              className="chip"
              onClick={() =>
                setValue('nextFollowUpDate', quickDate(Date.now(), quick.days), { shouldDirty: true })
              }
            >
              {quick.label}
            </button>
          ))}
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          Save activity
        </button>
        <p className="hint">
          <kbd>c</kbd> <kbd>e</kbd> <kbd>v</kbd> <kbd>n</kbd> kind · <kbd>Enter</kbd> saves · <kbd>Shift</kbd>
          +<kbd>Enter</kbd> new line
        </p>
      </div>
    </form>
  );
};
