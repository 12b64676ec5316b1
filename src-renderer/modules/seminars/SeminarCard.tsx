import { useState } from 'react';
import type { SeminarInvite } from '../../../src-shared/domain/appointment';
import type { Lead } from '../../../src-shared/domain/lead';
import { inviteeStatuses } from '../../../src-shared/domain/vocabulary';
import type { InviteeStatus } from '../../../src-shared/domain/vocabulary';
import type { Placement } from '../../../src-shared/rules/seminars';
import {
  canWithdrawInvite,
  compareSeatClaims,
  inviteeStatusLabels,
} from '../../../src-shared/rules/seminars';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { useToasts } from '../../ui/toasts';
import { dateTimeFormat, timeFormat } from './dateInputs';
import { setInviteeStatus, withdrawInvite } from './seminarRepository';
import type { SeminarWithSeats } from './useSeminars';
import { useUsersById } from './useSeminars';

export const PlacementBadge = ({ placement }: { placement: Placement | undefined }) => {
  if (!placement || placement.kind === 'none') return <span className="badge badge-muted">No seat</span>;
  return placement.kind === 'seat' ? (
    <span className="badge placement-seat">Seat</span>
  ) : (
    <span className="badge placement-waitlist">Waitlist #{placement.position}</span>
  );
};

/** Seats taken against capacity, as a bar and in words. */
export const SeatMeter = ({ item }: { item: SeminarWithSeats }) => {
  const { seating } = item;
  const taken = seating.seated.length;
  return (
    <div className="seat-meter" data-testid="seat-meter">
      <span className="seat-meter-bar" aria-hidden="true">
        <span
          className="seat-meter-fill"
          style={{ width: `${Math.min(100, (taken / seating.capacity) * 100)}%` }}
        />
      </span>
      <span>
        <strong>
          {taken} of {seating.capacity}
        </strong>{' '}
        seats taken
        {seating.waitlist.length > 0 ? ` · ${seating.waitlist.length} on the waitlist` : ''}
        {seating.free === 0 ? <span className="badge placement-waitlist full-badge">Full</span> : null}
      </span>
    </div>
  );
};

export const SeminarCard = ({
  item,
  leads,
  onEdit,
}: {
  item: SeminarWithSeats;
  leads: Map<string, Lead> | undefined;
  onEdit: (() => void) | null;
}) => {
  const { seminar, invites, seating } = item;
  const [open, setOpen] = useState(false);
  const end = seminar.startsAt + seminar.durationMinutes * 60_000;
  const listId = `invitees-${seminar.id}`;
  return (
    <article className="card seminar-card" aria-labelledby={`title-${seminar.id}`}>
      <div className="seminar-card-head">
        <div>
          <h3 id={`title-${seminar.id}`}>{seminar.title}</h3>
          <p className="muted">
            {dateTimeFormat.format(seminar.startsAt)}–{timeFormat.format(end)} · {seminar.venue}
          </p>
          {seminar.description ? <p className="seminar-description">{seminar.description}</p> : null}
        </div>
        <div className="seminar-card-actions">
          {onEdit ? (
            <button type="button" onClick={onEdit} aria-label={`Edit ${seminar.title}`}>
              Edit
            </button>
          ) : null}
          <button type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
            {open ? 'Hide invitees' : `Invitees (${invites.length})`}
          </button>
        </div>
      </div>
      <SeatMeter item={item} />
      {open ? (
        <div id={listId}>
          {invites.length === 0 ? (
            <p className="muted">Nobody invited yet. Invite leads from their lead page.</p>
          ) : (
            <InviteeTable invites={invites} leads={leads} seminar={item} placements={seating.placements} />
          )}
        </div>
      ) : null}
    </article>
  );
};

const InviteeTable = ({
  invites,
  leads,
  seminar,
  placements,
}: {
  invites: SeminarInvite[];
  leads: Map<string, Lead> | undefined;
  seminar: SeminarWithSeats;
  placements: Record<string, Placement>;
}) => {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const users = useUsersById();
  const pushToast = useToasts((state) => state.push);
  const ordered = [...invites].sort(compareSeatClaims);
  const mayWrite = (invite: SeminarInvite) =>
    user.role === 'manager' || (user.role === 'rep' && invite.ownerId === user.id);

  const setStatus = async (invite: SeminarInvite, to: InviteeStatus) => {
    const refusal = await setInviteeStatus(db, invite.id, to, seminar.seminar);
    if (refusal) pushToast(refusal, 'error');
  };
  const withdraw = async (invite: SeminarInvite) => {
    const refusal = await withdrawInvite(db, invite.id, seminar.seminar);
    pushToast(
      refusal ?? 'Invite withdrawn; the seat goes to the next in line',
      refusal ? 'error' : 'success',
    );
  };

  return (
    <table className="invitees" aria-label={`Invitees of ${seminar.seminar.title}`}>
      <thead>
        <tr>
          <th>Lead</th>
          <th>Status</th>
          <th>Seat</th>
          <th>Invited</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {ordered.map((invite) => {
          const lead = leads?.get(invite.leadId);
          const owner = users.get(invite.ownerId);
          return (
            <tr key={invite.id}>
              <td>
                {lead ? (
                  <a href={`#/leads/${lead.id}`}>
                    {lead.firstName} {lead.lastName}
                  </a>
                ) : (
                  <span className="muted">Lead of {owner?.name ?? 'another rep'}</span>
                )}
              </td>
              <td>
                {mayWrite(invite) ? (
                  <select
                    aria-label="Invitee status"
                    value={invite.inviteeStatus}
                    onChange={(event) => void setStatus(invite, event.target.value as InviteeStatus)}
                  >
                    {inviteeStatuses.map((status) => (
                      <option key={status} value={status}>
                        {inviteeStatusLabels[status]}
                      </option>
                    ))}
                  </select>
                ) : (
                  inviteeStatusLabels[invite.inviteeStatus]
                )}
              </td>
              <td>
                <PlacementBadge placement={placements[invite.id]} />
              </td>
              <td className="muted">
                {dateTimeFormat.format(invite.createdAt)}
                {owner && owner.id !== user.id ? ` by ${owner.name}` : ''}
              </td>
              <td>
                {mayWrite(invite) && canWithdrawInvite(seminar.seminar, Date.now()) ? (
                  <button type="button" className="link-button" onClick={() => void withdraw(invite)}>
                    Withdraw
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};
