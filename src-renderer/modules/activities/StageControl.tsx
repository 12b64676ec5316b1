import { useForm, useWatch } from 'react-hook-form';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import type { StageMoveRequest } from '../../../src-shared/rules/salesStages';
import { isClosedStage, stageById } from '../../../src-shared/rules/salesStages';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { Field } from '../../ui/Field';
import { useToasts } from '../../ui/toasts';
import { saveStageMove } from './leadWork';
import { SendToNurture } from './NurtureControls';

type StageValues = {
  stageId: string;
  value: string;
  expectedCloseMonth: string;
  reasonId: string;
  note: string;
};

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/**
 * The lead's sales stage and the move to another: the fields a stage asks for (value, close month) appear when it
 * is picked, and a lost lead needs a reason from the list agreed for the stage it leaves (rules/salesStages).
 */
export const StageControl = ({ lead, playbook }: { lead: Lead; playbook: Playbook }) => {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const pushToast = useToasts((state) => state.push);
  const current = stageById(playbook, lead.stageId) ?? playbook.stages[0];
  const closed = isClosedStage(playbook, lead.stageId);
  const defaults: StageValues = {
    stageId: '',
    value: lead.value > 0 ? String(lead.value) : '',
    expectedCloseMonth: lead.expectedCloseMonth,
    reasonId: '',
    note: '',
  };
  const { register, handleSubmit, control, setError, reset, formState } = useForm<StageValues>({
    defaultValues: defaults,
  });
  const target = stageById(playbook, useWatch({ control, name: 'stageId' }));
  const choices = playbook.stages.filter(
    (stage) => stage.id !== current?.id && (!closed || stage.outcome === 'open'),
  );

  const onSubmit = async (values: StageValues) => {
    const value = values.value.trim() === '' ? undefined : Number(values.value);
    const request: StageMoveRequest = {
      stageId: values.stageId,
      value,
      expectedCloseMonth: values.expectedCloseMonth,
      reasonId: values.reasonId,
      note: values.note,
    };
    const result = await saveStageMove(db, user, playbook, lead.id, request);
    if (!result.ok) {
      for (const error of result.errors) setError(error.field, { message: error.message });
      return;
    }
    const reached = stageById(playbook, values.stageId);
    const reason = current?.lostReasons.find((candidate) => candidate.id === values.reasonId)?.label;
    pushToast(
      reached?.outcome === 'lost'
        ? `Marked lost: ${reason ?? ''}`
        : `Moved to ${reached?.label ?? values.stageId}`,
    );
    reset({ ...defaults, value: values.value, expectedCloseMonth: values.expectedCloseMonth });
  };

  const errors = formState.errors;
  const lostReason = closed ? current?.outcome === 'lost' : false;
  return (
    <section className="card stage-control" aria-labelledby="stage-title">
      <h2 id="stage-title">Sales stage</h2>
      <ol className="stage-track" aria-label="Stages">
        {playbook.stages
          .filter((stage) => stage.outcome === 'open')
          .map((stage) => (
            <li
              key={stage.id}
              className={stage.id === current?.id ? 'current' : ''}
              aria-current={stage.id === current?.id ? 'step' : undefined}
              title={`${stage.probability} % win probability`}
            >
              {stage.label}
            </li>
          ))}
      </ol>
      <p className="stage-now" data-testid="current-stage">
        <strong className={`stage-badge stage-${current?.outcome ?? 'open'}`}>
          {current?.label ?? 'No stage'}
        </strong>
        {current ? <span className="muted"> · {current.probability} %</span> : null}
        {lead.value > 0 ? <span> · value {numberFormat.format(lead.value)}</span> : null}
        {lead.expectedCloseMonth ? <span> · closes {lead.expectedCloseMonth}</span> : null}
      </p>
      {lostReason ? (
        <p className="lost-reason" data-testid="lost-reason">
          Lost: {findLostReason(playbook, lead.reasonId)}
          {lead.reasonNote ? ` · “${lead.reasonNote}”` : ''}
        </p>
      ) : null}
      <form noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)} aria-label="Move to stage">
        <Field id="stage-target" label={closed ? 'Reopen at' : 'Move to'} error={errors.stageId?.message}>
          <select id="stage-target" {...register('stageId')}>
            <option value="">Choose a stage…</option>
            {choices.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stage.label}
              </option>
            ))}
          </select>
        </Field>
        {target?.requiresValue || target?.requiresCloseMonth ? (
          <div className="form-grid compact">
            {target.requiresValue ? (
              <Field id="stage-value" label="Deal value" error={errors.value?.message}>
                <input
                  id="stage-value"
                  type="number"
                  min={0}
                  step="any"
                  inputMode="decimal"
                  {...register('value')}
                />
              </Field>
            ) : null}
            {target.requiresCloseMonth ? (
              <Field id="stage-month" label="Expected close month" error={errors.expectedCloseMonth?.message}>
                <input id="stage-month" type="month" {...register('expectedCloseMonth')} />
              </Field>
            ) : null}
          </div>
        ) : null}
        {target?.outcome === 'lost' ? (
          <Field id="stage-reason" label="Lost reason" error={errors.reasonId?.message}>
            <select id="stage-reason" {...register('reasonId')}>
              <option value="">Why was it lost?</option>
              {(current?.lostReasons ?? []).map((reason) => (
                <option key={reason.id} value={reason.id}>
                  {reason.label}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {target ? (
          <Field id="stage-note" label="Comment (optional)" error={errors.note?.message}>
            <input id="stage-note" {...register('note')} />
          </Field>
        ) : null}
        <div className="form-actions">
          <button
            type="submit"
            className={target?.outcome === 'lost' ? 'danger' : 'primary'}
            disabled={!target}
          >
            {target?.outcome === 'lost' ? 'Mark lost' : target?.outcome === 'won' ? 'Mark won' : 'Move'}
          </button>
        </div>
      </form>
      {!closed ? <SendToNurture lead={lead} playbook={playbook} /> : null}
    </section>
  );
};

/** Lost reasons are agreed per stage; the label of an id is the same wherever it appears. */
const findLostReason = (playbook: Playbook, reasonId: string): string =>
  playbook.stages.flatMap((stage) => stage.lostReasons).find((reason) => reason.id === reasonId)?.label ??
  reasonId;
