import { useState } from 'react';
import type { TeamMember } from '../campaigns';

/** Appears while leads are picked: hand them to one member of the team. */
export const ReassignBar = ({
  count,
  members,
  meId,
  busy,
  onReassign,
  onClear,
}: {
  count: number;
  members: readonly TeamMember[];
  meId: string;
  busy: boolean;
  onReassign(ownerId: string): void;
  onClear(): void;
}) => {
  const candidates = members.filter(
    (member) => member.active && (member.role === 'rep' || member.role === 'manager'),
  );
  const [ownerId, setOwnerId] = useState('');
  const chosen = candidates.some((member) => member.id === ownerId) ? ownerId : '';
  return (
    <div className="reassign-bar" role="region" aria-label="Reassign selected leads">
      <strong>{count === 1 ? '1 lead selected' : `${count} leads selected`}</strong>
      <label htmlFor="reassign-to">Reassign to</label>
      <select id="reassign-to" value={chosen} onChange={(event) => setOwnerId(event.target.value)}>
        <option value="">Choose a team member…</option>
        {candidates.map((member) => (
          <option key={member.id} value={member.id}>
            {member.id === meId && member.name !== 'Me' ? `${member.name} (me)` : member.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="primary"
        disabled={busy || chosen === ''}
        onClick={() => onReassign(chosen)}
      >
        Reassign
      </button>
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
      {candidates.length < 2 ? (
        <span className="hint">Team members appear here once your team has synced to this device.</span>
      ) : null}
    </div>
  );
};
