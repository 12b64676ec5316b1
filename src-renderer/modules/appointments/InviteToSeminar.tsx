import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Lead } from '../../../src-shared/domain/lead';
import { useDatabase } from '../../app/DatabaseContext';
import { Field } from '../../ui/Field';
import { useToasts } from '../../ui/toasts';
import { dateTimeFormat, inviteToSeminar, useSeatings, useSeminarsFrom } from '../seminars';

/**
 * Picks an upcoming seminar for the lead. When the seminar is full in this device's data the invite is refused
 * with the reason and the waitlist is offered instead (src-shared/rules/seminars.ts).
 */
export const InviteToSeminar = ({
  lead,
  onClose,
}: {
  lead: Pick<Lead, 'id' | 'ownerId' | 'teamId' | 'firstName' | 'lastName'>;
  onClose(): void;
}) => {
  const db = useDatabase();
  const pushToast = useToasts((state) => state.push);
  const [since] = useState(() => Date.now());
  const seatings = useSeatings(useSeminarsFrom(since));
  const [seminarId, setSeminarId] = useState('');
  const [notes, setNotes] = useState('');
  const [refusal, setRefusal] = useState<{ message: string; full: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const alreadyOn = (id: string) =>
    seatings?.find((item) => item.seminar.id === id)?.invites.some((invite) => invite.leadId === lead.id) ??
    false;
  const chosen =
    seatings?.find((item) => item.seminar.id === seminarId) ??
    seatings?.find((item) => !alreadyOn(item.seminar.id)) ??
    seatings?.[0];

  const invite = async (joinWaitlist: boolean) => {
    if (!chosen) return;
    setSaving(true);
    try {
      const result = await inviteToSeminar(db, chosen.seminar, lead, { joinWaitlist, notes: notes.trim() });
      if (!result.ok) {
        setRefusal({ message: result.errors.map((error) => error.message).join(' '), full: result.full });
        return;
      }
      pushToast(
        result.placement === 'seat'
          ? `${lead.firstName} ${lead.lastName} invited to ${chosen.seminar.title}`
          : `${lead.firstName} ${lead.lastName} is on the waitlist of ${chosen.seminar.title}`,
      );
      onClose();
    } catch (cause) {
      pushToast(`Could not invite: ${cause instanceof Error ? cause.message : String(cause)}`, 'error');
    } finally {
      setSaving(false);
    }
  };

  if (seatings === undefined) return <p className="muted">Loading seminars…</p>;
  if (seatings.length === 0) {
    return (
      <div className="invite-form">
        <p className="muted">
          No upcoming seminars on this device yet. Seminars are planned by your manager or marketing.
        </p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }
  return (
    <form
      className="invite-form"
      noValidate
      aria-label="Invite to seminar"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void invite(false);
      }}
    >
      <Field id="invite-seminar" label="Seminar">
        <select
          id="invite-seminar"
          value={chosen?.seminar.id ?? ''}
          onChange={(event) => {
            setSeminarId(event.target.value);
            setRefusal(null);
          }}
        >
          {seatings.map(({ seminar, seating }) => (
            <option key={seminar.id} value={seminar.id} disabled={alreadyOn(seminar.id)}>
              {seminar.title} · {dateTimeFormat.format(seminar.startsAt)} ·{' '}
              {alreadyOn(seminar.id)
                ? 'already invited'
                : seating.free > 0
                  ? `${seating.free} of ${seating.capacity} seats free`
                  : 'full, waitlist only'}
            </option>
          ))}
        </select>
      </Field>
      <Field id="invite-notes" label="Notes (optional)">
        <input
          id="invite-notes"
          type="text"
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
        />
      </Field>
      {refusal ? (
        <div className="warning invite-refusal" role="alert">
          <p>{refusal.message}</p>
          {refusal.full ? (
            <button type="button" className="primary" disabled={saving} onClick={() => void invite(true)}>
              Add to waitlist
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="primary"
          disabled={saving || !chosen || alreadyOn(chosen.seminar.id)}
        >
          Invite
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
};
