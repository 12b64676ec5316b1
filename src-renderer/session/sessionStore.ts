import { createContext, useContext } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Role } from '../../src-shared/domain/vocabulary';

export type SessionUser = { id: string; name: string; email: string; role: Role; teamId: string };

/**
 * Who uses this device and how: signed in to a team's sync server ('team'), or working alone on this device
 * ('device', no account, nothing leaves the laptop). Only non-secret facts are kept here (localStorage); tokens
 * live in the desktop bridge's secure storage. A signed-in user keeps working offline after a restart because
 * this survives it.
 */
export type Session =
  { mode: 'team'; user: SessionUser; serverUrl: string } | { mode: 'device'; user: SessionUser };

type SessionState = {
  session: Session | null;
  /** The server last used to sign in, proposed on the sign-in screen. */
  lastServerUrl: string;
  lastEmail: string;
  signedIn(session: Session): void;
  signedOut(): void;
};

export const deviceUser = (): SessionUser => ({
  id: `device-${Math.random().toString(36).slice(2, 10)}`,
  name: 'Me',
  email: '',
  // Alone on a device the user plays every role: they set up their own events and playbook.
  role: 'manager',
  teamId: 'device-team',
});

export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      session: null,
      lastServerUrl: '',
      lastEmail: '',
      signedIn: (session) =>
        set(
          session.mode === 'team'
            ? { session, lastServerUrl: session.serverUrl, lastEmail: session.user.email }
            : { session },
        ),
      signedOut: () => set({ session: null }),
    }),
    { name: 'fairlead.session', version: 2 },
  ),
);

/**
 * The session of the open workspace. Provided by the workspace for its lifetime, so screens never see the
 * moment between sign-out and unmount.
 */
export const SessionContext = createContext<Session | null>(null);

export const useSession = <T>(select: (state: { user: SessionUser; session: Session }) => T): T => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside the signed-in workspace');
  return select({ user: session.user, session });
};

/** RxDB database name for a session: one local store per person, so two people on one laptop never mix data. */
export const databaseNameFor = (session: Session): string =>
  session.mode === 'device'
    ? 'fairlead'
    : `fairlead-u-${session.user.id.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
