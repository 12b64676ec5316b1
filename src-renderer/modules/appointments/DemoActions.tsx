import { useState } from 'react';
import type { DemoAppointment } from '../../../src-shared/domain/appointment';
import type { DemoStatusRequest } from '../../../src-shared/rules/demos';
import { useDatabase } from '../../app/DatabaseContext';
import { Field } from '../../ui/Field';
import { useToasts } from '../../ui/toasts';
import { finishDemo } from './demoRepository';

type Finish = DemoStatusRequest['to'];

const finishes: Record<Finish, { button: string; label: string; confirm: string; done: string }> = {
  done: { button: 'Mark done', label: 'Outcome', confirm: 'Save as done', done: 'Demo marked done' },
  no_show: {
    button: 'No-show',
    label: 'What happens next (optional)',
    confirm: 'Save as no-show',
    done: 'Demo recorded as a no-show',
  },
  cancelled: {
    button: 'Cancel demo',
    label: 'Reason (optional)',
    confirm: 'Cancel the demo',
    done: 'Demo cancelled',
  },
};

/**
 * Finishing a scheduled demo: done (with its outcome), no-show (once it was due) or cancelled. The outcome form
 * opens inline so the rep types it while they remember.
 */
export const DemoActions = ({
  demo,
  onReschedule,
  onExport,
}: {
  demo: DemoAppointment;
  onReschedule(): void;
  onExport(): void;
}) => {
  const db = useDatabase();
  const pushToast = useToasts((state) => state.push);
  const [finishing, setFinishing] = useState<Finish | null>(null);
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState('');
  const started = Date.now() >= demo.startsAt;
  const fieldId = `demo-${demo.id}-outcome`;

  const save = async () => {
    if (!finishing) return;
    const result = await finishDemo(db, demo.id, { to: finishing, outcome });
    if (!result.ok) {
      setError(result.errors.map((item) => item.message).join(' '));
      return;
    }
    pushToast(finishes[finishing].done);
    setFinishing(null);
    setOutcome('');
    setError('');
  };

  if (finishing) {
    const copy = finishes[finishing];
    return (
      <form
        className="demo-finish"
        noValidate
        aria-label={copy.confirm}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field id={fieldId} label={copy.label} error={error || undefined}>
          <textarea
            id={fieldId}
            rows={2}
            value={outcome}
            autoFocus
            aria-invalid={error ? true : undefined}
            onChange={(event) => setOutcome(event.target.value)}
          />
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary">
            {copy.confirm}
          </button>
          <button type="button" onClick={() => setFinishing(null)}>
            Back
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="appointment-actions">
      {demo.demoStatus === 'scheduled' ? (
        <>
          <button type="button" onClick={onReschedule}>
            Reschedule
          </button>
          <button type="button" onClick={() => setFinishing('done')}>
            {finishes.done.button}
          </button>
          <button
            type="button"
            disabled={!started}
            title={started ? undefined : 'Possible once the demo was due to start'}
            onClick={() => setFinishing('no_show')}
          >
            {finishes.no_show.button}
          </button>
          <button type="button" onClick={() => setFinishing('cancelled')}>
            {finishes.cancelled.button}
          </button>
        </>
      ) : null}
      <button type="button" className="link-button" onClick={onExport}>
        Export .ics
      </button>
    </div>
  );
};
