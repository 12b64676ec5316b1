import type { ReactNode } from 'react';
import type { ScoreboardGrouping } from '../../../src-shared/rules/metrics';
import { emptyWeekFigures } from '../../../src-shared/rules/metrics';
import { useSession } from '../../session/sessionStore';
import { FigureDefinitions, KeyFigure, ScanStatus, formatAmount, formatShare, plural } from '../campaigns';
import { Leaderboard } from './Leaderboard';
import { WeeklyChart, chartFigureLabels } from './ScoreboardCharts';
import type { ChartFigure, ScoreboardMode, WeekCount } from './scoreboardStore';
import { useScoreboardView } from './scoreboardStore';
import { useScoreboard } from './useScoreboard';
import { WeeklyTable } from './WeeklyTable';
import './scoreboard.css';

/** A set of mutually exclusive choices shown as joined buttons (radio inputs underneath, for keyboard and tests). */
const Segmented = <T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
}) => (
  <div className="scoreboard-toggle" role="radiogroup" aria-label={label}>
    {options.map((option) => (
      <label key={option.value} className={option.value === value ? 'selected' : ''}>
        <input
          type="radio"
          name={label}
          value={option.value}
          checked={option.value === value}
          onChange={() => onChange(option.value)}
        />
        {option.label}
      </label>
    ))}
  </div>
);

const Control = ({ id, label, children }: { id: string; label: string; children: ReactNode }) => (
  <span className="scoreboard-control">
    <label htmlFor={id}>{label}</label>
    {children}
  </span>
);

/**
 * Weekly results per campaign or per rep, and the same as a sales competition. Everything is computed on this
 * device from the local copy of leads and activities, so it works offline and is current after a sync.
 */
export const ScoreboardScreen = () => {
  const view = useScoreboardView();
  const role = useSession((state) => state.user.role);
  const { board, progress, error, currentFor } = useScoreboard();
  const groupLabel = view.groupBy === 'rep' ? 'Rep' : 'Campaign';
  const totals = (board?.rows ?? []).reduce((sum, row) => {
    for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += row.total[key];
    return sum;
  }, emptyWeekFigures());

  return (
    <section
      className="screen scoreboard-screen"
      aria-labelledby="scoreboard-title"
      data-figures-for={currentFor}
    >
      <header className="screen-header">
        <div>
          <h1 id="scoreboard-title">Scoreboard</h1>
          <p className="muted">
            Week by week, from the records on this device: it works offline and is current after every sync.
          </p>
          {role === 'rep' ? (
            <p className="hint">
              Your device holds your own leads, so these are your figures; your manager sees the whole team.
            </p>
          ) : null}
        </div>
      </header>
      <div className="toolbar scoreboard-toolbar">
        <Segmented<ScoreboardGrouping>
          label="Show"
          value={view.groupBy}
          options={[
            { value: 'rep', label: 'Per rep' },
            { value: 'campaign', label: 'Per campaign' },
          ]}
          onChange={(groupBy) => view.set({ groupBy })}
        />
        <Segmented<ScoreboardMode>
          label="Mode"
          value={view.mode}
          options={[
            { value: 'weekly', label: 'Weekly' },
            { value: 'leaderboard', label: 'Leaderboard' },
          ]}
          onChange={(mode) => view.set({ mode })}
        />
        <Control id="scoreboard-weeks" label="Weeks">
          <select
            id="scoreboard-weeks"
            value={view.weekCount}
            onChange={(event) => view.set({ weekCount: Number(event.target.value) as WeekCount })}
          >
            <option value={4}>Last 4 weeks</option>
            <option value={8}>Last 8 weeks</option>
            <option value={12}>Last 12 weeks</option>
          </select>
        </Control>
        {view.groupBy === 'rep' ? (
          <Control id="scoreboard-campaign" label="Campaign">
            <select
              id="scoreboard-campaign"
              value={view.campaignId}
              onChange={(event) => view.set({ campaignId: event.target.value })}
            >
              <option value="">All campaigns</option>
              {board?.campaigns.map((campaign) => (
                <option key={campaign.id} value={campaign.id}>
                  {campaign.name}
                </option>
              ))}
            </select>
          </Control>
        ) : (
          <Control id="scoreboard-owner" label="Rep">
            <select
              id="scoreboard-owner"
              value={view.ownerId}
              onChange={(event) => view.set({ ownerId: event.target.value })}
            >
              <option value="">All reps</option>
              {board?.members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          </Control>
        )}
      </div>
      <ScanStatus progress={progress} error={error} what="records" />
      {board ? (
        <div className="scoreboard-results" aria-busy={progress !== null}>
          <div className="key-figures" aria-label="Totals of the weeks shown">
            <KeyFigure name="Leads assigned" value={formatAmount(totals.assigned)} />
            <KeyFigure name="Followed up on time" value={formatShare(board.followUp.rate)}>
              {board.followUp.judged > 0
                ? `${board.followUp.onTime} of ${plural(board.followUp.judged, 'deadline')}`
                : 'No deadline decided yet'}
              {board.followUp.pending > 0 ? ` · ${board.followUp.pending} pending` : ''}
            </KeyFigure>
            <KeyFigure name="Converted" value={formatAmount(totals.converted)}>
              to opportunities
            </KeyFigure>
            <KeyFigure name="Won" value={formatAmount(totals.won)}>
              value {formatAmount(totals.wonValue)}
            </KeyFigure>
          </div>
          {view.mode === 'weekly' ? (
            <>
              <section className="card" aria-labelledby="weekly-chart-title">
                <div className="scoreboard-card-heading">
                  <h2 id="weekly-chart-title">{chartFigureLabels[view.chartFigure]} per week</h2>
                  <Control id="scoreboard-chart-figure" label="Chart">
                    <select
                      id="scoreboard-chart-figure"
                      value={view.chartFigure}
                      onChange={(event) => view.set({ chartFigure: event.target.value as ChartFigure })}
                    >
                      {(Object.keys(chartFigureLabels) as ChartFigure[]).map((figure) => (
                        <option key={figure} value={figure}>
                          {chartFigureLabels[figure]}
                        </option>
                      ))}
                    </select>
                  </Control>
                </div>
                <WeeklyChart rows={board.rows} weeks={board.weeks} figure={view.chartFigure} />
              </section>
              <WeeklyTable rows={board.rows} weeks={board.weeks} groupLabel={groupLabel} />
            </>
          ) : (
            <Leaderboard entries={board.leaderboard} weeks={board.weeks} groupLabel={groupLabel} />
          )}
          <FigureDefinitions
            terms={['assigned', 'onTime', 'opportunity', 'converted', 'won', 'weeks', 'points']}
          />
        </div>
      ) : null}
    </section>
  );
};
