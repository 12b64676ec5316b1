import { generateLeads } from '../../../src-shared/demo/generateLeads';
import type { Playbook } from '../../../src-shared/domain/playbook';
import type { FairleadDatabase } from '../../db/database';
import type { SessionUser } from '../../session/sessionStore';

const batchSize = 2000;

/**
 * Fills the local store with generated leads in batches, yielding between batches so the UI stays responsive
 * and can show progress. Returns how many were inserted.
 */
export const generateDemoLeads = async (
  db: FairleadDatabase,
  user: SessionUser,
  playbook: Playbook,
  count: number,
  onProgress: (done: number) => void = () => undefined,
): Promise<number> => {
  const campaigns = await db.campaigns.find().exec();
  const seed = Date.now() % 100_000;
  let done = 0;
  while (done < count) {
    const leads = generateLeads(
      {
        count: Math.min(batchSize, count - done),
        playbook,
        ownerIds: [user.id],
        teamId: user.teamId,
        campaignIds: campaigns.map((campaign) => campaign.id),
        seed,
        now: Date.now(),
      },
      done,
    );
    const result = await db.leads.bulkInsert(leads);
    if (result.error.length > 0)
      throw new Error(`${result.error.length} generated leads could not be stored`);
    done += leads.length;
    onProgress(done);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return done;
};
