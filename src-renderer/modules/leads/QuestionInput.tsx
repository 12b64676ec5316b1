import type { UseFormRegister } from 'react-hook-form';
import type { QualifyingQuestion } from '../../../src-shared/domain/playbook';
import type { QualifyFormValues } from './qualifyForm';

/** One qualifying question as a labelled group: yes/no and choices as radios, numbers as a number field. */
export const QuestionInput = ({
  question,
  register,
}: {
  question: QualifyingQuestion;
  register: UseFormRegister<QualifyFormValues>;
}) => {
  const name = `answers.${question.id}` as const;
  const inputId = `question-${question.id}`;
  if (question.kind === 'number') {
    return (
      <div className="field question">
        <label htmlFor={inputId}>{question.text}</label>
        <span className="with-unit">
          <input id={inputId} type="number" min={0} inputMode="numeric" {...register(name)} />
          <span className="muted">{question.unit}</span>
        </span>
      </div>
    );
  }
  const options =
    question.kind === 'yesno'
      ? [
          { id: 'yes', label: 'Yes' },
          { id: 'no', label: 'No' },
        ]
      : question.options;
  return (
    <fieldset className="question" role="radiogroup" aria-label={question.text}>
      <legend>
        {question.text}
        {question.requiredForLead ? <span className="required-for-lead"> · lead definition</span> : null}
      </legend>
      <div className="choice-row">
        {options.map((option) => (
          <label key={option.id} className="choice">
            <input type="radio" value={option.id} {...register(name)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
};
