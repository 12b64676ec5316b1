import type { UseFieldArrayMove, UseFieldArrayRemove } from 'react-hook-form';
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import type { SalesStage } from '../../../src-shared/domain/playbook';
import type { PlaybookContent } from '../../../src-shared/playbook/playbookDraft';
import { Field } from '../../ui/Field';
import { errorAt, newStage, useReadOnly } from './editorForm';
import { ItemControls } from './ItemControls';
import { ReasonList } from './ReasonList';

const outcomeLabels: Record<SalesStage['outcome'], string> = {
  open: 'Open (worked)',
  won: 'Won (closes the lead)',
  lost: 'Lost (closes the lead)',
};

/** The sales stages in order, each with its win probability and the lost reasons agreed for it. */
export const StagesSection = () => {
  const readOnly = useReadOnly();
  const { control } = useFormContext<PlaybookContent>();
  const { errors } = useFormState({ control, name: 'stages' });
  const { fields, append, move, remove } = useFieldArray({ control, name: 'stages', keyName: 'key' });
  const listError = errorAt(errors, 'stages');
  return (
    <section className="card editor-section" aria-labelledby="stages-title">
      <h2 id="stages-title">Sales stages</h2>
      <p className="hint">
        New leads start at the first stage. The forecast weighs each open deal by its stage’s probability; a
        lead lost at a stage needs one of the reasons agreed for it.
      </p>
      <ol className="editor-list">
        {fields.map((field, index) => (
          <li key={field.key}>
            <StageCard index={index} count={fields.length} move={move} remove={remove} />
          </li>
        ))}
      </ol>
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      {readOnly ? null : (
        <button type="button" className="add-button" onClick={() => append(newStage())}>
          + Add stage
        </button>
      )}
    </section>
  );
};

const StageCard = ({
  index,
  count,
  move,
  remove,
}: {
  index: number;
  count: number;
  move: UseFieldArrayMove;
  remove: UseFieldArrayRemove;
}) => {
  const at = `stages.${index}` as const;
  const { control, register } = useFormContext<PlaybookContent>();
  const { errors } = useFormState({ control, name: at });
  const outcome = useWatch({ control, name: `${at}.outcome` });
  const label = useWatch({ control, name: `${at}.label` });
  return (
    <fieldset className="item-card" aria-label={`Stage ${index + 1}`}>
      <div className="item-card-head">
        <h3 className="item-title">
          Stage {index + 1}
          {outcome !== 'open' ? <span className={`badge outcome-${outcome}`}>{outcome}</span> : null}
        </h3>
        <ItemControls
          name={`stage ${index + 1}`}
          index={index}
          count={count}
          move={move}
          remove={remove}
          minimum={1}
        />
      </div>
      <div className="stage-fields">
        <Field id={`${at}.label`} label="Stage" error={errorAt(errors, `${at}.label`)}>
          <input id={`${at}.label`} {...register(`${at}.label`)} />
        </Field>
        <Field
          id={`${at}.probability`}
          label="Win probability %"
          error={errorAt(errors, `${at}.probability`)}
        >
          <input
            id={`${at}.probability`}
            type="number"
            min={0}
            max={100}
            className="number-input"
            {...register(`${at}.probability`, { valueAsNumber: true })}
          />
        </Field>
        <Field id={`${at}.outcome`} label="Outcome" error={errorAt(errors, `${at}.outcome`)}>
          <select id={`${at}.outcome`} {...register(`${at}.outcome`)}>
            {(Object.keys(outcomeLabels) as SalesStage['outcome'][]).map((option) => (
              <option key={option} value={option}>
                {outcomeLabels[option]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="checkbox-row">
        <label className="checkbox">
          <input type="checkbox" {...register(`${at}.requiresValue`)} />
          Needs the deal value
        </label>
        <label className="checkbox">
          <input type="checkbox" {...register(`${at}.requiresCloseMonth`)} />
          Needs the expected close month
        </label>
      </div>
      {outcome === 'open' ? (
        <div className="lost-reasons">
          <h4>Lost reasons at this stage</h4>
          <ReasonList
            name={`${at}.lostReasons`}
            noun="reason"
            title={`Lost reasons at ${label || `stage ${index + 1}`}`}
          />
        </div>
      ) : null}
    </fieldset>
  );
};
