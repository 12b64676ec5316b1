import { useEffect, useState } from 'react';
import type { Activity } from '../../../src-shared/domain/activity';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import type { InsightTagSummary, LossEvent } from '../../../src-shared/rules/insights';
import { disqualificationEvents, insightTagSummary, lostEvents } from '../../../src-shared/rules/insights';
import { useDatabase } from '../../app/DatabaseContext';
import type { FairleadDatabase } from '../../db/database';
import { loadActivitiesOfLeads, loadActivitiesSince, watchCollections } from '../pipeline';

export type InsightsData = {
  lost: LossEvent[];
  disqualified: LossEvent[];
  tags: InsightTagSummary[];
  /** Names of the leads the insight samples are about. */
  leadNames: ReadonlyMap<string, string>;
};

const samplesPerTag = 6;

/**
 * Reads the lost leads (status lead at a lost stage) with their activities, the disqualified records, and the
 * notes logged since `since` by the team (one ['ownerId', 'at'] range per person), and derives the loss events
 * and insight tags from them (rules/insights).
 */
export const loadInsights = async (
  db: FairleadDatabase,
  playbook: Playbook,
  memberIds: readonly string[],
  since: number,
): Promise<InsightsData> => {
  const lostStages = playbook.stages.filter((stage) => stage.outcome === 'lost').map((stage) => stage.id);
  const [lostDocs, disqualifiedDocs] = await Promise.all([
    db.leads
      .find({
        selector: { status: 'lead', stageId: { $in: lostStages } },
        sort: [{ status: 'asc' }, { recency: 'asc' }],
      })
      .exec(),
    db.leads
      .find({ selector: { status: 'disqualified' }, sort: [{ status: 'asc' }, { recency: 'asc' }] })
      .exec(),
  ]);
  const lostLeads = lostDocs.map((doc) => doc.toJSON() as Lead);
  const disqualifiedLeads = disqualifiedDocs.map((doc) => doc.toJSON() as Lead);
  const owners = [
    ...memberIds,
    ...lostLeads.map((lead) => lead.ownerId),
    ...disqualifiedLeads.map((lead) => lead.ownerId),
  ];
  const [activitiesOfLost, recent] = await Promise.all([
    loadActivitiesOfLeads(
      db,
      lostLeads.map((lead) => lead.id),
    ),
    loadActivitiesSince(db, owners, since),
  ]);
  const tagged: Activity[] = recent.filter((activity) => activity.insightTags.length > 0);
  const tags = insightTagSummary(tagged, since, samplesPerTag);
  const sampleLeadIds = [...new Set(tags.flatMap((tag) => tag.samples.map((sample) => sample.leadId)))];
  const sampleLeads = await db.leads.findByIds(sampleLeadIds).exec();
  const leadNames = new Map<string, string>();
  for (const [id, doc] of sampleLeads) leadNames.set(id, `${doc.firstName} ${doc.lastName}`);
  return {
    lost: lostEvents(lostLeads, (id) => activitiesOfLost.get(id) ?? [], playbook),
    disqualified: disqualificationEvents(disqualifiedLeads, playbook),
    tags,
    leadNames,
  };
};

/** The insights, live: re-read after local writes and synced changes (at most every 500 ms). */
export const useInsightsData = (
  playbook: Playbook | null | undefined,
  memberIds: readonly string[],
  since: number,
): InsightsData | undefined => {
  const db = useDatabase();
  const [data, setData] = useState<InsightsData | undefined>(undefined);
  const members = memberIds.join(',');
  useEffect(() => {
    if (!playbook) return undefined;
    let current = true;
    let latest = 0;
    const stop = watchCollections(db, ['leads', 'activities'], () => {
      // Reads can overlap after a burst of changes; only the newest one is shown.
      const read = (latest += 1);
      void loadInsights(db, playbook, members ? members.split(',') : [], since).then((next) => {
        if (current && read === latest) setData(next);
      });
    });
    return () => {
      current = false;
      stop();
    };
  }, [db, playbook, members, since]);
  return data;
};
