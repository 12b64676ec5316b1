import { createContext, useContext } from 'react';
import type { FairleadDatabase } from '../db/database';

export const DatabaseContext = createContext<FairleadDatabase | null>(null);

export const useDatabase = (): FairleadDatabase => {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase must be used inside <DatabaseContext.Provider>');
  return db;
};
