import { useEffect, useState } from 'react';
import type { SecureStorageStatus } from '../../../src-shared/bridge/desktopApi';
import { useDatabase } from '../../app/DatabaseContext';
import { getDesktop } from '../../bridge/desktop';
import { useSession, useSessionStore } from '../../session/sessionStore';
import { createTokenStore } from '../../session/tokenStore';
import { signOut } from '../../sync/authClient';
import { useSyncController } from '../../app/SyncContext';
import { useToasts } from '../../ui/toasts';
import { usePlaybook } from '../playbook';
import { generateDemoLeads } from './generateDemoLeads';

/** About this device, and developer tools to try the app at realistic volumes. */
export const SettingsScreen = () => {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const session = useSession((state) => state.session);
  const signedOut = useSessionStore((state) => state.signedOut);
  const sync = useSyncController();
  const playbook = usePlaybook();
  const pushToast = useToasts((state) => state.push);
  const [version, setVersion] = useState('');
  const [storage, setStorage] = useState<SecureStorageStatus | null>(null);
  const [count, setCount] = useState('50000');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  useEffect(() => {
    const desktop = getDesktop();
    void desktop.appVersion().then(setVersion);
    void desktop.secureStorage.status().then(setStorage);
  }, []);

  /**
   * Stops syncing, revokes the refresh token on the server when reachable and forgets it on this device. The local
   * data stays, so signing in again (even offline later) finds it.
   */
  const leave = async () => {
    await sync?.stop();
    if (session.mode === 'team') {
      const tokens = createTokenStore(getDesktop(), session.serverUrl);
      const refreshToken = await tokens.refreshToken();
      if (refreshToken) await signOut(session.serverUrl, refreshToken).catch(() => undefined);
      await tokens.clear();
    }
    signedOut();
  };

  const generate = async () => {
    const total = Number(count);
    if (!Number.isInteger(total) || total < 1 || total > 200_000) {
      pushToast('Enter a whole number between 1 and 200,000', 'error');
      return;
    }
    if (!playbook) return;
    setProgress({ done: 0, total });
    try {
      const inserted = await generateDemoLeads(db, user, playbook, total, (done) =>
        setProgress({ done, total }),
      );
      pushToast(`Generated ${inserted.toLocaleString()} leads`);
    } catch (error) {
      pushToast(`Generation stopped: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="screen settings-screen" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">Settings</h1>
      </header>
      <div className="card">
        <h2>This device</h2>
        <dl className="score-list">
          <dt>Version</dt>
          <dd>{version}</dd>
          <dt>Signed in as</dt>
          <dd>
            {user.name} ({user.role})
          </dd>
          <dt>Data</dt>
          <dd>{session.mode === 'team' ? `Synced with ${session.serverUrl}` : 'Kept on this device only'}</dd>
          <dt>Secret storage</dt>
          <dd>
            {storage
              ? storage.available
                ? `Available (${storage.backend})`
                : `Not available: ${storage.reason}`
              : '…'}
          </dd>
        </dl>
        {session.mode === 'team' && storage && !storage.available ? (
          <p className="warning">
            This device cannot keep your sign-in safely, so you will be asked to sign in again after
            restarting to sync. Your data stays available offline.
          </p>
        ) : null}
        <button type="button" onClick={() => void leave()}>
          {session.mode === 'team' ? 'Sign out' : 'Sign in to a team'}
        </button>
      </div>
      <div className="card">
        <h2>Developer tools</h2>
        <p className="muted">
          Fill this device with generated leads to try the app with a realistic amount of data.
        </p>
        <div className="inline-form">
          <label htmlFor="generate-count">Number of leads</label>
          <input
            id="generate-count"
            type="number"
            min={1}
            max={200000}
            value={count}
            onChange={(event) => setCount(event.target.value)}
          />
          <button
            type="button"
            className="primary"
            disabled={progress !== null || !playbook}
            onClick={() => void generate()}
          >
            Generate demo leads
          </button>
        </div>
        {progress ? (
          <div
            className="progress"
            role="progressbar"
            aria-label="Generating leads"
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
          >
            <span className="progress-fill" style={{ width: `${(100 * progress.done) / progress.total}%` }} />
            <span className="progress-label">
              {progress.done.toLocaleString()} of {progress.total.toLocaleString()}
            </span>
          </div>
        ) : null}
      </div>
    </section>
  );
};
