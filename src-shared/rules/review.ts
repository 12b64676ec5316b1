import type { Activity } from '../domain/activity';
import type { Lead } from '../domain/lead';
import type { Playbook, SalesStage } from '../domain/playbook';
import { enteredSalesAt } from './followUpQueue';
import { expectedValue, isOpenOpportunity } from './pipeline';
import { stageById, stageChangeTarget } from './salesStages';

/**
 * The manager's pipeline review: the team's pipeline by stage and rep, stalled opportunities, and what changed
 * since the last review. Everything is computed from the local copy, so the review works offline.
 */

const dayMs = 24 * 3_600_000;

/** Days without an activity or stage change after which an open opportunity counts as stalled. */
export const stalledAfterDays = 14;

type MovementLead = Pick<Lead, 'statusHistory' | 'qualifiedAt' | 'createdAt'>;

/**
 * The last time a lead in sales moved: its latest activity (stage changes are activities) or, without one since,
 * the moment it entered sales. A reassignment or a field edit is not movement: a lead handed over and then left
 * untouched is still stalled.
 */
export const lastMovementAt = (lead: MovementLead, activities: readonly Pick<Activity, 'at'>[]): number => {
  let last = enteredSalesAt(lead);
  for (const activity of activities) if (activity.at > last) last = activity.at;
  return last;
};

export type StalledLead<L> = { lead: L; lastMovementAt: number; idleDays: number };

/**
 * Stalled = an open opportunity (status lead at an open stage) with no activity and no stage change for `days`
 * days or more. Longest idle first.
 */
export const findStalledLeads = <L extends MovementLead & Pick<Lead, 'status' | 'stageId'>>(
  leads: readonly L[],
  activitiesOf: (lead: L) => readonly Pick<Activity, 'at'>[],
  playbook: Pick<Playbook, 'stages'>,
  now: number,
  days: number = stalledAfterDays,
): StalledLead<L>[] => {
  const stalled: StalledLead<L>[] = [];
  for (const lead of leads) {
    if (!isOpenOpportunity(lead, playbook.stages)) continue;
    const last = lastMovementAt(lead, activitiesOf(lead));
    if (now - last >= days * dayMs)
      stalled.push({ lead, lastMovementAt: last, idleDays: Math.floor((now - last) / dayMs) });
  }
  return stalled.sort((a, b) => a.lastMovementAt - b.lastMovementAt);
};

export const reviewChangeKinds = [
  'created',
  'qualified',
  'stage_changed',
  'won',
  'lost',
  'reassigned',
] as const;
export type ReviewChangeKind = (typeof reviewChangeKinds)[number];

export type ReviewChange<L> = {
  kind: ReviewChangeKind;
  lead: L;
  at: number;
  /** Who made the change, when known ('' otherwise). */
  byId: string;
  /** The change in words as recorded ("Qualified → Proposal · value 20,000"), or ''. */
  detail: string;
  /** For reassignments: the owner at the last review. */
  fromOwnerId?: string;
};

type ChangeLead = Pick<Lead, 'id' | 'createdAt' | 'updatedAt' | 'ownerId' | 'statusHistory' | 'grade'>;

export type ChangesSinceInput<L extends ChangeLead> = {
  /** The last review (ms); changes strictly after it are reported. */
  since: number;
  leads: readonly L[];
  /** Activities at or after `since` are enough; older ones are ignored. */
  activities: readonly Pick<Activity, 'leadId' | 'kind' | 'outcomeId' | 'at' | 'ownerId' | 'notes'>[];
  playbook: Pick<Playbook, 'stages'>;
  /**
   * Owner of each lead when the review was marked (lead id -> owner id). Leads carry no ownership history, so a
   * reassignment is seen by comparing with this snapshot; null when there was no earlier review.
   */
  ownersAtReview: ReadonlyMap<string, string> | null;
};

/**
 * What changed since the last review, newest first:
 * - created: a record created after it (any status: new inquiries count);
 * - qualified: a status-history entry into sales (status lead) after it;
 * - stage_changed / won / lost: a stage-change activity after it, by the outcome of its target stage;
 * - reassigned: the lead's owner differs from the owner at the last review (at = the lead's last edit).
 * Activities of leads not in `leads` are skipped: a change is only reported with its lead.
 */
