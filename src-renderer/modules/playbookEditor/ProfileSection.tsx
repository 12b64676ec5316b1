import { useState } from 'react';
import type { UseFieldArrayMove, UseFieldArrayRemove } from 'react-hook-form';
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import type { ProfileField } from '../../../src-shared/domain/playbook';
import { profileFields } from '../../../src-shared/domain/playbook';
import type { PlaybookContent } from '../../../src-shared/playbook/playbookDraft';
import { newItemId } from '../../../src-shared/playbook/playbookDraft';
import { Field } from '../../ui/Field';
import { errorAt, useReadOnly } from './editorForm';
import { ItemControls } from './ItemControls';

const fieldLabels: Record<ProfileField, string> = {
  industry: 'Industry',
  companySize: 'Company size',
  region: 'Region',
  role: 'Role',
};

/** The ideal prospect profile: weighted criteria, each value with how well it fits (0 = not at all, 1 = ideal). */
export const ProfileSection = () => {
  const readOnly = useReadOnly();
  const { control } = useFormContext<PlaybookContent>();
  const { errors } = useFormState({ control, name: 'profileCriteria' });
  const { fields, append, move, remove } = useFieldArray({
    control,
    name: 'profileCriteria',
    keyName: 'key',
  });
  const used = useWatch({ control, name: 'profileCriteria' }).map((criterion) => criterion.field);
  const unused = profileFields.filter((field) => !used.includes(field));
  const [picked, setPicked] = useState<ProfileField | ''>('');
  const next = picked && unused.includes(picked) ? picked : unused[0];
  const listError = errorAt(errors, 'profileCriteria');
  return (
    <section className="card editor-section" aria-labelledby="profile-title">
      <h2 id="profile-title">Ideal prospect profile</h2>
      <p className="hint">
        The fit score (0–100) adds each criterion’s weight times the fit of the value picked for a contact.
      </p>
      <ol className="editor-list">
        {fields.map((field, index) => (
          <li key={field.key}>
            <CriterionCard
              index={index}
              field={field.field}
              count={fields.length}
              move={move}
              remove={remove}
            />
          </li>
        ))}
      </ol>
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      {readOnly || !next ? null : (
        <div className="add-row">
          <label htmlFor="new-criterion-field">New criterion</label>
          <select
            id="new-criterion-field"
            value={next}
            onChange={(event) => setPicked(event.target.value as ProfileField)}
          >
            {unused.map((field) => (
              <option key={field} value={field}>
                {fieldLabels[field]}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() =>
              append({
                field: next,
                label: fieldLabels[next],
                weight: 10,
                values: [{ id: newItemId('val'), label: '', fit: 1 }],
              })
            }
          >
            + Add criterion
          </button>
        </div>
      )}
    </section>
  );
};

const CriterionCard = ({
  index,
  field,
  count,
  move,
  remove,
}: {
  index: number;
  field: ProfileField;
  count: number;
  move: UseFieldArrayMove;
  remove: UseFieldArrayRemove;
}) => {
  const readOnly = useReadOnly();
  const at = `profileCriteria.${index}` as const;
  const { control, register } = useFormContext<PlaybookContent>();
  const { errors } = useFormState({ control, name: at });
  const values = useFieldArray({ control, name: `${at}.values`, keyName: 'key' });
  const criterion = `criterion ${index + 1}`;
  return (
    <fieldset className="item-card" aria-label={`Criterion ${index + 1}`}>
      <div className="item-card-head">
        <h3 className="item-title">
          Criterion {index + 1} <span className="badge">{fieldLabels[field]}</span>
        </h3>
        <ItemControls name={criterion} index={index} count={count} move={move} remove={remove} />
      </div>
      <div className="inline-fields">
        <Field id={`${at}.label`} label="Label" error={errorAt(errors, `${at}.label`)}>
          <input id={`${at}.label`} {...register(`${at}.label`)} />
        </Field>
        <Field id={`${at}.weight`} label="Weight" error={errorAt(errors, `${at}.weight`)}>
          <input
            id={`${at}.weight`}
            type="number"
            min={0}
            max={100}
            className="number-input"
            {...register(`${at}.weight`, { valueAsNumber: true })}
          />
        </Field>
      </div>
      {errorAt(errors, `${at}.field`) ? (
        <p className="field-error" role="alert">
          {errorAt(errors, `${at}.field`)}
        </p>
      ) : null}
      <div className="sub-list" role="group" aria-label={`Values of ${criterion}`}>
        <table className="editor-table">
          <thead>
            <tr>
              <th scope="col">Value</th>
              <th scope="col">Fit (0–1)</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {values.fields.map((value, valueIndex) => {
              const path = `${at}.values.${valueIndex}` as const;
              const error = errorAt(errors, `${path}.label`) ?? errorAt(errors, `${path}.fit`);
              return (
                <tr key={value.key}>
                  <td>
                    <input
                      aria-label={`Value ${valueIndex + 1} of ${criterion}`}
                      {...register(`${path}.label`)}
                    />
                    {error ? (
                      <span className="field-error" role="alert">
                        {error}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <input
                      type="number"
                      min={0}
                      max={1}
                      step={0.1}
                      className="number-input"
                      aria-label={`Fit of value ${valueIndex + 1} of ${criterion}`}
                      {...register(`${path}.fit`, { valueAsNumber: true })}
                    />
                  </td>
                  <td>
                    <ItemControls
                      name={`value ${valueIndex + 1} of ${criterion}`}
                      index={valueIndex}
                      count={values.fields.length}
                      move={values.move}
                      remove={values.remove}
                      minimum={1}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {readOnly ? null : (
          <button
            type="button"
            className="add-button"
            onClick={() => values.append({ id: newItemId('val'), label: '', fit: 0.5 })}
          >
            + Add value
          </button>
        )}
      </div>
    </fieldset>
  );
};
