import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../session/sessionStore';
import type { SeminarWithSeats } from './useSeminars';

/**
 * Tells a rep when one of their invites went from a seat to the waitlist: that happens when another rep, offline at
 * the same time, took the last seat earlier (see rules/seminars). The last placement this device showed for each of
 * the user's invites is kept in localStorage, so the notice also appears after a restart, until dismissed.
 */
type Placements = Record<string, 'seat' | 'waitlist'>;
export type SeatNotice = { inviteId: string; leadId: string; seminarTitle: string; position: number };
type Stored = { placements: Placements; notices: SeatNotice[] };

const storageKey = (userId: string) => `fairlead.seatPlacements.${userId}`;

const read = (userId: string): Stored => {
  try {
    const raw = window.localStorage.getItem(storageKey(userId));
    if (raw) return JSON.parse(raw) as Stored;
  } catch {
    // A damaged entry only costs a notice; start again.
  }
  return { placements: {}, notices: [] };
};

const write = (userId: string, stored: Stored) => {
  try {
    window.localStorage.setItem(storageKey(userId), JSON.stringify(stored));
  } catch {
    // Storage full or disabled: notices then last for this session only.
  }
};

/** Compares what the user saw last with what the invites say now; returns the notices still to acknowledge. */
export const useSeatNotices = (
  seminars: readonly SeminarWithSeats[] | undefined,
): { notices: SeatNotice[]; dismiss(inviteId: string): void } => {
  const userId = useSession((state) => state.user.id);
  const [notices, setNotices] = useState<SeatNotice[]>(() => read(userId).notices);

  useEffect(() => {
    if (!seminars) return;
    const stored = read(userId);
    const fresh: SeatNotice[] = [];
    for (const { seminar, invites, seating } of seminars) {
      for (const invite of invites) {
        if (invite.ownerId !== userId) continue;
        const placement = seating.placements[invite.id];
        if (!placement || placement.kind === 'none') continue;
        const before = stored.placements[invite.id];
        if (before === 'seat' && placement.kind === 'waitlist') {
          fresh.push({
            inviteId: invite.id,
            leadId: invite.leadId,
            seminarTitle: seminar.title,
            position: placement.position,
          });
        }
        stored.placements[invite.id] = placement.kind;
      }
    }
    const kept = stored.notices.filter((notice) => !fresh.some((item) => item.inviteId === notice.inviteId));
    const next = { placements: stored.placements, notices: [...kept, ...fresh] };
    write(userId, next);
    setNotices(next.notices);
  }, [seminars, userId]);

  const dismiss = useCallback(
    (inviteId: string) => {
      const stored = read(userId);
      const next = { ...stored, notices: stored.notices.filter((notice) => notice.inviteId !== inviteId) };
      write(userId, next);
      setNotices(next.notices);
    },
    [userId],
  );
  return { notices, dismiss };
};

export const SeatNotices = ({
  notices,
  dismiss,
  leadName,
}: {
  notices: SeatNotice[];
  dismiss(inviteId: string): void;
  leadName(leadId: string): string;
}) =>
  notices.length === 0 ? null : (
    <div className="seat-notices" role="alert">
      {notices.map((notice) => (
        <p key={notice.inviteId} className="warning seat-notice">
          <span>
            <strong>{leadName(notice.leadId)}</strong> moved to the waitlist (#{notice.position}) of “
            {notice.seminarTitle}”: another invite for the last seat was made earlier while you were offline.
            They move up when a seat frees.
          </span>
          <button type="button" className="link-button" onClick={() => dismiss(notice.inviteId)}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
