import { useEffect, useMemo, useState } from 'react';
import type { Activity } from '../../../src-shared/domain/activity';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import type { FollowUpQueue } from '../../../src-shared/rules/followUpQueue';
import { buildFollowUpQueue, firstFollowUpAt } from '../../../src-shared/rules/followUpQueue';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { useObservable } from '../../ui/useObservable';

export type QueueLead = Lead & { lastActivity: Activity | null };

const minuteMs = 60_000;

/** The clock, re-read every minute so "due in 5 min" becomes "overdue" without a reload. */
export const useMinuteClock = (): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), minuteMs);
    return () => clearInterval(timer);
  }, []);
  return now;
};

/**
 * The signed-in user's follow-up queue, live. Two index reads: the leads they own in sales or nurture
 * (['ownerId', 'status', 'updatedAt']) and their own activities (['ownerId', 'at']). A rep's queue is bounded by
 * what they own, so the classification runs in memory; their own activities are exactly the ones that meet a
 * deadline (firstFollowUpAt counts the owner's contacts only) and give each row its last activity.
 */
export const useFollowUpQueue = (
  playbook: Playbook | null | undefined,
  now: number,
): FollowUpQueue<QueueLead> | undefined => {
  const db = useDatabase();
  const userId = useSession((state) => state.user.id);
  const leadsSource = useMemo(
    () =>
      db.leads.find({
        selector: { ownerId: userId, status: { $in: ['lead', 'nurture'] } },
        sort: [{ ownerId: 'asc' }, { status: 'asc' }, { updatedAt: 'asc' }],
      }).$,
    [db, userId],
  );
  const activitiesSource = useMemo(
    () => db.activities.find({ selector: { ownerId: userId }, sort: [{ ownerId: 'asc' }, { at: 'asc' }] }).$,
    [db, userId],
  );
  const leadDocs = useObservable(leadsSource);
  const activityDocs = useObservable(activitiesSource);

  const activitiesByLead = useMemo(() => {
    const byLead = new Map<string, Activity[]>();
    for (const doc of activityDocs ?? []) {
      const activity = doc.toJSON() as Activity;
      const list = byLead.get(activity.leadId);
      if (list) list.push(activity);
      else byLead.set(activity.leadId, [activity]);
    }
    return byLead;
  }, [activityDocs]);

  const leads = useMemo(
    () =>
      leadDocs?.map((doc): QueueLead => {
        const activities = activitiesByLead.get(doc.id);
        return { ...(doc.toJSON() as Lead), lastActivity: activities?.[activities.length - 1] ?? null };
      }),
    [leadDocs, activitiesByLead],
  );

  return useMemo(() => {
    if (!leads || !activityDocs || !playbook) return undefined;
    const offset = -new Date(now).getTimezoneOffset();
    return buildFollowUpQueue(
      leads,
      (lead) => firstFollowUpAt(lead, activitiesByLead.get(lead.id) ?? []),
      playbook,
      now,
      offset,
    );
  }, [leads, activityDocs, activitiesByLead, playbook, now]);
};
