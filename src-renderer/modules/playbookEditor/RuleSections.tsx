import { useFormContext, useFormState } from 'react-hook-form';
import type { PlaybookContent } from '../../../src-shared/playbook/playbookDraft';
import { buyingStageLabels, buyingStages, grades } from '../../../src-shared/domain/vocabulary';
import type { Grade } from '../../../src-shared/domain/vocabulary';
import { Field } from '../../ui/Field';
import { errorAt } from './editorForm';

const gradeLabels: Record<Grade, string> = { hot: 'Hot', warm: 'Warm', future: 'Future' };

const NumberField = ({
  path,
  label,
  hint,
  min = 0,
  max,
}: {
  path:
    | 'gradeRule.hotMinScore'
    | 'gradeRule.warmMinScore'
    | 'gradeRule.prospectMinFit'
    | 'followUp.nurtureRevisitDays';
  label: string;
  hint?: string;
  min?: number;
  max?: number;
}) => {
  const { control, register } = useFormContext<PlaybookContent>();
  const { errors } = useFormState({ control, name: path });
  return (
    <Field id={path} label={label} error={errorAt(errors, path)} {...(hint ? { hint } : {})}>
      <input
        id={path}
        type="number"
        min={min}
        max={max}
        className="number-input"
        {...register(path, { valueAsNumber: true })}
      />
    </Field>
  );
};

/** The rule from score and buying stage to grade, and the fit above which a non-lead is kept as a prospect. */
export const GradeRuleSection = () => {
  const { register } = useFormContext<PlaybookContent>();
  return (
    <section className="card editor-section" aria-labelledby="grade-rule-title">
      <h2 id="grade-rule-title">Grade rule</h2>
      <p className="hint">
        A record that meets the lead definition is graded by its qualification score, then capped by the
        customer’s buying stage.
      </p>
      <div className="inline-fields">
        <NumberField path="gradeRule.hotMinScore" label="Hot from score" max={100} />
        <NumberField path="gradeRule.warmMinScore" label="Warm from score" max={100} />
        <NumberField
          path="gradeRule.prospectMinFit"
          label="Prospect from fit score"
          max={100}
          hint="Below it, a non-lead is suggested for disqualification."
        />
      </div>
      <h3 className="sub-title">Highest grade by buying stage</h3>
      <div className="inline-fields">
        {buyingStages.map((stage) => (
          <Field key={stage} id={`cap-${stage}`} label={buyingStageLabels[stage]}>
            <select id={`cap-${stage}`} {...register(`gradeRule.maxGradeByBuyingStage.${stage}`)}>
              {grades.map((grade) => (
                <option key={grade} value={grade}>
                  {gradeLabels[grade]}
                </option>
              ))}
            </select>
          </Field>
        ))}
      </div>
    </section>
  );
};

/** How quickly a named rep must follow up each grade, and when nurtured records come back. */
export const FollowUpSection = () => {
  const { control, register } = useFormContext<PlaybookContent>();
  const { errors } = useFormState({ control, name: 'followUp' });
  return (
    <section className="card editor-section" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">Follow-up deadlines</h2>
      <div className="inline-fields">
        {grades.map((grade) => {
          const at = `followUp.deadlineByGrade.${grade}` as const;
          return (
            <Field
              key={grade}
              id={`${at}.amount`}
              label={`${gradeLabels[grade]} leads within`}
              error={errorAt(errors, `${at}.amount`)}
            >
              <span className="with-unit">
                <input
                  id={`${at}.amount`}
                  type="number"
                  min={0}
                  max={365}
                  className="number-input"
                  {...register(`${at}.amount`, { valueAsNumber: true })}
                />
                <select aria-label={`Unit for ${grade} leads`} {...register(`${at}.unit`)}>
                  <option value="hours">hours</option>
                  <option value="days">days</option>
                </select>
              </span>
            </Field>
          );
        })}
        <NumberField
          path="followUp.nurtureRevisitDays"
          label="Revisit nurture after (days)"
          min={1}
          max={730}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" {...register('followUp.businessDays')} />
        Count business days only (Monday to Friday)
      </label>
    </section>
  );
};
