import { createContext, useContext } from 'react';
import type { SyncController } from '../sync/replication';

/** The running replication of a team session; null when working on this device only. */
export const SyncContext = createContext<SyncController | null>(null);

export const useSyncController = (): SyncController | null => useContext(SyncContext);
