import { useState } from 'react';
import type { UseFieldArrayMove, UseFieldArrayRemove } from 'react-hook-form';
import { useFieldArray, useFormContext, useFormState } from 'react-hook-form';
import type { QualifyingQuestion } from '../../../src-shared/domain/playbook';
import type { PlaybookContent } from '../../../src-shared/playbook/playbookDraft';
import { Field } from '../../ui/Field';
import { errorAt, newQuestion, questionKindLabels, useReadOnly } from './editorForm';
import { ItemControls } from './ItemControls';
import { ChoiceOptions, NumberBands } from './QuestionScoring';

const kinds = Object.keys(questionKindLabels) as QualifyingQuestion['kind'][];

/** The qualifying questions with their weights, and which of them make up the lead definition. */
export const QuestionsSection = () => {
  const readOnly = useReadOnly();
  const { control } = useFormContext<PlaybookContent>();
  const { errors } = useFormState({ control, name: 'questions' });
  const { fields, append, move, remove } = useFieldArray({ control, name: 'questions', keyName: 'key' });
  const [kind, setKind] = useState<QualifyingQuestion['kind']>('yesno');
  const listError = errorAt(errors, 'questions');
  return (
    <section className="card editor-section" aria-labelledby="questions-title">
      <h2 id="questions-title">Qualifying questions</h2>
      <p className="hint">
        Each answer earns points; the qualification score (0–100) is the points earned over the points
        possible. Questions in the lead definition must be answered positively before a record can become a
        lead.
      </p>
      <ol className="editor-list">
        {fields.map((field, index) => (
          <li key={field.key}>
            <QuestionCard index={index} kind={field.kind} count={fields.length} move={move} remove={remove} />
          </li>
        ))}
      </ol>
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      {readOnly ? null : (
        <div className="add-row">
          <label htmlFor="new-question-kind">New question</label>
          <select
            id="new-question-kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as QualifyingQuestion['kind'])}
          >
            {kinds.map((option) => (
              <option key={option} value={option}>
                {questionKindLabels[option]}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => append(newQuestion(kind))}>
            + Add question
          </button>
        </div>
      )}
    </section>
  );
};

const QuestionCard = ({
  index,
  kind,
  count,
  move,
  remove,
}: {
  index: number;
  kind: QualifyingQuestion['kind'];
  count: number;
  move: UseFieldArrayMove;
  remove: UseFieldArrayRemove;
}) => {
  const { control, register } = useFormContext<PlaybookContent>();
  const { errors } = useFormState({ control, name: `questions.${index}` });
  const at = `questions.${index}` as const;
  const name = `Question ${index + 1}`;
  return (
    <fieldset className="item-card" aria-label={name}>
      <div className="item-card-head">
        <h3 className="item-title">
          {name} <span className="badge">{questionKindLabels[kind]}</span>
        </h3>
        <ItemControls
          name={`question ${index + 1}`}
          index={index}
          count={count}
          move={move}
          remove={remove}
          minimum={1}
        />
      </div>
      <Field id={`${at}.text`} label="Question" error={errorAt(errors, `${at}.text`)}>
        <input id={`${at}.text`} {...register(`${at}.text`)} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" {...register(`${at}.requiredForLead`)} />
        Part of the lead definition (must be answered positively)
      </label>
      {kind === 'yesno' ? (
        <div className="inline-fields">
          <Field id={`${at}.points`} label="Points for “yes”" error={errorAt(errors, `${at}.points`)}>
            <input
              id={`${at}.points`}
              type="number"
              min={0}
              max={100}
              className="number-input"
              {...register(`${at}.points`, { valueAsNumber: true })}
            />
          </Field>
        </div>
      ) : null}
      {kind === 'choice' ? <ChoiceOptions questionIndex={index} /> : null}
      {kind === 'number' ? <NumberBands questionIndex={index} /> : null}
    </fieldset>
  );
};
