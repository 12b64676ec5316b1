import type { Activity } from '../domain/activity';
import type { Lead } from '../domain/lead';
import type { Playbook } from '../domain/playbook';
import type { InsightTag } from '../domain/vocabulary';
import { insightTags, leadStatusLabels } from '../domain/vocabulary';
import { stageById, stageChangeTarget } from './salesStages';

/**
 * What marketing reads back from sales: why leads were lost or disqualified (by stage, campaign and rep) and the
 * customer insight reps tagged in their notes.
 */

export type LossKind = 'lost' | 'disqualified';

/** One lost or disqualified record, with where, why and whose it was. */
export type LossEvent = {
  kind: LossKind;
  leadId: string;
  reasonId: string;
  reasonLabel: string;
  /** Lost: the sales stage it was lost at. Disqualified: the status it was disqualified from. '' when unknown. */
  stageKey: string;
  stageLabel: string;
  campaignId: string;
  /** The lead's owner: the rep whose result it is. */
  ownerId: string;
  at: number;
};

type LossLead = Pick<
  Lead,
  'id' | 'status' | 'stageId' | 'reasonId' | 'campaignId' | 'ownerId' | 'updatedAt' | 'statusHistory'
>;
type StageActivity = Pick<Activity, 'kind' | 'outcomeId' | 'at'>;

const unknownStage = { key: '', label: 'Unknown stage' };

const lostReasonLabel = (playbook: Pick<Playbook, 'stages'>, stageKey: string, reasonId: string): string => {
  if (reasonId === '') return 'No reason recorded';
  const own = stageById(playbook, stageKey)?.lostReasons.find((reason) => reason.id === reasonId);
  if (own) return own.label;
  // The same reason id is agreed for several stages ("competitor"); any of them names it.
  for (const stage of playbook.stages) {
    const found = stage.lostReasons.find((reason) => reason.id === reasonId);
    if (found) return found.label;
  }
  return reasonId;
};

/**
 * Leads closed as lost. The stage it was lost at is the target of the stage change before the move to lost
 * (stage changes are activities, salesStages), or the first stage when there was none, as moveToStage judges
 * it; unknown when the move to lost is not on this device. The reason is the lead's `reasonId`.
 */
export const lostEvents = (
  leads: readonly LossLead[],
  activitiesOf: (leadId: string) => readonly StageActivity[],
  playbook: Pick<Playbook, 'stages'>,
): LossEvent[] => {
  const events: LossEvent[] = [];
  for (const lead of leads) {
    if (lead.status !== 'lead' || stageById(playbook, lead.stageId)?.outcome !== 'lost') continue;
    const moves = activitiesOf(lead.id)
      .filter((activity) => stageChangeTarget(activity) !== null)
      .sort((a, b) => a.at - b.at);
    let lostIndex = -1;
    for (let i = moves.length - 1; i >= 0; i -= 1) {
      const target = stageChangeTarget(moves[i] as StageActivity) ?? '';
      if (stageById(playbook, target)?.outcome === 'lost') {
        lostIndex = i;
        break;
      }
    }
    let stage = unknownStage;
    if (lostIndex >= 0) {
      const before = lostIndex > 0 ? stageChangeTarget(moves[lostIndex - 1] as StageActivity) : null;
      const leaving = stageById(playbook, before ?? playbook.stages[0]?.id ?? '');
      stage = leaving
        ? { key: leaving.id, label: leaving.label }
        : { key: before ?? '', label: before ?? '' };
    }
    events.push({
      kind: 'lost',
      leadId: lead.id,
      reasonId: lead.reasonId,
      reasonLabel: lostReasonLabel(playbook, stage.key, lead.reasonId),
      stageKey: stage.key,
      stageLabel: stage.label || unknownStage.label,
      campaignId: lead.campaignId,
      ownerId: lead.ownerId,
      at: lostIndex >= 0 ? (moves[lostIndex]?.at ?? lead.updatedAt) : lead.updatedAt,
    });
  }
  return events;
};

/**
 * Records currently disqualified, from their latest status-history entry into disqualified: the status it came
 * from and the reason agreed in the playbook (the lead's own reasonId when the entry has none).
 */
