import { useMemo } from 'react';
import type { Lead } from '../../../src-shared/domain/lead';
import { useDatabase } from '../../app/DatabaseContext';
import { useObservable } from '../../ui/useObservable';

/** One lead, live: undefined while loading, null when it is not on this device. */
export const useLead = (id: string): Lead | null | undefined => {
  const db = useDatabase();
  const source = useMemo(() => db.leads.findOne(id).$, [db, id]);
  const doc = useObservable(source);
  return useMemo(() => (doc === undefined ? undefined : doc ? (doc.toJSON() as Lead) : null), [doc]);
};
