import { useMemo } from 'react';
import type { Playbook } from '../../../src-shared/domain/playbook';
import { newId } from '../../../src-shared/domain/ids';
import { createDefaultPlaybook } from '../../../src-shared/playbook/defaultPlaybook';
import { useDatabase } from '../../app/DatabaseContext';
import type { FairleadDatabase } from '../../db/database';
import { useSession } from '../../session/sessionStore';
import { useObservable } from '../../ui/useObservable';

/**
 * The playbook in force for the user's team: its newest published version. Leads remember the version that judged
 * them, so publishing a new one never rewrites history.
 */
export const usePlaybook = (): Playbook | null | undefined => {
  const db = useDatabase();
  const teamId = useSession((state) => state.user.teamId);
  const source = useMemo(
    () => db.playbooks.findOne({ selector: { teamId }, sort: [{ version: 'desc' }] }).$,
    [db, teamId],
  );
  const doc = useObservable(source);
  // One object per stored revision: screens put the playbook in effect and memo dependencies.
  return useMemo(() => (doc === undefined ? undefined : doc ? (doc.toJSON() as Playbook) : null), [doc]);
};

/** A team with no playbook yet (first launch, before any sync) starts from the default lead definition. */
export const ensurePlaybook = async (
  db: FairleadDatabase,
  user: { id: string; teamId: string },
): Promise<void> => {
  const existing = await db.playbooks.findOne({ selector: { teamId: user.teamId } }).exec();
  if (existing) return;
  await db.playbooks.insert(
    createDefaultPlaybook({ id: newId(), teamId: user.teamId, ownerId: user.id, now: Date.now() }),
  );
};
