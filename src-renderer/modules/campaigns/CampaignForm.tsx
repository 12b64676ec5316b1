import { useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Campaign } from '../../../src-shared/domain/campaign';
import { campaignTypeLabels, campaignTypes } from '../../../src-shared/domain/vocabulary';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { Field } from '../../ui/Field';
import { useToasts } from '../../ui/toasts';
import type { CampaignFormInput, CampaignFormValues } from './campaignForm';
import {
  campaignFormErrors,
  campaignFormSchema,
  formValuesOf,
  newCostLine,
  saveCampaign,
} from './campaignForm';
import { formatAmount } from './format';
import { followsUpLeads, useTeamMembers } from './useTeamMembers';

const targetFields = [
  { name: 'relevantLeads', label: 'Relevant leads', step: 1 },
  { name: 'opportunities', label: 'Qualified opportunities', step: 1 },
  { name: 'opportunityValue', label: 'Opportunity value', step: 100 },
  { name: 'deals', label: 'Closed deals', step: 1 },
  { name: 'dealValue', label: 'Closed deal value', step: 100 },
] as const;

const asNumber = { valueAsNumber: true } as const;

/**
 * Creates or edits a campaign (managers and marketing): type, dates, budget and the actual cost lines, targets,
 * the follow-up deadline its leads get, and the reps who work them. Validated by the shared campaign schema.
 */
