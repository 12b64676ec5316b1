import type { IsoWeek, LeaderboardEntry } from '../../../src-shared/rules/metrics';
import { competitionPoints, weekMondayUtc } from '../../../src-shared/rules/metrics';
import { formatAmount, formatWeekStart } from '../campaigns';
import { LeaderboardChart } from './ScoreboardCharts';
import { weekLabel } from './WeeklyTable';

const period = (weeks: readonly IsoWeek[]): string => {
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (!first || !last) return '';
  const lastSunday = weekMondayUtc(last) + 6 * 86_400_000;
  return `${weekLabel(first)}–${weekLabel(last)} (${formatWeekStart(weekMondayUtc(first))} – ${formatWeekStart(lastSunday)})`;
};

/**
 * The sales competition: everyone ranked by points over the weeks shown. The rule is on screen in full, so nobody
 * has to guess why they rank where they do.
 */
export const Leaderboard = ({
  entries,
  weeks,
  groupLabel,
}: {
  entries: readonly (LeaderboardEntry & { label: string })[];
  weeks: readonly IsoWeek[];
  groupLabel: string;
}) => (
  <div className="leaderboard">
    <section className="card points-rule" aria-labelledby="points-rule-title">
      <h2 id="points-rule-title">How points are earned</h2>
      <ul>
        <li>
          <strong>{competitionPoints.onTimeFollowUp} points</strong> per lead followed up on time (first call,
          email or visit by its deadline)
        </li>
        <li>
          <strong>{competitionPoints.conversion} points</strong> per lead converted to an opportunity
        </li>
        <li>
          <strong>{competitionPoints.won} points</strong> per deal won
        </li>
      </ul>
      <p className="hint">Counted over {period(weeks)}.</p>
    </section>
    <section className="card" aria-labelledby="ranking-title">
      <h2 id="ranking-title">Ranking</h2>
      {entries.length > 0 ? <LeaderboardChart entries={entries} /> : null}
      <table className="scoreboard-table leaderboard-table" aria-label="Leaderboard">
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Rank
            </th>
            <th scope="col">{groupLabel}</th>
            <th scope="col" className="numeric">
              On time (×{competitionPoints.onTimeFollowUp})
            </th>
            <th scope="col" className="numeric">
              Converted (×{competitionPoints.conversion})
            </th>
            <th scope="col" className="numeric">
              Won (×{competitionPoints.won})
            </th>
            <th scope="col" className="numeric">
              Won value
            </th>
            <th scope="col" className="numeric">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.key} className={entry.rank === 1 && entry.points > 0 ? 'leader' : ''}>
              <td className="numeric rank">{entry.rank}</td>
              <th scope="row">{entry.label}</th>
              <td className="numeric">{entry.figures.followedUpOnTime}</td>
              <td className="numeric">{entry.figures.converted}</td>
              <td className="numeric">{entry.figures.won}</td>
              <td className="numeric">{formatAmount(entry.figures.wonValue)}</td>
              <td className="numeric points">{entry.points}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  </div>
);
