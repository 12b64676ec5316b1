import type { IsoWeek, WeekFigures } from '../../../src-shared/rules/metrics';
import { followUpRateOf, weekMondayUtc } from '../../../src-shared/rules/metrics';
import { formatAmount, formatShare, formatWeekStart } from '../campaigns';
import type { LabelledRow } from './useScoreboard';

type FigureRow = { name: string; cell: (figures: WeekFigures) => string };

/** The five scoreboard figures, one table row each, in the order of the process. */
export const figureRows: readonly FigureRow[] = [
  { name: 'Leads assigned', cell: (figures) => formatAmount(figures.assigned) },
  {
    name: 'Followed up on time',
    cell: (figures) =>
      figures.followUpsJudged > 0
        ? `${figures.followedUpOnTime} of ${figures.followUpsJudged} · ${formatShare(
            followUpRateOf(figures.followedUpOnTime, figures.followUpsJudged),
          )}`
        : formatAmount(figures.followedUpOnTime),
  },
  { name: 'Converted', cell: (figures) => formatAmount(figures.converted) },
  { name: 'Won', cell: (figures) => formatAmount(figures.won) },
  { name: 'Won value', cell: (figures) => formatAmount(figures.wonValue) },
];

export const weekLabel = (week: IsoWeek): string => `W${week.week}`;

/**
 * Rows of people or campaigns, five figures each, one column per ISO week and a total. Zero cells are dimmed so
 * the weeks where something happened stand out.
 */
export const WeeklyTable = ({
  rows,
  weeks,
  groupLabel,
}: {
  rows: readonly LabelledRow[];
  weeks: readonly IsoWeek[];
  groupLabel: string;
}) => (
  <div className="card office-table-card scoreboard-office-table-card">
    <table className="scoreboard-table" aria-label="Weekly scoreboard">
      <thead>
        <tr>
          <th scope="col">{groupLabel}</th>
          <th scope="col">Figure</th>
          {weeks.map((week) => (
            <th key={week.key} scope="col" className="numeric" title={week.key}>
              {weekLabel(week)}
              <span className="week-date">{formatWeekStart(weekMondayUtc(week))}</span>
            </th>
          ))}
          <th scope="col" className="numeric">
            Total
          </th>
        </tr>
      </thead>
      {rows.map((row) => (
        <tbody key={row.key} aria-label={row.label}>
          {figureRows.map((figure, index) => (
            <tr key={figure.name} className={index === 0 ? 'group-start' : ''}>
              {index === 0 ? (
                <th scope="rowgroup" rowSpan={figureRows.length} className="group-name">
                  {row.label}
                </th>
              ) : null}
              <th scope="row" className="figure-name">
                {figure.name}
              </th>
              {row.weeks.map((figures, weekIndex) => {
                const text = figure.cell(figures);
                return (
                  <td
                    key={weeks[weekIndex]?.key ?? weekIndex}
                    className={`numeric${text === '0' ? ' zero' : ''}`}
                  >
                    {text}
                  </td>
                );
              })}
              <td className="numeric total">{figure.cell(row.total)}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  </div>
);
