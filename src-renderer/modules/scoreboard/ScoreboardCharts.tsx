import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IsoWeek, LeaderboardEntry } from '../../../src-shared/rules/metrics';
import { competitionPoints } from '../../../src-shared/rules/metrics';
import { chartColors, formatAmount } from '../campaigns';
import type { ChartFigure } from './scoreboardStore';
import type { LabelledRow } from './useScoreboard';
import { weekLabel } from './WeeklyTable';

const seriesColors = ['#1f5fbf', '#d9822b', '#2e7d32', '#7b3fa6', '#c62828', '#00838f', '#5b6bbf', '#8d6e63'];
const maxSeries = seriesColors.length;
const axisTick = { fill: chartColors.text, fontSize: 12 };

export const chartFigureLabels: Record<ChartFigure, string> = {
  assigned: 'Leads assigned',
  followedUpOnTime: 'Followed up on time',
  converted: 'Converted',
  won: 'Won',
  wonValue: 'Won value',
};

/**
 * One figure week by week, a bar per person or campaign. Only the rows with the largest totals get a series
 * (eight colours stay tellable apart); the table below has them all.
 */
export const WeeklyChart = ({
  rows,
  weeks,
  figure,
}: {
  rows: readonly LabelledRow[];
  weeks: readonly IsoWeek[];
  figure: ChartFigure;
}) => {
  const shown = [...rows]
    .filter((row) => row.total[figure] > 0)
    .sort((a, b) => b.total[figure] - a.total[figure])
    .slice(0, maxSeries);
  const data = weeks.map((week, index) => ({
    week: weekLabel(week),
    ...Object.fromEntries(shown.map((row) => [row.key, row.weeks[index]?.[figure] ?? 0])),
  }));
  if (shown.length === 0)
    return <p className="muted scoreboard-chart-empty">Nothing to chart for these weeks yet.</p>;
  return (
    <div className="office-chart" role="img" aria-label={`${chartFigureLabels[figure]} per week`}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} stroke={chartColors.grid} />
          <XAxis dataKey="week" tick={axisTick} />
          <YAxis
            allowDecimals={false}
            tickFormatter={(value: number) => formatAmount(value)}
            tick={axisTick}
            width={64}
          />
          <Tooltip formatter={(value) => formatAmount(Number(value))} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {shown.map((row, index) => (
            <Bar
              key={row.key}
              dataKey={row.key}
              name={row.label}
              fill={seriesColors[index % seriesColors.length]}
              isAnimationActive={false}
              maxBarSize={28}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};

/** Points per person, split by what earned them, so the ranking explains itself. */
export const LeaderboardChart = ({
  entries,
}: {
  entries: readonly (LeaderboardEntry & { label: string })[];
}) => {
  const data = entries.map((entry) => ({
    name: entry.label,
    followUp: entry.figures.followedUpOnTime * competitionPoints.onTimeFollowUp,
    conversion: entry.figures.converted * competitionPoints.conversion,
    won: entry.figures.won * competitionPoints.won,
  }));
  return (
    <div className="office-chart" role="img" aria-label="Points per person">
      <ResponsiveContainer width="100%" height={Math.max(140, 44 * data.length + 60)}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={chartColors.grid} />
          <XAxis type="number" allowDecimals={false} tick={axisTick} />
          <YAxis type="category" dataKey="name" width={140} tick={axisTick} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Bar
            dataKey="followUp"
            name="On-time follow-up"
            stackId="points"
            fill={chartColors.accent}
            isAnimationActive={false}
            barSize={22}
          />
          <Bar
            dataKey="conversion"
            name="Conversions"
            stackId="points"
            fill={chartColors.warm}
            isAnimationActive={false}
            barSize={22}
          />
          <Bar
            dataKey="won"
            name="Deals won"
            stackId="points"
            fill={chartColors.ok}
            isAnimationActive={false}
            barSize={22}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};
