import { useEffect, useMemo, useState } from 'react';
import type { Playbook } from '../../../src-shared/domain/playbook';
import { buildFollowUpQueue, describeDue, firstFollowUpAt } from '../../../src-shared/rules/followUpQueue';
import { forecastByMonth } from '../../../src-shared/rules/pipeline';
import {
  changesSince,
  findStalledLeads,
  pipelineByStageAndRep,
  stalledAfterDays,
} from '../../../src-shared/rules/review';
import { stageById } from '../../../src-shared/rules/salesStages';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { EmptyState } from '../../ui/EmptyState';
import { useToasts } from '../../ui/toasts';
import { usePlaybook } from '../playbook';
import { ChangesList } from './ChangesList';
import { ForecastChart } from './ForecastChart';
import { momentFormat, money } from './formats';
import { LeadPicks } from './LeadPicks';
import type { PickRow } from './LeadPicks';
import { PipelineTable } from './PipelineTable';
import { reassignLeads } from './reassignLeads';
import { ReassignBar } from './ReassignBar';
import type { ReviewMark } from './reviewStore';
import { useReviewStore } from './reviewStore';
import { useTeamMembers } from '../campaigns';
import { nameOf } from './teamMembers';
import type { PipelineData } from './usePipelineData';
import { usePipelineData } from './usePipelineData';

const dayMs = 24 * 3_600_000;
/** Without an earlier review on this device, "what changed" covers the last week. */
const firstReviewWindowDays = 7;

const useMinuteClock = (): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
};

const stageLabel = (playbook: Playbook, stageId: string) =>
  stageById(playbook, stageId)?.label ?? (stageId || (playbook.stages[0]?.label ?? ''));

const useReview = (
  playbook: Playbook,
  data: PipelineData,
  since: number,
  now: number,
  mark: ReviewMark | undefined,
) =>
  useMemo(() => {
    const { salesLeads, activitiesByLead } = data;
    const activitiesOf = (id: string) => activitiesByLead.get(id) ?? [];
    return {
      matrix: pipelineByStageAndRep(salesLeads, playbook),
      forecast: forecastByMonth(salesLeads, playbook.stages),
      stalled: findStalledLeads(salesLeads, (lead) => activitiesOf(lead.id), playbook, now),
      overdue: buildFollowUpQueue(
        salesLeads,
        (lead) => firstFollowUpAt(lead, activitiesOf(lead.id)),
        playbook,
        now,
        -new Date(now).getTimezoneOffset(),
      ).overdue,
      changes: changesSince({
        since,
        leads: data.changedLeads,
        activities: data.recentActivities,
        playbook,
        ownersAtReview: mark ? new Map(Object.entries(mark.owners)) : null,
      }),
    };
  }, [playbook, data, since, now, mark]);

/**
 * The manager's pipeline review, computed from the local copy (works offline): pipeline by stage and rep, the
 * forecast by close month, what changed since the last review, stalled opportunities and overdue follow-ups.
 * Managers pick leads from the lists and reassign them; reps see their own pipeline, read-only.
 */
export const PipelineReviewScreen = () => {
  const playbook = usePlaybook();
  const me = useSession((state) => state.user);
  const members = useTeamMembers();
  const mark = useReviewStore((state) => state.marks[me.id]);
  const markReviewed = useReviewStore((state) => state.markReviewed);
  const now = useMinuteClock();
  const [openedAt] = useState(() => Date.now());
  const since = mark?.reviewedAt ?? openedAt - firstReviewWindowDays * dayMs;
  const data = usePipelineData(playbook, {
    since,
    ownerId: me.role === 'rep' ? me.id : null,
    memberIds: members.map((member) => member.id),
  });

  if (playbook === undefined || (playbook && !data)) return <p className="loading">Loading the pipeline…</p>;
  if (playbook === null || !data)
    return <EmptyState title="No playbook yet">The lead definition has not reached this device.</EmptyState>;
  return <Review playbook={playbook} data={data} since={since} now={now} mark={mark} onMark={markReviewed} />;
};