export const changesSince = <L extends ChangeLead>(input: ChangesSinceInput<L>): ReviewChange<L>[] => {
  const { since, leads, activities, playbook, ownersAtReview } = input;
  const byId = new Map(leads.map((lead) => [lead.id, lead]));
  const changes: ReviewChange<L>[] = [];
  for (const lead of leads) {
    if (lead.createdAt > since)
      changes.push({ kind: 'created', lead, at: lead.createdAt, byId: '', detail: '' });
    for (const entry of lead.statusHistory) {
      if (entry.at > since && entry.to === 'lead' && entry.from !== 'lead')
        changes.push({ kind: 'qualified', lead, at: entry.at, byId: entry.by, detail: entry.grade });
    }
    const previousOwner = ownersAtReview?.get(lead.id);
    if (previousOwner !== undefined && previousOwner !== lead.ownerId)
      changes.push({
        kind: 'reassigned',
        lead,
        at: lead.updatedAt,
        byId: '',
        detail: '',
        fromOwnerId: previousOwner,
      });
  }
  for (const activity of activities) {
    if (activity.at <= since) continue;
    const target = stageChangeTarget(activity);
    const lead = byId.get(activity.leadId);
    if (target === null || !lead) continue;
    const outcome = stageById(playbook, target)?.outcome ?? 'open';
    const kind: ReviewChangeKind = outcome === 'won' ? 'won' : outcome === 'lost' ? 'lost' : 'stage_changed';
    changes.push({ kind, lead, at: activity.at, byId: activity.ownerId, detail: activity.notes });
  }
  return changes.sort((a, b) => b.at - a.at);
};

/** How many changes of each kind, for the summary line. */
export const countChanges = (changes: readonly Pick<ReviewChange<unknown>, 'kind'>[]) => {
  const counts = Object.fromEntries(reviewChangeKinds.map((kind) => [kind, 0])) as Record<
    ReviewChangeKind,
    number
  >;
  for (const change of changes) counts[change.kind] += 1;
  return counts;
};

export type PipelineCell = { count: number; value: number; expected: number };
export type PipelineStageRow = {
  stage: Pick<SalesStage, 'id' | 'label' | 'probability' | 'outcome'>;
  /** Known to the playbook in force; leads at a stage of another playbook version get a row of their own. */
  known: boolean;
  byRep: ReadonlyMap<string, PipelineCell>;
  total: PipelineCell;
};
export type PipelineMatrix = {
  rows: PipelineStageRow[];
  /** Owner ids, largest open pipeline value first. */
  reps: string[];
  /** Open pipeline per rep (open stages only, as the forecast counts it). */
  openByRep: ReadonlyMap<string, PipelineCell>;
  open: PipelineCell;
};

const emptyCell = (): PipelineCell => ({ count: 0, value: 0, expected: 0 });
const add = (cell: PipelineCell, value: number, expected: number) => {
  cell.count += 1;
  cell.value += value;
  cell.expected += expected;
};

/**
 * The team's pipeline by stage x rep: count, value and expected value (value x stage probability, expectedValue)
 * of the records in sales, one row per playbook stage in playbook order (won and lost included, so the review
 * sees what closed). A lead without a stage is at the first stage, as moveToStage treats it. Totals count open
 * stages only, so they agree with forecastByMonth.
 */
export const pipelineByStageAndRep = (
  leads: readonly Pick<Lead, 'status' | 'stageId' | 'value' | 'ownerId'>[],
  playbook: Pick<Playbook, 'stages'>,
): PipelineMatrix => {
  const rows = new Map<string, PipelineStageRow & { byRep: Map<string, PipelineCell> }>();
  for (const stage of playbook.stages)
    rows.set(stage.id, { stage, known: true, byRep: new Map(), total: emptyCell() });
  const openByRep = new Map<string, PipelineCell>();
  const open = emptyCell();
  for (const lead of leads) {
    if (lead.status !== 'lead') continue;
    const stageId = lead.stageId || (playbook.stages[0]?.id ?? '');
    let row = rows.get(stageId);
    if (!row) {
      row = {
        stage: { id: stageId, label: `Stage “${stageId}” (older playbook)`, probability: 0, outcome: 'open' },
        known: false,
        byRep: new Map(),
        total: emptyCell(),
      };
      rows.set(stageId, row);
    }
    const positioned = { ...lead, stageId };
    const expected = expectedValue(positioned, playbook.stages);
    const cell = row.byRep.get(lead.ownerId) ?? emptyCell();
    add(cell, lead.value, expected);
    row.byRep.set(lead.ownerId, cell);
    add(row.total, lead.value, expected);
    if (isOpenOpportunity(positioned, playbook.stages)) {
      const repOpen = openByRep.get(lead.ownerId) ?? emptyCell();
      add(repOpen, lead.value, expected);
      openByRep.set(lead.ownerId, repOpen);
      add(open, lead.value, expected);
    }
  }
  const owners = new Set<string>();
  for (const row of rows.values()) for (const owner of row.byRep.keys()) owners.add(owner);
  const reps = [...owners].sort(
    (a, b) => (openByRep.get(b)?.value ?? 0) - (openByRep.get(a)?.value ?? 0) || a.localeCompare(b),
  );
  return { rows: [...rows.values()], reps, openByRep, open };
};
