import type { DemoAppointment } from '../domain/appointment';
import { demoAppointmentSchema } from '../domain/appointment';
import type { DemoStatus } from '../domain/vocabulary';

/**
 * Demo appointments. A demo is booked as `scheduled` and ends in exactly one of:
 * - `done`: it took place; the outcome (what was shown, how they reacted, the next step) is required, because
 *   it is what marketing and the pipeline review read back;
 * - `cancelled`: it will not take place (an optional reason is kept as the outcome);
 * - `no_show`: the lead did not come; only possible once the demo was due to start.
 * While scheduled it can be rescheduled to a new start in the future. Every demo needs a place or a link.
 * Finished demos are records and do not change again: book a new demo instead.
 */
export const allowedDemoChanges: Record<DemoStatus, readonly DemoStatus[]> = {
  scheduled: ['done', 'cancelled', 'no_show'],
  done: [],
  cancelled: [],
  no_show: [],
};

export const demoStatusLabels: Record<DemoStatus, string> = {
  scheduled: 'Scheduled',
  done: 'Done',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

/** What the rep fills in to book or move a demo. */
export type DemoDraft = {
  startsAt: number;
  durationMinutes: number;
  location: string;
  link: string;
  notes: string;
};

export type DemoField = keyof DemoDraft | 'outcome' | 'demoStatus';
export type DemoError = { field: DemoField; message: string };
export type DemoResult<T> = ({ ok: true } & T) | { ok: false; errors: DemoError[] };

const minutes = (value: number) =>
  value % 60 === 0 ? `${value / 60} hour${value === 60 ? '' : 's'}` : `${value} minutes`;

/** Field-addressed problems of a draft (empty when it can be saved). The start must be in the future. */
export const validateDemoDraft = (draft: DemoDraft, now: number): DemoError[] => {
  const errors: DemoError[] = [];
  if (!Number.isFinite(draft.startsAt) || draft.startsAt <= 0) {
    errors.push({ field: 'startsAt', message: 'Choose the date and time of the demo.' });
  } else if (draft.startsAt <= now) {
    errors.push({ field: 'startsAt', message: 'The demo must start in the future.' });
  }
  if (
    !Number.isInteger(draft.durationMinutes) ||
    draft.durationMinutes < 5 ||
    draft.durationMinutes > 24 * 60
  ) {
    errors.push({
      field: 'durationMinutes',
      message: `The duration must be between 5 minutes and ${minutes(24 * 60)}.`,
    });
  }
  const location = draft.location.trim();
  const link = draft.link.trim();
  if (location === '' && link === '') {
    errors.push({ field: 'location', message: 'Give a place or a meeting link (or both).' });
  }
  const shape = demoAppointmentSchema.shape;
  for (const field of ['location', 'link', 'notes'] as const) {
    const parsed = shape[field].safeParse(field === 'link' ? link : draft[field]);
    if (!parsed.success) errors.push({ field, message: parsed.error.issues[0]?.message ?? 'Not valid.' });
  }
  return errors;
};

const draftFields = (draft: DemoDraft) => ({
  startsAt: draft.startsAt,
  durationMinutes: draft.durationMinutes,
  location: draft.location.trim(),
  link: draft.link.trim(),
  notes: draft.notes.trim(),
});

export type NewDemoContext = { id: string; leadId: string; ownerId: string; teamId: string; now: number };

/** Books a demo: a complete `scheduled` appointment, or the reasons it cannot be booked. */
export const scheduleDemo = (
  draft: DemoDraft,
  context: NewDemoContext,
): DemoResult<{ demo: DemoAppointment }> => {
  const errors = validateDemoDraft(draft, context.now);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    demo: {
      id: context.id,
      createdAt: context.now,
      updatedAt: context.now,
      ownerId: context.ownerId,
      teamId: context.teamId,
      leadId: context.leadId,
      kind: 'demo',
      ...draftFields(draft),
      demoStatus: 'scheduled',
      outcome: '',
    },
  };
};

const notScheduled = (demo: Pick<DemoAppointment, 'demoStatus'>, action: string): DemoError => ({
  field: 'demoStatus',
  message: `Only a scheduled demo can be ${action}; this one is ${demoStatusLabels[demo.demoStatus].toLowerCase()}.`,
});

/** Moves a scheduled demo (new time, place, link or notes); the new start must be in the future. */
export const rescheduleDemo = (
  demo: Pick<DemoAppointment, 'demoStatus'>,
  draft: DemoDraft,
  now: number,
): DemoResult<{ patch: Partial<DemoAppointment> }> => {
  if (demo.demoStatus !== 'scheduled') return { ok: false, errors: [notScheduled(demo, 'rescheduled')] };
  const errors = validateDemoDraft(draft, now);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, patch: { ...draftFields(draft), updatedAt: now } };
};

export type DemoStatusRequest = {
  to: Exclude<DemoStatus, 'scheduled'>;
  /** Required for done; for cancelled the reason, for no-show what happens next (both optional). */
  outcome?: string;
};

const actionWords: Record<DemoStatusRequest['to'], string> = {
  done: 'marked done',
  cancelled: 'cancelled',
  no_show: 'marked as a no-show',
};

/** Finishes a scheduled demo as done, cancelled or no-show (see the rules above). */
export const changeDemoStatus = (
  demo: Pick<DemoAppointment, 'demoStatus' | 'startsAt'>,
  request: DemoStatusRequest,
  now: number,
): DemoResult<{ patch: Partial<DemoAppointment> }> => {
  if (!allowedDemoChanges[demo.demoStatus].includes(request.to)) {
    return { ok: false, errors: [notScheduled(demo, actionWords[request.to])] };
  }
  const errors: DemoError[] = [];
  const outcome = (request.outcome ?? '').trim();
  if (request.to === 'done' && outcome === '') {
    errors.push({ field: 'outcome', message: 'Say how the demo went: the outcome is required.' });
  }
  if (request.to === 'no_show' && now < demo.startsAt) {
    errors.push({
      field: 'demoStatus',
      message: 'A no-show can be recorded only once the demo was due to start.',
    });
  }
  const parsed = demoAppointmentSchema.shape.outcome.safeParse(outcome);
  if (!parsed.success)
    errors.push({ field: 'outcome', message: parsed.error.issues[0]?.message ?? 'Not valid.' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, patch: { demoStatus: request.to, outcome, updatedAt: now } };
};
