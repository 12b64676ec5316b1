import { z } from 'zod';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Workspace } from './app/Workspace';
import { getDesktop } from './bridge/desktop';
import { SignInScreen } from './session/SignInScreen';
import { useSessionStore } from './session/sessionStore';
import './styles.css';

// zod probes for `new Function` to speed up parsing; the strict CSP forbids it, so opt out instead of logging a
// CSP violation on every start.
z.config({ jitless: true });

const Root = () => {
  const session = useSessionStore((state) => state.session);
  if (!session) return <SignInScreen />;
  // A new session (another user, or signing in after working alone) gets a fresh workspace and store.
  return <Workspace key={`${session.mode}:${session.user.id}`} session={session} />;
};

// The desktop menu's developer command opens the screen that generates demo data.
getDesktop().onMenuCommand((command) => {
  if (command === 'generate-demo-leads') window.location.hash = '#/settings';
});

// The web build caches its own files so a reload works without a network; the Electron shell loads from disk.
if (getDesktop().platform === 'web' && 'serviceWorker' in navigator && import.meta.env.PROD) {
  void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
