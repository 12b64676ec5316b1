import { useMemo } from 'react';
import { Link } from 'wouter';
import { useObservable } from '../ui/useObservable';
import { useOnlineStatus } from '../ui/useOnlineStatus';
import { useSyncController } from './SyncContext';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * What the user must know about their data at a glance: online or not, how many changes wait for the server,
 * when it last synced, and whether something needs their attention (errors, conflicts, refused changes).
 */
export const SyncIndicator = () => {
  const sync = useSyncController();
  const online = useOnlineStatus();
  const status = useObservable(useMemo(() => sync?.status$ ?? null, [sync]));

  if (!sync) {
    return (
      <div className={`connection ${online ? 'online' : 'offline'}`} role="status" aria-label="Connection">
        <span className="dot" aria-hidden="true" />
        {online ? 'Online' : 'Working offline'}
        <span className="muted"> · this device only, all changes saved here</span>
      </div>
    );
  }
  const offline = !online || status?.state === 'offline';
  const pending = status?.pending ?? 0;
  const attention = (status?.conflictsToReview ?? 0) + (status?.rejected ?? 0);
  const label = offline
    ? 'Working offline'
    : status?.state === 'error'
      ? 'Sync error'
      : status?.state === 'signed_out'
        ? 'Signed out'
        : pending > 0 || status?.state === 'syncing' || status?.state === 'connecting'
          ? 'Syncing…'
          : 'Synced';
  return (
    <div className="sync-status" role="status" aria-label="Sync status">
      <span className={`connection ${offline ? 'offline' : status?.state === 'error' ? 'error' : 'online'}`}>
        <span className="dot" aria-hidden="true" />
        {label}
      </span>
      <span className="muted" data-testid="pending-changes">
        {pending > 0
          ? `${pending.toLocaleString()} ${pending === 1 ? 'change' : 'changes'} pending`
          : 'No pending changes'}
      </span>
      {status?.lastSyncedAt ? (
        <span className="muted">Last synced {time.format(status.lastSyncedAt)}</span>
      ) : null}
      {status?.error && !offline ? (
        <span className="field-error" title={status.error}>
          {status.error}
        </span>
      ) : null}
      {attention > 0 ? (
        <Link href="/sync" className="badge attention">
          {attention} to review
        </Link>
      ) : null}
    </div>
  );
};
