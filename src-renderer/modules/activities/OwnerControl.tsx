import { useState } from 'react';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { useToasts } from '../../ui/toasts';
import { personLabel } from './dates';
import { reassignLead } from './leadWork';
import { useTeamMembers } from '../campaigns/useTeamMembers';

/**
 * Who owns the lead. Managers reassign it to a member of their team (the server refuses anyone else); the new
 * owner's device receives it through sync and it lands in their queue with a fresh deadline. Reps see the owner.
 */
export const OwnerControl = ({ lead, playbook }: { lead: Lead; playbook: Playbook }) => {
  const db = useDatabase();
  const me = useSession((state) => state.user);
  const pushToast = useToasts((state) => state.push);
  const users = useTeamMembers();
  const [chosen, setChosen] = useState(lead.ownerId);
  const owner = users.find((user) => user.id === lead.ownerId);
  const ownerName =
    lead.ownerId === me.id ? personLabel(me.name, true) : (owner?.name ?? 'Someone outside your team');
  const candidates = users.filter(
    (user) => user.id === lead.ownerId || (user.active && (user.role === 'rep' || user.role === 'manager')),
  );
  const canReassign = me.role === 'manager' && candidates.length > 1;

  if (!canReassign) {
    return (
      <section className="card owner-card" aria-labelledby="owner-title">
        <h2 id="owner-title">Owner</h2>
        <p data-testid="lead-owner">{ownerName}</p>
      </section>
    );
  }
  const reassign = async () => {
    const name = users.find((user) => user.id === chosen)?.name ?? chosen;
    if (await reassignLead(db, playbook, lead.id, chosen)) pushToast(`Reassigned to ${name}`);
  };
  return (
    <section className="card owner-card" aria-labelledby="owner-title">
      <h2 id="owner-title">Owner</h2>
      <div className="inline-form">
        <label htmlFor="lead-owner-select">Owned by</label>
        <select id="lead-owner-select" value={chosen} onChange={(event) => setChosen(event.target.value)}>
          {candidates.map((user) => (
            <option key={user.id} value={user.id}>
              {personLabel(user.name, user.id === me.id)}
            </option>
          ))}
        </select>
        <button type="button" disabled={chosen === lead.ownerId} onClick={() => void reassign()}>
          Reassign
        </button>
      </div>
    </section>
  );
};
