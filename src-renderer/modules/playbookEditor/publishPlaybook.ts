import type { Playbook } from '../../../src-shared/domain/playbook';
import type { DraftProblem, PlaybookContent } from '../../../src-shared/playbook/playbookDraft';
import { nextVersion, validatePlaybookDraft } from '../../../src-shared/playbook/playbookDraft';
import type { FairleadDatabase } from '../../db/database';

export type PublishResult =
  | { ok: true; playbook: Playbook }
  /** Someone published a newer version (it reached this device) since the draft was started. */
  | { ok: false; reason: 'outdated'; newest: Playbook }
  | { ok: false; reason: 'invalid'; problems: DraftProblem[] };

/** The version in force for a team on this device: its newest published version. */
export const newestPlaybook = async (db: FairleadDatabase, teamId: string): Promise<Playbook | null> => {
  const doc = await db.playbooks.findOne({ selector: { teamId }, sort: [{ version: 'desc' }] }).exec();
  return doc ? (doc.toJSON() as Playbook) : null;
};

/**
 * Publishes a draft as the next version of `base`: a new document that replication takes to every device of the
 * team. The old version is never edited, so records keep the version that judged them. Refused when `base` is no
 * longer the newest version here, so one manager's publication never silently replaces another's.
 */
export const publishPlaybook = async (
  db: FairleadDatabase,
  publisher: { id: string },
  base: Playbook,
  draft: PlaybookContent,
  now: number = Date.now(),
): Promise<PublishResult> => {
  const validation = validatePlaybookDraft(draft);
  if (!validation.ok) return { ok: false, reason: 'invalid', problems: validation.problems };
  const newest = await newestPlaybook(db, base.teamId);
  if (newest && (newest.version > base.version || (newest.version === base.version && newest.id !== base.id)))
    return { ok: false, reason: 'outdated', newest };
  const playbook = nextVersion(base, validation.content, publisher, now);
  await db.playbooks.insert(playbook);
  return { ok: true, playbook };
};
