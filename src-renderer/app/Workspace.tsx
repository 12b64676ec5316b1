import { useEffect, useState } from 'react';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { FairleadDatabase } from '../db/database';
import { openDatabase } from '../db/database';
import { getDesktop } from '../bridge/desktop';
import { ensurePlaybook } from '../modules/playbook';
import { exposeDeveloperHooks } from '../modules/dev';
import { leadCatalogFor } from '../modules/leads/leadCatalog';
import type { Session } from '../session/sessionStore';
import { databaseNameFor, SessionContext, useSessionStore } from '../session/sessionStore';
import { createTokenStore } from '../session/tokenStore';
import type { SyncController } from '../sync/replication';
import { startSync } from '../sync/replication';
import { App } from './App';
import { DatabaseContext } from './DatabaseContext';
import { SyncContext } from './SyncContext';

/** How long after the store opens the lead catalog starts reading (ms). */
const catalogStartDelayMs = 3000;

type Opened = { db: FairleadDatabase; sync: SyncController | null };

/**
 * Everything of one signed-in person: their local store (one per user) and, for a team session, its replication.
 * The store opens without a network; replication starts in the background and retries until it can reach the
 * server, so a rep who signed in once works offline from then on.
 */
export const Workspace = ({ session }: { session: Session }) => {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const signedOut = useSessionStore((state) => state.signedOut);

  useEffect(() => {
    let cancelled = false;
    let current: Opened | null = null;
    void (async () => {
      const db = await openDatabase({
        name: databaseNameFor(session),
        storage: getRxStorageDexie(),
        trackPending: session.mode === 'team',
      });
      if (session.mode === 'device') await ensurePlaybook(db, session.user);
      const sync =
        session.mode === 'team'
          ? startSync(db, {
              serverUrl: session.serverUrl,
              tokens: createTokenStore(getDesktop(), session.serverUrl),
              onSignedOut: () => signedOut(),
            })
          : null;
      current = { db, sync };
      if (cancelled) return;
      exposeDeveloperHooks(db, session, sync);
      setOpened(current);
      // Build the in-memory lead catalog in the background a moment after start, so lists, search and counts are
      // instant by the time someone opens them, while the first screen's own reads (a campaign's figures, say) do
      // not compete with it for the store. Opening the lead list starts it at once.
      setTimeout(() => {
        if (!cancelled) leadCatalogFor(db.leads);
      }, catalogStartDelayMs);
    })().catch((error: unknown) => {
      if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
    });
    return () => {
      cancelled = true;
      const toClose = current;
      if (toClose) void toClose.sync?.stop().finally(() => toClose.db.close());
    };
  }, [session, signedOut]);

  if (failure) {
    return (
      <div className="fatal" role="alert">
        <h1>Fairlead could not open its local data</h1>
        <p>{failure}</p>
        <p>
          Nothing has been deleted. Close other Fairlead windows and restart; if this persists, contact
          support.
        </p>
      </div>
    );
  }
  if (!opened) return <p className="loading">Opening your data…</p>;
  return (
    <SessionContext.Provider value={session}>
      <DatabaseContext.Provider value={opened.db}>
        <SyncContext.Provider value={opened.sync}>
          <App />
        </SyncContext.Provider>
      </DatabaseContext.Provider>
    </SessionContext.Provider>
  );
};
