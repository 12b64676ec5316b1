import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
};

/** Whether the OS reports a network connection. Nothing in the app depends on it; it only informs the user. */
export const useOnlineStatus = (): boolean => useSyncExternalStore(subscribe, () => navigator.onLine);
