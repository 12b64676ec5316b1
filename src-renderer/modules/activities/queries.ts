import { useMemo } from 'react';
import type { Activity } from '../../../src-shared/domain/activity';
import type { Appointment } from '../../../src-shared/domain/appointment';
import { useDatabase } from '../../app/DatabaseContext';
import { useObservable } from '../../ui/useObservable';

/** A lead's activities, oldest first: one range of the ['leadId', 'at'] index. */
export const useLeadActivities = (leadId: string): Activity[] | undefined => {
  const db = useDatabase();
  const source = useMemo(
    () => db.activities.find({ selector: { leadId }, sort: [{ leadId: 'asc' }, { at: 'asc' }] }).$,
    [db, leadId],
  );
  const docs = useObservable(source);
  return useMemo(() => docs?.map((doc) => doc.toJSON() as Activity), [docs]);
};

/** A lead's seminar invites and demos by start: one range of the ['leadId', 'startsAt'] index. */
export const useLeadAppointments = (leadId: string): Appointment[] | undefined => {
  const db = useDatabase();
  const source = useMemo(
    () => db.appointments.find({ selector: { leadId }, sort: [{ leadId: 'asc' }, { startsAt: 'asc' }] }).$,
    [db, leadId],
  );
  const docs = useObservable(source);
  return useMemo(() => docs?.map((doc) => doc.toJSON() as Appointment), [docs]);
};
