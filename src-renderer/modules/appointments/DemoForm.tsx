import { useState } from 'react';
import type { FormEvent } from 'react';
import type { DemoAppointment } from '../../../src-shared/domain/appointment';
import type { Lead } from '../../../src-shared/domain/lead';
import type { DemoField } from '../../../src-shared/rules/demos';
import { useDatabase } from '../../app/DatabaseContext';
import { Field } from '../../ui/Field';
import { useToasts } from '../../ui/toasts';
import { fromDateTimeInputs, toDateInput, toTimeInput } from '../seminars';
import { bookDemo, moveDemo } from './demoRepository';

const durations = [15, 30, 45, 60, 90, 120, 180, 240];

const durationLabel = (minutes: number): string => {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours > 0 ? `${hours} h` : '', rest > 0 ? `${rest} min` : ''].filter(Boolean).join(' ');
};

type Values = {
  date: string;
  time: string;
  durationMinutes: string;
  location: string;
  link: string;
  notes: string;
};

const initialValues = (demo: DemoAppointment | null): Values => {
  // A new demo is proposed for the next working day at 10:00.
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + (tomorrow.getDay() === 5 ? 3 : tomorrow.getDay() === 6 ? 2 : 1));
  tomorrow.setHours(10, 0, 0, 0);
  const start = demo?.startsAt ?? tomorrow.getTime();
  return {
    date: toDateInput(start),
    time: toTimeInput(start),
    durationMinutes: String(demo?.durationMinutes ?? 60),
    location: demo?.location ?? '',
    link: demo?.link ?? '',
    notes: demo?.notes ?? '',
  };
};

/** Books a demo for a lead, or reschedules one (`demo` given). The rules are src-shared/rules/demos.ts. */
export const DemoForm = ({
  lead,
  demo,
  onClose,
}: {
  lead: Pick<Lead, 'id' | 'ownerId' | 'teamId' | 'firstName' | 'lastName'>;
  demo: DemoAppointment | null;
  onClose(): void;
}) => {
  const db = useDatabase();
  const pushToast = useToasts((state) => state.push);
  const [values, setValues] = useState<Values>(() => initialValues(demo));
  const [errors, setErrors] = useState<Partial<Record<DemoField, string>>>({});
  const [saving, setSaving] = useState(false);
  const prefix = demo ? `demo-${demo.id}` : 'demo-new';
  const durationOptions = durations.includes(Number(values.durationMinutes))
    ? durations
    : [...durations, Number(values.durationMinutes)].sort((a, b) => a - b);

  const bind = (name: keyof Values) => ({
    id: `${prefix}-${name}`,
    value: values[name],
    'aria-invalid': errors[name === 'date' || name === 'time' ? 'startsAt' : name] ? true : undefined,
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      const draft = {
        startsAt: fromDateTimeInputs(values.date, values.time),
        durationMinutes: Number(values.durationMinutes),
        location: values.location,
        link: values.link,
        notes: values.notes,
      };
      const result = demo ? await moveDemo(db, demo.id, draft) : await bookDemo(db, lead, draft);
      if (!result.ok) {
        setErrors(Object.fromEntries(result.errors.map((error) => [error.field, error.message])));
        return;
      }
      pushToast(demo ? 'Demo rescheduled' : `Demo booked with ${lead.firstName} ${lead.lastName}`);
      onClose();
    } catch (cause) {
      pushToast(`Could not save: ${cause instanceof Error ? cause.message : String(cause)}`, 'error');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="demo-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={demo ? 'Reschedule demo' : 'Book a demo'}
    >
      <div className="demo-form-grid">
        <Field id={`${prefix}-date`} label="Date" error={errors.startsAt}>
          <input type="date" {...bind('date')} />
        </Field>
        <Field id={`${prefix}-time`} label="Time">
          <input type="time" step={300} {...bind('time')} />
        </Field>
        <Field id={`${prefix}-durationMinutes`} label="Duration" error={errors.durationMinutes}>
          <select {...bind('durationMinutes')}>
            {durationOptions.map((minutes) => (
              <option key={minutes} value={minutes}>
                {durationLabel(minutes)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        id={`${prefix}-location`}
        label="Place"
        error={errors.location}
        hint="An address, or leave empty for an online demo"
      >
        <input type="text" {...bind('location')} />
      </Field>
      <Field id={`${prefix}-link`} label="Meeting link" error={errors.link}>
        <input type="url" placeholder="https://" {...bind('link')} />
      </Field>
      <Field id={`${prefix}-notes`} label="Notes" error={errors.notes}>
        <textarea rows={2} {...bind('notes')} />
      </Field>
      {errors.demoStatus ? (
        <p className="field-error" role="alert">
          {errors.demoStatus}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {demo ? 'Save new time' : 'Book demo'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
};
