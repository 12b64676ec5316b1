import type { ReactNode } from 'react';
import type { Campaign } from '../../../src-shared/domain/campaign';
import type { CampaignFunnel, TargetProgress } from '../../../src-shared/rules/metrics';
import type { CampaignFigures } from './campaignFigures';
import { formatAmount, formatDate, formatShare, formatUnitCost, plural } from './format';

/** One headline figure: a named group so people (and tests) find it by its name. */
export const KeyFigure = ({
  name,
  value,
  children,
  tone,
}: {
  name: string;
  value: string;
  children?: ReactNode;
  tone?: 'good' | 'bad';
}) => (
  <div className={`key-figure${tone ? ` key-figure-${tone}` : ''}`} role="group" aria-label={name}>
    <span className="key-figure-name">{name}</span>
    <strong className="key-figure-value">{value}</strong>
    {children ? <span className="key-figure-note">{children}</span> : null}
  </div>
);

const toneOf = (value: number | null): 'good' | 'bad' | undefined =>
  value === null ? undefined : value >= 0 ? 'good' : 'bad';

export const KeyFigures = ({ campaign, figures }: { campaign: Campaign; figures: CampaignFigures }) => {
  const { results, roi, followUp } = figures;
  return (
    <div className="key-figures key-figures-six">
      <KeyFigure name="Cost" value={formatAmount(figures.cost)}>
        {campaign.budget > 0
          ? `${formatShare(figures.budgetUsed)} of the ${formatAmount(campaign.budget)} budget`
          : 'No budget set'}
      </KeyFigure>
      <KeyFigure
        name="Cost per relevant lead"
        value={figures.costPerRelevantLead === null ? '–' : formatUnitCost(figures.costPerRelevantLead)}
      >
        {formatAmount(figures.cost)} ÷ {plural(results.relevantLeads, 'relevant lead')}
      </KeyFigure>
      <KeyFigure name="ROI" value={formatShare(roi.roi)} tone={toneOf(roi.roi)}>
        {roi.roi === null ? 'Record the cost to see the ROI' : `Won only: ${formatShare(roi.wonOnlyRoi)}`}
      </KeyFigure>
      <KeyFigure name="Won revenue" value={formatAmount(results.dealValue)}>
        {plural(results.deals, 'deal')} won
      </KeyFigure>
      <KeyFigure name="Expected revenue" value={formatAmount(results.expectedOpenRevenue)}>
        from {plural(results.openPipelineCount, 'open lead')} worth {formatAmount(results.openPipelineValue)}
      </KeyFigure>
      <KeyFigure name="Followed up on time" value={formatShare(followUp.rate)}>
        {followUp.judged > 0
          ? `${followUp.onTime} of ${plural(followUp.judged, 'deadline')}`
          : 'No deadline decided yet'}
        {followUp.pending > 0 ? ` · ${followUp.pending} pending` : ''}
      </KeyFigure>
    </div>
  );
};

const targetText = (row: TargetProgress): string =>
  row.target > 0
    ? `${formatAmount(row.actual)} of ${formatAmount(row.target)}`
    : `${formatAmount(row.actual)} (no target)`;

/** Results against each target: a bar filled to the share reached, capped at the full width. */
export const TargetBars = ({ targets }: { targets: readonly TargetProgress[] }) => (
  <ul className="target-bars" aria-label="Targets">
    {targets.map((row) => (
      <li
        key={row.key}
        aria-label={row.label}
        className={row.share !== null && row.share >= 1 ? 'target-met' : ''}
      >
        <span className="target-label">{row.label}</span>
        <span className="target-bar" aria-hidden="true">
          <span className="target-fill" style={{ width: `${Math.min(1, row.share ?? 0) * 100}%` }} />
        </span>
        <span className="target-value">
          {targetText(row)}
          <strong>{formatShare(row.share, '')}</strong>
        </span>
      </li>
    ))}
  </ul>
);

/** The funnel's counts in words, beside its chart. */
export const FunnelNumbers = ({ funnel }: { funnel: CampaignFunnel }) => {
  const { relevant } = funnel;
  const share = (count: number) => (funnel.inquiries > 0 ? formatShare(count / funnel.inquiries) : '–');
  return (
    <ol className="funnel-numbers" aria-label="Inquiry funnel">
      <li aria-label="Inquiries">
        <strong>{formatAmount(funnel.inquiries)}</strong> inquiries
      </li>
      <li aria-label="Relevant leads">
        <strong>{formatAmount(relevant.total)}</strong> relevant leads ({share(relevant.total)}):{' '}
        <span className="muted">
          {relevant.hot} hot · {relevant.warm} warm · {relevant.future} future · {relevant.prospect} prospect
        </span>
      </li>
      <li aria-label="Opportunities">
        <strong>{formatAmount(funnel.opportunities)}</strong> opportunities ({share(funnel.opportunities)})
      </li>
      <li aria-label="Won">
        <strong>{formatAmount(funnel.won)}</strong> won ({share(funnel.won)})
      </li>
    </ol>
  );
};

export const CostLines = ({ campaign, cost }: { campaign: Campaign; cost: number }) => (
  <table className="cost-lines cost-lines-read" aria-label="Actual cost">
    <thead>
      <tr>
        <th scope="col">Cost item</th>
        <th scope="col">Added</th>
        <th scope="col" className="numeric">
          Amount
        </th>
      </tr>
    </thead>
    <tbody>
      {campaign.costLines.length === 0 ? (
        <tr>
          <td colSpan={3} className="muted">
            No cost recorded yet.
          </td>
        </tr>
      ) : (
        campaign.costLines.map((line) => (
          <tr key={line.id}>
            <td>{line.label}</td>
            <td className="muted">{formatDate(line.at)}</td>
            <td className="numeric">{formatAmount(line.amount)}</td>
          </tr>
        ))
      )}
    </tbody>
    <tfoot>
      <tr>
        <th scope="row" colSpan={2}>
          Total cost <span className="muted">(budget {formatAmount(campaign.budget)})</span>
        </th>
        <td className="numeric">{formatAmount(cost)}</td>
      </tr>
    </tfoot>
  </table>
);
