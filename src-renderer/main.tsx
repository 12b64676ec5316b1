import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { App } from './app/App';
import { DatabaseContext } from './app/DatabaseContext';
import { openDatabase } from './db/database';
import { getDesktop } from './bridge/desktop';
import { ensurePlaybook } from './modules/playbook';
import { generateDemoLeads } from './modules/dev';
import { useSession } from './session/sessionStore';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

const start = async () => {
  const user = useSession.getState().user;
  const db = await openDatabase({ name: 'fairlead', storage: getRxStorageDexie() });
  await ensurePlaybook(db, user);
  // A hook for benchmarks and support: fill the store without clicking through Settings.
  (window as unknown as { fairlead?: unknown }).fairlead = {
    generateLeads: async (count: number) => {
      const playbook = await db.playbooks
        .findOne({ selector: { teamId: user.teamId }, sort: [{ version: 'desc' }] })
        .exec();
      if (!playbook) throw new Error('No playbook on this device');
      return generateDemoLeads(db, user, playbook.toJSON() as never, count);
    },
  };
  // The desktop menu's developer command opens the screen that generates demo data.
  getDesktop().onMenuCommand((command) => {
    if (command === 'generate-demo-leads') window.location.hash = '#/settings';
  });
  root.render(
    <StrictMode>
      <DatabaseContext.Provider value={db}>
        <App />
      </DatabaseContext.Provider>
    </StrictMode>,
  );
};

// The web build caches its own files so a reload works without a network; the Electron shell loads from disk.
if (getDesktop().platform === 'web' && 'serviceWorker' in navigator && import.meta.env.PROD) {
  void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
}

start().catch((error: unknown) => {
  root.render(
    <div className="fatal" role="alert">
      <h1>Fairlead could not open its local data</h1>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      <p>
        Nothing has been deleted. Close other Fairlead windows and restart; if this persists, contact support.
      </p>
    </div>,
  );
});
