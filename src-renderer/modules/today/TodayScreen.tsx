import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Activity } from '../../../src-shared/domain/activity';
import type { Playbook } from '../../../src-shared/domain/playbook';
import type { FollowUpKind, QueueEntry } from '../../../src-shared/rules/followUpQueue';
import { describeDue, nextInQueue } from '../../../src-shared/rules/followUpQueue';
import { stageChangeTarget } from '../../../src-shared/rules/salesStages';
import { EmptyState } from '../../ui/EmptyState';
import { GradeBadge, StatusBadge } from '../../ui/Badges';
import { activityKindLabels, utcOffsetAt } from '../activities';
import { usePlaybook } from '../playbook';
import type { QueueLead } from './useFollowUpQueue';
import { useFollowUpQueue, useMinuteClock } from './useFollowUpQueue';

type Tone = 'overdue' | 'today' | 'upcoming' | 'unplanned';

const kindLabels: Record<FollowUpKind, string> = {
  deadline: 'Follow-up deadline',
  planned: 'Planned follow-up',
  revisit: 'Nurture revisit',
};

const pageSize = 50;
const dateHeading = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const timeOfDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

const ago = (at: number, now: number): string => {
  const minutes = Math.max(0, Math.round((now - at) / 60_000));
  if (minutes < 60) return minutes <= 1 ? 'just now' : `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
};

const activityText = (activity: Activity, playbook: Playbook): string => {
  if (stageChangeTarget(activity) !== null) return `Stage: ${activity.notes}`;
  const outcome = playbook.callOutcomes.find((candidate) => candidate.id === activity.outcomeId)?.label;
  return [activityKindLabels[activity.kind], outcome].filter(Boolean).join(' · ');
};

const leadHref = (id: string) => `/leads/${id}?from=today`;

const QueueRow = ({
  entry,
  playbook,
  now,
  tone,
}: {
  entry: QueueEntry<QueueLead>;
  playbook: Playbook;
  now: number;
  tone: Tone;
}) => {
  const { lead, next } = entry;
  const offset = utcOffsetAt(now);
  return (
    <li className={`queue-row queue-${tone}`}>
      <Link className="queue-row-link" href={leadHref(lead.id)}>
        <span className="queue-name">
          {lead.firstName} {lead.lastName}
          <span className="muted">{lead.company || 'No company'}</span>
        </span>
        <span className="queue-badges">
          <GradeBadge grade={lead.grade} />
          {lead.status === 'nurture' ? <StatusBadge status={lead.status} /> : null}
        </span>
        <span className="queue-due">
          {next ? (
            <>
              <strong className="due-text">{describeDue(next, now, offset)}</strong>
              <span className="muted">
                {kindLabels[next.kind]}
                {next.kind === 'deadline' ? ` · by ${timeOfDay.format(next.dueAt)}` : ''}
              </span>
            </>
          ) : (
            <span className="muted">Nothing planned</span>
          )}
        </span>
        <span className="queue-last">
          {lead.lastActivity ? (
            <>
              <span>{activityText(lead.lastActivity, playbook)}</span>
              <span className="muted">{ago(lead.lastActivity.at, now)}</span>
            </>
          ) : (
            <span className="muted">No activity yet</span>
          )}
        </span>
      </Link>
    </li>
  );
};

const QueueSection = ({
  title,
  tone,
  entries,
  playbook,
  now,
}: {
  title: string;
  tone: Tone;
  entries: QueueEntry<QueueLead>[];
  playbook: Playbook;
  now: number;
}) => {
  const [showAll, setShowAll] = useState(false);
  if (entries.length === 0) return null;
  const shown = showAll ? entries : entries.slice(0, pageSize);
  const id = `queue-${tone}`;
  return (
    <section className={`card queue-section section-${tone}`} aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="queue-count">{entries.length}</span>
      </h2>
      <ol className="queue-list" aria-label={title}>
        {shown.map((entry) => (
          <QueueRow key={entry.lead.id} entry={entry} playbook={playbook} now={now} tone={tone} />
        ))}
      </ol>
      {shown.length < entries.length ? (
        <button type="button" className="link-button show-all" onClick={() => setShowAll(true)}>
          Show all {entries.length}
        </button>
      ) : null}
    </section>
  );
};

/** Text fields keep their letters; a focused link or button keeps its own Enter. */
const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLTextAreaElement ||
  target instanceof HTMLSelectElement;
const ownsEnter = (target: EventTarget | null): boolean =>
  target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;

/**
 * The rep's day: every lead they own with its next follow-up, overdue first (deadlines from the campaign or the
 * playbook, planned follow-ups, nurture revisits; rules/followUpQueue). `n` or Enter opens the most urgent one.
 */
export const TodayScreen = () => {
  const playbook = usePlaybook();
  const now = useMinuteClock();
  const queue = useFollowUpQueue(playbook, now);
  const [, navigate] = useLocation();
  const next = queue ? nextInQueue(queue) : null;

  useEffect(() => {
    if (!next) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTextField(event.target)) return;
      if (event.key === 'n' || (event.key === 'Enter' && !ownsEnter(event.target))) {
        event.preventDefault();
        navigate(leadHref(next.lead.id));
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [next, navigate]);

  if (playbook === undefined || (playbook && !queue)) return <p className="loading">Loading your queue…</p>;
  if (playbook === null || !queue)
    return <EmptyState title="No playbook yet">The lead definition has not reached this device.</EmptyState>;

  const due = queue.overdue.length + queue.dueToday.length + queue.upcoming.length;
  const summary = [
    queue.overdue.length > 0 ? `${queue.overdue.length} overdue` : '',
    `${queue.dueToday.length} due today`,
    `${queue.upcoming.length} upcoming`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <section className="screen today-screen" aria-labelledby="today-title">
      <header className="screen-header">
        <div>
          <h1 id="today-title">Today</h1>
          <p className="muted" data-testid="queue-summary">
            {dateHeading.format(now)} · {summary}
          </p>
        </div>
        {next ? (
          <div className="next-up">
            <Link className="button primary" href={leadHref(next.lead.id)}>
              Open next: {next.lead.firstName} {next.lead.lastName}
            </Link>
            <p className="hint">
              <kbd>n</kbd> or <kbd>Enter</kbd>
            </p>
          </div>
        ) : null}
      </header>
      {queue.overdue.length > 0 ? (
        <p className="overdue-banner" role="alert">
          {queue.overdue.length === 1
            ? '1 follow-up is overdue.'
            : `${queue.overdue.length} follow-ups are overdue.`}{' '}
          Customers who were promised a call are waiting.
        </p>
      ) : null}
      {due === 0 ? (
        <EmptyState title="Nothing due. Nice.">New leads you own will show up here.</EmptyState>
      ) : null}
      <QueueSection title="Overdue" tone="overdue" entries={queue.overdue} playbook={playbook} now={now} />
      <QueueSection title="Due today" tone="today" entries={queue.dueToday} playbook={playbook} now={now} />
      <QueueSection title="Upcoming" tone="upcoming" entries={queue.upcoming} playbook={playbook} now={now} />
      <QueueSection
        title="Nothing planned"
        tone="unplanned"
        entries={queue.unplanned}
        playbook={playbook}
        now={now}
      />
    </section>
  );
};
