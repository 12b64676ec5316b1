import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Role } from '../../src-shared/domain/vocabulary';

export type SessionUser = { id: string; name: string; role: Role; teamId: string };

/**
 * Who is using this device. Until team sign-in exists the laptop has one local person who owns everything they
 * capture; the id is generated once so records stay attributable when the device later joins a team.
 */
export const localUser = (): SessionUser => ({
  id: `local-${Math.random().toString(36).slice(2, 10)}`,
  name: 'Me',
  role: 'manager',
  teamId: 'local-team',
});

type SessionState = { user: SessionUser };

export const useSession = create<SessionState>()(
  persist(() => ({ user: localUser() }), { name: 'fairlead.session', version: 1 }),
);