export const disqualificationEvents = (
  leads: readonly LossLead[],
  playbook: Pick<Playbook, 'disqualifyReasons'>,
): LossEvent[] => {
  const events: LossEvent[] = [];
  for (const lead of leads) {
    if (lead.status !== 'disqualified') continue;
    const entry = [...lead.statusHistory].reverse().find((change) => change.to === 'disqualified');
    const reasonId = entry?.reasonId || lead.reasonId;
    const reason = playbook.disqualifyReasons.find((candidate) => candidate.id === reasonId);
    events.push({
      kind: 'disqualified',
      leadId: lead.id,
      reasonId,
      reasonLabel: reason?.label ?? (reasonId || 'No reason recorded'),
      stageKey: entry?.from ?? '',
      stageLabel: entry ? leadStatusLabels[entry.from] : unknownStage.label,
      campaignId: lead.campaignId,
      ownerId: lead.ownerId,
      at: entry?.at ?? lead.updatedAt,
    });
  }
  return events;
};

export type LossDimension = 'stage' | 'campaign' | 'rep';

export type ReasonCount = { reasonId: string; label: string; count: number };
export type ReasonRow = { key: string; count: number; byReason: Readonly<Record<string, number>> };
export type ReasonBreakdown = {
  /** Every reason seen, most frequent first. */
  reasons: ReasonCount[];
  /** One row per stage, campaign or rep, most losses first. */
  rows: ReasonRow[];
  total: number;
};

const dimensionKey = (event: LossEvent, dimension: LossDimension): string =>
  dimension === 'stage' ? event.stageKey : dimension === 'campaign' ? event.campaignId : event.ownerId;

/** Counts reasons per stage, campaign or rep; events before `since` (ms) are left out. */
export const reasonBreakdown = (
  events: readonly LossEvent[],
  dimension: LossDimension,
  since = 0,
): ReasonBreakdown => {
  const reasons = new Map<string, ReasonCount>();
  const rows = new Map<string, { key: string; count: number; byReason: Record<string, number> }>();
  let total = 0;
  for (const event of events) {
    if (event.at < since) continue;
    total += 1;
    const reason = reasons.get(event.reasonId) ?? {
      reasonId: event.reasonId,
      label: event.reasonLabel,
      count: 0,
    };
    reason.count += 1;
    reasons.set(event.reasonId, reason);
    const key = dimensionKey(event, dimension);
    const row = rows.get(key) ?? { key, count: 0, byReason: {} };
    row.count += 1;
    row.byReason[event.reasonId] = (row.byReason[event.reasonId] ?? 0) + 1;
    rows.set(key, row);
  }
  return {
    reasons: [...reasons.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    rows: [...rows.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    total,
  };
};

export type InsightSample = Pick<Activity, 'id' | 'leadId' | 'at' | 'notes' | 'ownerId'>;
export type InsightTagSummary = { tag: InsightTag; count: number; samples: InsightSample[] };

/**
 * Customer insight from tagged notes: per tag, how many activities carry it since `since`, with the newest notes
 * as samples (an activity with two tags counts for both).
 */
export const insightTagSummary = (
  activities: readonly Pick<Activity, 'id' | 'leadId' | 'at' | 'notes' | 'ownerId' | 'insightTags'>[],
  since = 0,
  samplesPerTag = 5,
): InsightTagSummary[] => {
  const byTag = new Map<InsightTag, InsightSample[]>(insightTags.map((tag) => [tag, []]));
  for (const activity of activities) {
    if (activity.at < since) continue;
    for (const tag of new Set(activity.insightTags)) byTag.get(tag)?.push(activity);
  }
  return insightTags.map((tag) => {
    const tagged = (byTag.get(tag) ?? []).sort((a, b) => b.at - a.at);
    return {
      tag,
      count: tagged.length,
      samples: tagged.slice(0, samplesPerTag).map(({ id, leadId, at, notes, ownerId }) => ({
        id,
        leadId,
        at,
        notes,
        ownerId,
      })),
    };
  });
};
