import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Seminar } from '../../../src-shared/domain/seminar';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { Field } from '../../ui/Field';
import { useToasts } from '../../ui/toasts';
import { useCampaigns } from '../campaigns';
import { fromDateTimeInputs, toDateInput, toTimeInput } from './dateInputs';
import type { SeminarInput } from './seminarRepository';
import { saveSeminar } from './seminarRepository';

type Values = {
  title: string;
  date: string;
  time: string;
  durationMinutes: string;
  venue: string;
  capacity: string;
  campaignId: string;
  description: string;
};
type FieldName = keyof SeminarInput | 'date' | 'time';

const initialValues = (seminar: Seminar | null): Values => {
  // A new seminar defaults to two weeks from now at 09:00, a common slot for half-day events.
  const start = seminar?.startsAt ?? new Date(new Date().setHours(9, 0, 0, 0) + 14 * 86_400_000).getTime();
  return {
    title: seminar?.title ?? '',
    date: toDateInput(start),
    time: toTimeInput(start),
    durationMinutes: String(seminar?.durationMinutes ?? 180),
    venue: seminar?.venue ?? '',
    capacity: String(seminar?.capacity ?? 20),
    campaignId: seminar?.campaignId ?? '',
    description: seminar?.description ?? '',
  };
};

/** Creates or edits a team seminar (managers and marketing). Validated by the shared seminar schema. */
export const SeminarForm = ({ seminar, onClose }: { seminar: Seminar | null; onClose(): void }) => {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const campaigns = useCampaigns();
  const pushToast = useToasts((state) => state.push);
  const [values, setValues] = useState<Values>(() => initialValues(seminar));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [saving, setSaving] = useState(false);
  const prefix = seminar ? `seminar-${seminar.id}` : 'seminar-new';

  const bind = (name: keyof Values) => ({
    id: `${prefix}-${name}`,
    value: values[name],
    'aria-invalid': errors[name as FieldName] ? true : undefined,
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startsAt = fromDateTimeInputs(values.date, values.time);
    if (Number.isNaN(startsAt)) {
      setErrors({ date: 'Enter the date and start time.' });
      return;
    }
    setSaving(true);
    try {
      const result = await saveSeminar(
        db,
        user,
        {
          title: values.title,
          startsAt,
          durationMinutes: Number(values.durationMinutes),
          venue: values.venue,
          capacity: Number(values.capacity),
          campaignId: values.campaignId,
          description: values.description,
        },
        seminar,
      );
      if (!result.ok) {
        setErrors(Object.fromEntries(result.errors.map((error) => [error.field, error.message])));
        return;
      }
      pushToast(seminar ? `Saved ${result.seminar.title}` : `Created ${result.seminar.title}`);
      onClose();
    } catch (cause) {
      pushToast(`Could not save: ${cause instanceof Error ? cause.message : String(cause)}`, 'error');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="card seminar-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={seminar ? `Edit ${seminar.title}` : 'New seminar'}
    >
      <h2>{seminar ? 'Edit seminar' : 'New seminar'}</h2>
      <div className="form-grid">
        <Field id={`${prefix}-title`} label="Title" error={errors.title}>
          <input type="text" {...bind('title')} />
        </Field>
        <Field id={`${prefix}-venue`} label="Venue" error={errors.venue}>
          <input type="text" {...bind('venue')} />
        </Field>
        <Field id={`${prefix}-date`} label="Date" error={errors.date ?? errors.startsAt}>
          <input type="date" {...bind('date')} />
        </Field>
        <Field id={`${prefix}-time`} label="Starts at" error={errors.time}>
          <input type="time" {...bind('time')} />
        </Field>
        <Field id={`${prefix}-durationMinutes`} label="Duration (minutes)" error={errors.durationMinutes}>
          <input type="number" min={15} step={15} {...bind('durationMinutes')} />
        </Field>
        <Field
          id={`${prefix}-capacity`}
          label="Capacity (seats)"
          error={errors.capacity}
          hint={seminar ? 'Lowering it moves the latest invites to the waitlist.' : undefined}
        >
          <input type="number" min={1} {...bind('capacity')} />
        </Field>
        <Field id={`${prefix}-campaignId`} label="Campaign" error={errors.campaignId}>
          <select {...bind('campaignId')}>
            <option value="">No campaign</option>
            {campaigns?.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id={`${prefix}-description`} label="Description" error={errors.description}>
        <textarea rows={2} {...bind('description')} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {seminar ? 'Save seminar' : 'Create seminar'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
};
