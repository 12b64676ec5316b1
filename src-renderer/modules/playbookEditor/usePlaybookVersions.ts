import { useMemo } from 'react';
import type { Playbook } from '../../../src-shared/domain/playbook';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { useObservable } from '../../ui/useObservable';

/** Every published version of the team's playbook on this device, newest (the one in force) first. */
export const usePlaybookVersions = (): Playbook[] | undefined => {
  const db = useDatabase();
  const teamId = useSession((state) => state.user.teamId);
  const docs = useObservable(
    useMemo(() => db.playbooks.find({ selector: { teamId }, sort: [{ version: 'desc' }] }).$, [db, teamId]),
  );
  return useMemo(() => docs?.map((doc) => doc.toJSON() as Playbook), [docs]);
};

/** Names of the people who published, from the team directory; unknown ids (another team's marketing) stay out. */
export const usePublisherNames = (versions: readonly Playbook[] | undefined): ReadonlyMap<string, string> => {
  const db = useDatabase();
  const key = [...new Set(versions?.map((version) => version.ownerId) ?? [])].sort().join(',');
  const docs = useObservable(
    useMemo(
      () => (db.users && key ? db.users.find({ selector: { id: { $in: key.split(',') } } }).$ : null),
      [db, key],
    ),
  );
  return useMemo(() => new Map(docs?.map((doc) => [doc.id, doc.name]) ?? []), [docs]);
};