export const CampaignForm = ({
  campaign,
  onClose,
}: {
  campaign: Campaign | null;
  onClose(saved: Campaign | null): void;
}) => {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const members = useTeamMembers().filter(
    (member) => followsUpLeads(member) || campaign?.assignedRepIds.includes(member.id),
  );
  const pushToast = useToasts((state) => state.push);
  const [defaultValues] = useState(() => formValuesOf(campaign, user, Date.now()));
  const { register, handleSubmit, control, formState } = useForm<
    CampaignFormInput,
    unknown,
    CampaignFormValues
  >({
    resolver: zodResolver(campaignFormSchema, { error: campaignFormErrors }),
    defaultValues,
    mode: 'onBlur',
  });
  // keyName: the cost lines have their own `id`, which the field array must not overwrite.
  const costLines = useFieldArray({ control, name: 'costLines', keyName: 'key' });
  const watchedLines = useWatch({ control, name: 'costLines' });
  const totalCost = (watchedLines ?? []).reduce((sum, line) => sum + (Number(line?.amount) || 0), 0);
  const errors = formState.errors;
  const prefix = campaign ? `campaign-${campaign.id}` : 'campaign-new';

  const onSubmit = async (values: CampaignFormValues) => {
    try {
      const saved = await saveCampaign(db, user, values, campaign);
      pushToast(campaign ? `Saved ${saved.name}` : `Created ${saved.name}`);
      onClose(saved);
    } catch (cause) {
      pushToast(`Could not save: ${cause instanceof Error ? cause.message : String(cause)}`, 'error');
    }
  };

  return (
    <form
      className="card campaign-form"
      noValidate
      aria-label={campaign ? `Edit ${campaign.name}` : 'New campaign'}
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
    >
      <h2>{campaign ? 'Edit campaign' : 'New campaign'}</h2>
      <div className="form-grid">
        <Field id={`${prefix}-name`} label="Campaign name" error={errors.name?.message}>
          <input id={`${prefix}-name`} type="text" autoFocus={!campaign} {...register('name')} />
        </Field>
        <Field id={`${prefix}-type`} label="Type" error={errors.type?.message}>
          <select id={`${prefix}-type`} {...register('type')}>
            {campaignTypes.map((type) => (
              <option key={type} value={type}>
                {campaignTypeLabels[type]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${prefix}-start`} label="Starts" error={errors.startDate?.message}>
          <input id={`${prefix}-start`} type="date" {...register('startDate')} />
        </Field>
        <Field id={`${prefix}-end`} label="Ends" error={errors.endDate?.message}>
          <input id={`${prefix}-end`} type="date" {...register('endDate')} />
        </Field>
        <Field
          id={`${prefix}-followup`}
          label="Follow-up deadline (days)"
          hint="Business days a rep has to contact a lead; 0 uses the playbook's deadline per grade."
          error={errors.followUpDays?.message}
        >
          <input
            id={`${prefix}-followup`}
            type="number"
            min={0}
            step={1}
            {...register('followUpDays', asNumber)}
          />
        </Field>
      </div>

      <fieldset className="campaign-fieldset">
        <legend>Budget and actual cost</legend>
        <div className="form-grid">
          <Field
            id={`${prefix}-budget`}
            label="Budget (plan)"
            hint="The plan; results are measured against the actual cost lines."
            error={errors.budget?.message}
          >
            <input
              id={`${prefix}-budget`}
              type="number"
              min={0}
              step={100}
              {...register('budget', asNumber)}
            />
          </Field>
        </div>
        <table className="cost-lines" aria-label="Cost lines">
          <thead>
            <tr>
              <th scope="col">Cost item</th>
              <th scope="col" className="numeric">
                Amount
              </th>
              <th scope="col">
                <span className="only-for-screen-readers">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {costLines.fields.map((line, index) => (
              <tr key={line.key}>
                <td>
                  <input
                    type="text"
                    aria-label={`Cost item ${index + 1}`}
                    aria-invalid={errors.costLines?.[index]?.label ? true : undefined}
                    {...register(`costLines.${index}.label`)}
                  />
                  {errors.costLines?.[index]?.label ? (
                    <span className="field-error" role="alert">
                      {errors.costLines[index]?.label?.message}
                    </span>
                  ) : null}
                </td>
                <td className="numeric">
                  <input
                    type="number"
                    min={0}
                    step={100}
                    aria-label={`Amount ${index + 1}`}
                    aria-invalid={errors.costLines?.[index]?.amount ? true : undefined}
                    {...register(`costLines.${index}.amount`, asNumber)}
                  />
                  {errors.costLines?.[index]?.amount ? (
                    <span className="field-error" role="alert">
                      {errors.costLines[index]?.amount?.message}
                    </span>
                  ) : null}
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Remove cost line ${index + 1}`}
                    onClick={() => costLines.remove(index)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>
                <button type="button" onClick={() => costLines.append(newCostLine())}>
                  Add cost line
                </button>
              </td>
              <td className="numeric" data-testid="form-total-cost">
                Total {formatAmount(totalCost)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </fieldset>

      <fieldset className="campaign-fieldset">
        <legend>Targets</legend>
        <div className="form-grid">
          {targetFields.map((target) => (
            <Field
              key={target.name}
              id={`${prefix}-target-${target.name}`}
              label={target.label}
              error={errors.targets?.[target.name]?.message}
            >
              <input
                id={`${prefix}-target-${target.name}`}
                type="number"
                min={0}
                step={target.step}
                {...register(`targets.${target.name}`, asNumber)}
              />
            </Field>
          ))}
        </div>
      </fieldset>

      <fieldset className="campaign-fieldset">
        <legend>Assigned reps</legend>
        <Controller
          control={control}
          name="assignedRepIds"
          render={({ field }) =>
            members.length === 0 ? (
              <p className="hint">
                The team directory is not on this device; a manager can assign reps to this campaign.
              </p>
            ) : (
              <div className="rep-choices">
                {members.map((member) => (
                  <label key={member.id} className="choice">
                    <input
                      type="checkbox"
                      checked={field.value.includes(member.id)}
                      onChange={(event) =>
                        field.onChange(
                          event.target.checked
                            ? [...field.value, member.id]
                            : field.value.filter((id) => id !== member.id),
                        )
                      }
                    />
                    {member.name}
                  </label>
                ))}
              </div>
            )
          }
        />
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {campaign ? 'Save campaign' : 'Create campaign'}
        </button>
        <button type="button" onClick={() => onClose(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
};
