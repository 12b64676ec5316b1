import type { Activity } from '../../../src-shared/domain/activity';
import type { Appointment } from '../../../src-shared/domain/appointment';
import type { Lead, StatusChange } from '../../../src-shared/domain/lead';
import { stageChangeTarget } from '../../../src-shared/rules/salesStages';

export type TimelineEntry = { key: string; at: number } & (
  | { type: 'activity'; activity: Activity }
  | { type: 'stage'; activity: Activity; stageId: string }
  | { type: 'status'; change: StatusChange }
  | { type: 'appointment'; appointment: Appointment }
  | { type: 'captured' }
);

/**
 * Everything that happened to a lead, newest first: activities, stage changes (activities marked `stage:`, see
 * salesStages), status changes from the lead's history, appointments at their start (so a planned demo is at
 * the top) and the capture itself at the bottom.
 */
export const timelineEntries = (
  lead: Pick<Lead, 'id' | 'createdAt' | 'statusHistory'>,
  activities: readonly Activity[],
  appointments: readonly Appointment[],
): TimelineEntry[] => {
  const entries: TimelineEntry[] = [
    { key: `captured-${lead.id}`, at: lead.createdAt, type: 'captured' },
    ...lead.statusHistory.map((change, index): TimelineEntry => ({
      key: `status-${index}`,
      at: change.at,
      type: 'status',
      change,
    })),
    ...activities.map((activity): TimelineEntry => {
      const stageId = stageChangeTarget(activity);
      return stageId === null
        ? { key: activity.id, at: activity.at, type: 'activity', activity }
        : { key: activity.id, at: activity.at, type: 'stage', activity, stageId };
    }),
    ...appointments.map((appointment): TimelineEntry => ({
      key: appointment.id,
      at: appointment.startsAt,
      type: 'appointment',
      appointment,
    })),
  ];
  // Stable for equal times: a status change and the stage set with it keep the order they were written in.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.at - a.entry.at || b.index - a.index)
    .map(({ entry }) => entry);
};
