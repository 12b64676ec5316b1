import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastMonth } from '../../../src-shared/rules/pipeline';
import { money, monthLabel } from './formats';

// Recharts keeps its settings in a store updated from layout effects: props that are new objects on every render
// (styles, formatters) make it update again on each parent render, so they are defined once here.
const chartMargin = { top: 8, right: 8, bottom: 0, left: 8 };
const axisTick = { fontSize: 12 };
const legendStyle = { fontSize: 13 };
const barRadius: [number, number, number, number] = [3, 3, 0, 0];
const amountTick = (value: number) => money(value);
const tooltipAmount = (value: unknown) => money(Number(value));

/**
 * Forecast = sum of value x stage probability of the open opportunities, by expected close month (the shared
 * forecastByMonth rule). The chart shows it beside the unweighted value; the table under it has the figures.
 */
export const ForecastChart = memo(function ForecastChart({
  forecast,
}: {
  forecast: readonly ForecastMonth[];
}) {
  const data = useMemo(
    () =>
      forecast.map((month) => ({
        label: monthLabel(month.month),
        expected: Math.round(month.expected),
        value: Math.round(month.value),
        count: month.count,
      })),
    [forecast],
  );
  const total = forecast.reduce((sum, month) => sum + month.expected, 0);
  return (
    <section className="card forecast-card" aria-labelledby="forecast-title">
      <h2 id="forecast-title">
        Forecast by close month <span className="muted">· {money(total)} expected</span>
      </h2>
      {data.length === 0 ? (
        <p className="muted">No open opportunities to forecast.</p>
      ) : (
        <>
          <div className="forecast-chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={240}>
              <BarChart data={data} margin={chartMargin}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e3e7ee" />
                <XAxis dataKey="label" tick={axisTick} tickLine={false} />
                <YAxis tickFormatter={amountTick} tick={axisTick} width={72} />
                <Tooltip formatter={tooltipAmount} />
                <Legend wrapperStyle={legendStyle} />
                <Bar
                  dataKey="value"
                  name="Pipeline value"
                  fill="#9dbbe8"
                  radius={barRadius}
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="expected"
                  name="Expected (value × probability)"
                  fill="#1f5fbf"
                  radius={barRadius}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="forecast-table" aria-label="Forecast by expected close month">
            <thead>
              <tr>
                <th scope="col">Close month</th>
                <th scope="col">Opportunities</th>
                <th scope="col">Value</th>
                <th scope="col">Expected</th>
              </tr>
            </thead>
            <tbody>
              {data.map((month) => (
                <tr key={month.label}>
                  <th scope="row">{month.label}</th>
                  <td>{month.count}</td>
                  <td>{money(month.value)}</td>
                  <td>{money(month.expected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
});