const Review = ({
  playbook,
  data,
  since,
  now,
  mark,
  onMark,
}: {
  playbook: Playbook;
  data: PipelineData;
  since: number;
  now: number;
  mark: ReviewMark | undefined;
  onMark: ReturnType<typeof useReviewStore.getState>['markReviewed'];
}) => {
  const db = useDatabase();
  const me = useSession((state) => state.user);
  const members = useTeamMembers();
  const pushToast = useToasts((state) => state.push);
  const review = useReview(playbook, data, since, now, mark);
  const hasMark = mark !== undefined;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const manager = me.role === 'manager';
  const repName = (id: string) => nameOf(members, id, me.id);

  const toggle = (ids: readonly string[], on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const reassign = async (ownerId: string) => {
    setBusy(true);
    try {
      const result = await reassignLeads(db, playbook, [...selected], ownerId);
      const parts = [`Reassigned ${result.reassigned} to ${repName(ownerId)}`];
      if (result.unchanged > 0) parts.push(`${result.unchanged} already theirs`);
      if (result.missing > 0) parts.push(`${result.missing} no longer on this device`);
      pushToast(parts.join(' · '));
      setSelected(new Set());
    } catch (error) {
      pushToast(`Could not reassign: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  const markNow = () => {
    onMark(me.id, {
      reviewedAt: Date.now(),
      owners: Object.fromEntries(data.salesLeads.map((lead) => [lead.id, lead.ownerId])),
    });
    pushToast('Review marked: changes from now on will show next time');
  };

  const stalledRows: PickRow[] = review.stalled.map(({ lead, idleDays }) => ({
    lead,
    cells: [
      repName(lead.ownerId),
      stageLabel(playbook, lead.stageId),
      money(lead.value),
      <strong className="idle" key="idle">
        {idleDays} days
      </strong>,
    ],
  }));
  const overdueRows: PickRow[] = review.overdue.map(({ lead, next }) => ({
    lead,
    cells: [
      repName(lead.ownerId),
      lead.status === 'nurture' ? 'Nurture' : stageLabel(playbook, lead.stageId),
      <strong className="due-text" key="due">
        {next ? describeDue(next, now, -new Date(now).getTimezoneOffset()) : ''}
      </strong>,
    ],
  }));
  const { open } = review.matrix;

  return (
    <section className="screen pipeline-screen" aria-labelledby="pipeline-title">
      <header className="screen-header">
        <div>
          <h1 id="pipeline-title">Pipeline review</h1>
          <p className="muted" data-testid="pipeline-summary">
            Open pipeline: {open.count} {open.count === 1 ? 'opportunity' : 'opportunities'} · value{' '}
            {money(open.value)} · expected {money(open.expected)}
          </p>
        </div>
        <div className="review-mark">
          <span className="muted">
            {hasMark ? `Last reviewed ${momentFormat.format(since)}` : 'Not reviewed on this device yet'}
          </span>
          <button type="button" className="primary" onClick={markNow}>
            Mark reviewed now
          </button>
        </div>
      </header>
      {me.role === 'rep' ? (
        <p className="notice">Your own pipeline. Your manager reviews the team&apos;s and reassigns leads.</p>
      ) : !manager ? (
        <p className="notice">Read-only: managers reassign leads.</p>
      ) : null}
      <div className="pipeline-top">
        <PipelineTable matrix={review.matrix} repName={repName} />
        <ForecastChart forecast={review.forecast} />
      </div>
      <ChangesList
        changes={review.changes}
        repName={repName}
        heading={
          hasMark
            ? `Since the last review (${momentFormat.format(since)})`
            : `In the last ${firstReviewWindowDays} days (no review marked yet)`
        }
      />
      <div className="pipeline-lists">
        <LeadPicks
          id="stalled-title"
          tone="stalled"
          title="Stalled leads"
          hint={`Open opportunities with no activity and no stage change for ${stalledAfterDays} days or more.`}
          empty="Every open opportunity moved recently."
          columns={['Owner', 'Stage', 'Value', 'Idle for']}
          rows={stalledRows}
          selectable={manager}
          selected={selected}
          onToggle={toggle}
        />
        <LeadPicks
          id="overdue-title"
          tone="overdue"
          title="Overdue follow-ups"
          hint="Missed follow-up deadlines, planned follow-ups and nurture revisits that are past due."
          empty="No follow-up is overdue."
          columns={['Owner', 'Stage', 'Due']}
          rows={overdueRows}
          selectable={manager}
          selected={selected}
          onToggle={toggle}
        />
      </div>
      {manager && selected.size > 0 ? (
        <ReassignBar
          count={selected.size}
          members={members}
          meId={me.id}
          busy={busy}
          onReassign={(ownerId) => void reassign(ownerId)}
          onClear={() => setSelected(new Set())}
        />
      ) : null}
    </section>
  );
};
