import type { Observable } from 'rxjs';
import type { Activity } from '../../../src-shared/domain/activity';
import type { FairleadDatabase } from '../../db/database';

/** Lead ids per query: sorted batches read contiguous, non-overlapping ranges of the ['leadId', 'at'] index. */
const leadBatch = 200;

/**
 * The activities of many leads, oldest first per lead. RxDB reads an `$in` as the index range between its
 * smallest and largest value, so the ids are sorted and batched: together the batches read each range once.
 */
export const loadActivitiesOfLeads = async (
  db: FairleadDatabase,
  leadIds: readonly string[],
): Promise<Map<string, Activity[]>> => {
  const ids = [...new Set(leadIds)].sort();
  const byLead = new Map<string, Activity[]>();
  for (let i = 0; i < ids.length; i += leadBatch) {
    const docs = await db.activities
      .find({
        selector: { leadId: { $in: ids.slice(i, i + leadBatch) } },
        sort: [{ leadId: 'asc' }, { at: 'asc' }],
      })
      .exec();
    for (const doc of docs) {
      const activity = doc.toJSON() as Activity;
      const list = byLead.get(activity.leadId);
      if (list) list.push(activity);
      else byLead.set(activity.leadId, [activity]);
    }
  }
  return byLead;
};

/** Activities these people logged at or after `since`: one range of the ['ownerId', 'at'] index each. */
export const loadActivitiesSince = async (
  db: FairleadDatabase,
  ownerIds: readonly string[],
  since: number,
): Promise<Activity[]> => {
  const results = await Promise.all(
    [...new Set(ownerIds)].map((ownerId) =>
      db.activities
        .find({ selector: { ownerId, at: { $gte: since } }, sort: [{ ownerId: 'asc' }, { at: 'asc' }] })
        .exec(),
    ),
  );
  return results.flat().map((doc) => doc.toJSON() as Activity);
};

/**
 * Runs `load` now and again after changes to the watched collections, at most every 500 ms: imports and sync
 * batches arrive in bursts. Returns the function that stops watching.
 */
export const watchCollections = (
  db: FairleadDatabase,
  collections: readonly ('leads' | 'activities' | 'campaigns' | 'users')[],
  load: () => void,
): (() => void) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      load();
    }, 500);
  };
  const sources: Observable<unknown>[] = collections.map((name) => db[name].$ as Observable<unknown>);
  const subscriptions = sources.map((source) => source.subscribe(schedule));
  load();
  return () => {
    subscriptions.forEach((subscription) => subscription.unsubscribe());
    if (timer) clearTimeout(timer);
  };
};
