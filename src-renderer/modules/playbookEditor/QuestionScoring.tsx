import { useFieldArray, useFormContext, useFormState } from 'react-hook-form';
import type { PlaybookContent } from '../../../src-shared/playbook/playbookDraft';
import { newItemId } from '../../../src-shared/playbook/playbookDraft';
import { Field } from '../../ui/Field';
import type { DraftErrors } from './editorForm';
import { errorAt, useReadOnly } from './editorForm';
import { ItemControls } from './ItemControls';

const CellError = ({ errors, path }: { errors: DraftErrors; path: string }) => {
  const message = errorAt(errors, path);
  return message ? (
    <span className="field-error" role="alert">
      {message}
    </span>
  ) : null;
};

/** The options of a choice question, each worth its points. */
export const ChoiceOptions = ({ questionIndex }: { questionIndex: number }) => {
  const readOnly = useReadOnly();
  const name = `questions.${questionIndex}.options` as const;
  const { control, register } = useFormContext<PlaybookContent>();
  const { errors } = useFormState({ control, name });
  const { fields, append, move, remove } = useFieldArray({ control, name, keyName: 'key' });
  const question = `question ${questionIndex + 1}`;
  return (
    <div className="sub-list" role="group" aria-label={`Options of ${question}`}>
      <table className="editor-table">
        <thead>
          <tr>
            <th scope="col">Option</th>
            <th scope="col">Points</th>
            <th scope="col" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {fields.map((field, index) => (
            <tr key={field.key}>
              <td>
                <input
                  aria-label={`Option ${index + 1} of ${question}`}
                  {...register(`${name}.${index}.label`)}
                />
                <CellError errors={errors} path={`${name}.${index}.label`} />
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  max={100}
                  className="number-input"
                  aria-label={`Points for option ${index + 1} of ${question}`}
                  {...register(`${name}.${index}.points`, { valueAsNumber: true })}
                />
                <CellError errors={errors} path={`${name}.${index}.points`} />
              </td>
              <td>
                <ItemControls
                  name={`option ${index + 1} of ${question}`}
                  index={index}
                  count={fields.length}
                  move={move}
                  remove={remove}
                  minimum={2}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CellError errors={errors} path={name} />
      {readOnly ? null : (
        <button
          type="button"
          className="add-button"
          onClick={() => append({ id: newItemId('opt'), label: '', points: 0 })}
        >
          + Add option
        </button>
      )}
    </div>
  );
};

/** A number question scores the points of the highest band the answer reaches. */
export const NumberBands = ({ questionIndex }: { questionIndex: number }) => {
  const readOnly = useReadOnly();
  const at = `questions.${questionIndex}` as const;
  const name = `${at}.bands` as const;
  const { control, register } = useFormContext<PlaybookContent>();
  const { errors } = useFormState({ control, name: at });
  const { fields, append, move, remove } = useFieldArray({ control, name, keyName: 'key' });
  const question = `question ${questionIndex + 1}`;
  return (
    <div className="sub-list" role="group" aria-label={`Scoring bands of ${question}`}>
      <div className="inline-fields">
        <Field id={`${at}.unit`} label="Unit" error={errorAt(errors, `${at}.unit`)}>
          <input id={`${at}.unit`} className="short-input" {...register(`${at}.unit`)} />
        </Field>
      </div>
      <table className="editor-table">
        <thead>
          <tr>
            <th scope="col">From (at least)</th>
            <th scope="col">Points</th>
            <th scope="col" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {fields.map((field, index) => (
            <tr key={field.key}>
              <td>
                <input
                  type="number"
                  className="number-input"
                  aria-label={`Band ${index + 1} of ${question} starts at`}
                  {...register(`${name}.${index}.min`, { valueAsNumber: true })}
                />
                <CellError errors={errors} path={`${name}.${index}.min`} />
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  max={100}
                  className="number-input"
                  aria-label={`Points for band ${index + 1} of ${question}`}
                  {...register(`${name}.${index}.points`, { valueAsNumber: true })}
                />
                <CellError errors={errors} path={`${name}.${index}.points`} />
              </td>
              <td>
                <ItemControls
                  name={`band ${index + 1} of ${question}`}
                  index={index}
                  count={fields.length}
                  move={move}
                  remove={remove}
                  minimum={1}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CellError errors={errors} path={name} />
      {readOnly ? null : (
        <button type="button" className="add-button" onClick={() => append({ min: 0, points: 0 })}>
          + Add band
        </button>
      )}
    </div>
  );
};
