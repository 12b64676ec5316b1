import { useFieldArray, useFormContext, useFormState } from 'react-hook-form';
import type { PlaybookContent } from '../../../src-shared/playbook/playbookDraft';
import { errorAt, newReason, useReadOnly } from './editorForm';
import { ItemControls } from './ItemControls';

type ReasonListName = 'disqualifyReasons' | 'callOutcomes' | `stages.${number}.lostReasons`;

/**
 * An agreed list of labels (disqualification reasons, call outcomes, lost reasons of a stage). Records store the
 * ids, so a rename reads correctly on every record and a removed entry stays readable on old records.
 */
export const ReasonList = ({
  name,
  noun,
  title,
  minimum = 0,
}: {
  name: ReasonListName;
  /** What one entry is called: "reason", "outcome". */
  noun: string;
  /** The list's name for screen readers. */
  title: string;
  minimum?: number;
}) => {
  const readOnly = useReadOnly();
  const { control, register } = useFormContext<PlaybookContent>();
  const { errors } = useFormState({ control, name });
  const { fields, append, move, remove } = useFieldArray({ control, name, keyName: 'key' });
  const listError = errorAt(errors, name);
  return (
    <div className="reason-list" role="group" aria-label={title}>
      <ol>
        {fields.map((field, index) => {
          const error = errorAt(errors, `${name}.${index}.label`);
          const inputId = `${name}-${index}`;
          return (
            <li key={field.key} className={error ? 'field-invalid' : undefined}>
              <span className="reason-row">
                <input
                  id={inputId}
                  aria-label={`${title}: ${noun} ${index + 1}`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                  {...register(`${name}.${index}.label`)}
                />
                <ItemControls
                  name={`${noun} ${index + 1}`}
                  index={index}
                  count={fields.length}
                  move={move}
                  remove={remove}
                  minimum={minimum}
                />
              </span>
              {error ? (
                <span className="field-error" id={`${inputId}-error`} role="alert">
                  {error}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      {readOnly ? null : (
        <button type="button" className="add-button" onClick={() => append(newReason())}>
          + Add {noun}
        </button>
      )}
    </div>
  );
};
