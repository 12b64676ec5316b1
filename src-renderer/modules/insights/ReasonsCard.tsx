import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LossDimension, LossEvent } from '../../../src-shared/rules/insights';
import { reasonBreakdown } from '../../../src-shared/rules/insights';

const dimensionLabels: Record<LossDimension, string> = {
  stage: 'By stage',
  campaign: 'By campaign',
  rep: 'By rep',
};
const dimensions: readonly LossDimension[] = ['stage', 'campaign', 'rep'];
/** Distinct enough side by side and readable on white; the seventh series onward is grouped as "Other". */
const palette = ['#1f5fbf', '#d9822b', '#2e7d32', '#7b3fa6', '#c62828', '#00838f'];
const otherColor = '#9aa5b8';
// Recharts keeps its settings in a store updated from layout effects; props that are new objects on every render
// make it update again on each parent render, so they are defined once here.
const chartMargin = { top: 4, right: 16, bottom: 4, left: 8 };
const axisTick = { fontSize: 12 };
const legendStyle = { fontSize: 13 };

/**
 * Reasons of one kind (lost or disqualified) broken down by stage, campaign or rep: a stacked bar per reason and
 * the table of counts behind it.
 */
export const ReasonsCard = ({
  id,
  title,
  stageHeading,
  events,
  since,
  keyLabel,
}: {
  id: string;
  title: string;
  /** What "stage" means for this kind: the sales stage lost at, or the status disqualified from. */
  stageHeading: string;
  events: readonly LossEvent[];
  since: number;
  keyLabel(dimension: LossDimension, key: string): string;
}) => {
  const [dimension, setDimension] = useState<LossDimension>('stage');
  const { breakdown, shownKeys, hasOther, data } = useMemo(() => {
    const counted = reasonBreakdown(events, dimension, since);
    const keys = counted.rows.slice(0, palette.length).map((row) => row.key);
    return {
      breakdown: counted,
      shownKeys: keys,
      hasOther: counted.rows.length > keys.length,
      data: counted.reasons.map((reason) => {
        const entry: Record<string, string | number> = { label: reason.label };
        for (const row of counted.rows) {
          const key = keys.includes(row.key) ? `k:${row.key}` : 'other';
          entry[key] = Number(entry[key] ?? 0) + (row.byReason[reason.reasonId] ?? 0);
        }
        return entry;
      }),
    };
  }, [events, dimension, since]);
  const heading = dimension === 'stage' ? stageHeading : dimension === 'campaign' ? 'Campaign' : 'Rep';
  return (
    <section className="card reasons-card" aria-labelledby={id}>
      <header className="reasons-header">
        <h2 id={id}>
          {title} <span className="queue-count">{breakdown.total}</span>
        </h2>
        <div className="segmented" role="radiogroup" aria-label={`${title} breakdown`}>
          {dimensions.map((option) => (
            <label key={option} className={option === dimension ? 'on' : undefined}>
              <input
                type="radio"
                name={`${id}-dimension`}
                checked={option === dimension}
                onChange={() => setDimension(option)}
              />
              {dimensionLabels[option]}
            </label>
          ))}
        </div>
      </header>
      {breakdown.total === 0 ? (
        <p className="muted">None in this period.</p>
      ) : (
        <>
          <div className="reasons-chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={Math.max(140, 36 * data.length + 60)}>
              <BarChart data={data} layout="vertical" margin={chartMargin}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e3e7ee" />
                <XAxis type="number" allowDecimals={false} tick={axisTick} />
                <YAxis type="category" dataKey="label" width={190} tick={axisTick} />
                <Tooltip />
                <Legend wrapperStyle={legendStyle} />
                {shownKeys.map((key, index) => (
                  <Bar
                    key={key}
                    dataKey={`k:${key}`}
                    stackId="reasons"
                    name={keyLabel(dimension, key)}
                    fill={palette[index] ?? otherColor}
                    isAnimationActive={false}
                    maxBarSize={26}
                  />
                ))}
                {hasOther ? (
                  <Bar
                    dataKey="other"
                    stackId="reasons"
                    name="Other"
                    fill={otherColor}
                    isAnimationActive={false}
                    maxBarSize={26}
                  />
                ) : null}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="table-scroll">
            <table
              className="reasons-table"
              aria-label={`${title} ${dimensionLabels[dimension].toLowerCase()}`}
            >
              <thead>
                <tr>
                  <th scope="col">{heading}</th>
                  {breakdown.reasons.map((reason) => (
                    <th scope="col" key={reason.reasonId}>
                      {reason.label}
                    </th>
                  ))}
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {breakdown.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{keyLabel(dimension, row.key)}</th>
                    {breakdown.reasons.map((reason) => (
                      <td key={reason.reasonId}>{row.byReason[reason.reasonId] ?? ''}</td>
                    ))}
                    <td className="total">{row.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
};
