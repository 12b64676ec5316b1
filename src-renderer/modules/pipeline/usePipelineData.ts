import { useEffect, useState } from 'react';
import type { Activity } from '../../../src-shared/domain/activity';
import type { Lead } from '../../../src-shared/domain/lead';
import { maxRecency } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import { isClosedStage } from '../../../src-shared/rules/salesStages';
import { useDatabase } from '../../app/DatabaseContext';
import type { FairleadDatabase } from '../../db/database';
import { loadActivitiesOfLeads, loadActivitiesSince, watchCollections } from './activityQueries';

export type PipelineData = {
  /** Records in sales (status lead, open and closed) and in nurture. */
  salesLeads: Lead[];
  /** Records created after the last review, whatever their status, and the sales leads: every lead a change names. */
  changedLeads: Lead[];
  /** Activities of the open records (stalled and overdue need their whole history since entering sales). */
  activitiesByLead: ReadonlyMap<string, Activity[]>;
  /** Activities since the last review, by anyone on the team. */
  recentActivities: Activity[];
};

export type PipelineScope = {
  /** The last review (ms). */
  since: number;
  /** Only this owner's records (a rep's own pipeline); null for the whole team. */
  ownerId: string | null;
  /** Everyone whose activities count: the team, from the user directory. */
  memberIds: readonly string[];
};

const toLeads = (docs: { toJSON(): unknown }[]) => docs.map((doc) => doc.toJSON() as Lead);

/**
 * Reads what the review needs from the local copy, by index: sales and nurture records (['status', 'recency'],
 * or ['ownerId', 'status', 'updatedAt'] for one rep), records created since the review ('recency' is
 * maxRecency - createdAt, so "created after" is one range), the open records' activities and the activities
 * since the review.
 */
export const loadPipelineData = async (
  db: FairleadDatabase,
  playbook: Pick<Playbook, 'stages'>,
  scope: PipelineScope,
): Promise<PipelineData> => {
  const { since, ownerId } = scope;
  const salesDocs = await (
    ownerId
      ? db.leads.find({
          selector: { ownerId, status: { $in: ['lead', 'nurture'] } },
          sort: [{ ownerId: 'asc' }, { status: 'asc' }, { updatedAt: 'asc' }],
        })
      : db.leads.find({
          selector: { status: { $in: ['lead', 'nurture'] } },
          sort: [{ status: 'asc' }, { recency: 'asc' }],
        })
  ).exec();
  const salesLeads = toLeads(salesDocs);
  const createdDocs = await db.leads
    .find({ selector: { recency: { $lt: maxRecency - since } }, sort: [{ recency: 'asc' }] })
    .exec();
  const created = toLeads(createdDocs).filter((lead) => !ownerId || lead.ownerId === ownerId);
  const changedLeads = [...new Map([...salesLeads, ...created].map((lead) => [lead.id, lead])).values()];
  const open = salesLeads.filter(
    (lead) => lead.status === 'nurture' || !isClosedStage(playbook, lead.stageId),
  );
  const owners = ownerId ? [ownerId] : [...scope.memberIds, ...changedLeads.map((lead) => lead.ownerId)];
  const [activitiesByLead, recentActivities] = await Promise.all([
    loadActivitiesOfLeads(
      db,
      open.map((lead) => lead.id),
    ),
    loadActivitiesSince(db, owners, since + 1),
  ]);
  return { salesLeads, changedLeads, activitiesByLead, recentActivities };
};

/** The review's data, live: re-read after local writes and synced changes (at most every 500 ms). */
export const usePipelineData = (
  playbook: Playbook | null | undefined,
  scope: PipelineScope,
): PipelineData | undefined => {
  const db = useDatabase();
  const [data, setData] = useState<PipelineData | undefined>(undefined);
  const { since, ownerId } = scope;
  const members = scope.memberIds.join(',');
  useEffect(() => {
    if (!playbook) return undefined;
    let current = true;
    let running = false;
    let again = false;
    const load = () => {
      // One read at a time; a change during a read asks for one more afterwards.
      if (running) {
        again = true;
        return;
      }
      running = true;
      void loadPipelineData(db, playbook, { since, ownerId, memberIds: members ? members.split(',') : [] })
        .then((next) => {
          if (current) setData(next);
        })
        .finally(() => {
          running = false;
          if (again && current) {
            again = false;
            load();
          }
        });
    };
    const stop = watchCollections(db, ['leads', 'activities'], load);
    return () => {
      current = false;
      stop();
    };
  }, [db, playbook, since, ownerId, members]);
  return data;
};
