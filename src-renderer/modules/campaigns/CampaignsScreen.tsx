import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Campaign } from '../../../src-shared/domain/campaign';
import { campaignTypeLabels } from '../../../src-shared/domain/vocabulary';
import type { TargetProgress } from '../../../src-shared/rules/metrics';
import { useSession } from '../../session/sessionStore';
import { EmptyState } from '../../ui/EmptyState';
import { usePlaybook } from '../playbook';
import type { CampaignFigures } from './campaignFigures';
import { campaignFigures, campaignPhase, factsByCampaign, phaseLabels } from './campaignFigures';
import { CampaignForm } from './CampaignForm';
import { formatAmount, formatDate, formatShare } from './format';
import { canEditCampaigns } from './permissions';
import { ScanStatus } from './ScanStatus';
import { useCampaigns } from './useCampaigns';
import { useLeadFacts } from './useLeadFacts';
import './campaigns.css';

const allLeads = { kind: 'all' } as const;

/** A target cell: result of target with a thin bar; a dash when the campaign set no target. */
const TargetCell = ({ row }: { row: TargetProgress | undefined }) => {
  if (!row) return <td className="numeric muted">…</td>;
  return (
    <td className="numeric target-cell">
      <span>
        {formatAmount(row.actual)}
        <span className="muted"> / {row.target > 0 ? formatAmount(row.target) : '–'}</span>
      </span>
      {row.share !== null ? (
        <span className="campaign-mini-bar" aria-hidden="true">
          <span className="campaign-mini-fill" style={{ width: `${Math.min(1, row.share) * 100}%` }} />
        </span>
      ) : null}
    </td>
  );
};

const CampaignRow = ({
  campaign,
  figures,
  now,
}: {
  campaign: Campaign;
  figures: CampaignFigures | undefined;
  now: number;
}) => {
  const phase = campaignPhase(campaign, now);
  const target = (key: TargetProgress['key']) => figures?.targets.find((row) => row.key === key);
  return (
    <tr>
      <th scope="row">
        <Link href={`/campaigns/${campaign.id}`}>{campaign.name}</Link>
        <span className="muted">{campaignTypeLabels[campaign.type]}</span>
      </th>
      <td>
        <span className={`badge phase-${phase}`}>{phaseLabels[phase]}</span>
        <span className="muted campaign-dates">
          {formatDate(campaign.startsAt)} – {formatDate(campaign.endsAt)}
        </span>
      </td>
      <td className="numeric">
        {figures ? formatAmount(figures.cost) : '…'}
        <span className="muted"> / {formatAmount(campaign.budget)}</span>
      </td>
      <TargetCell row={target('relevantLeads')} />
      <TargetCell row={target('opportunities')} />
      <TargetCell row={target('deals')} />
      <td className="numeric">{figures ? formatShare(figures.roi.roi) : '…'}</td>
    </tr>
  );
};

/**
 * The team's campaigns with their progress against targets, computed from the local copy. Managers and
 * marketing create and edit campaigns; reps read them.
 */
export const CampaignsScreen = () => {
  const role = useSession((state) => state.user.role);
  const campaigns = useCampaigns();
  const playbook = usePlaybook();
  const [, navigate] = useLocation();
  const [creating, setCreating] = useState(false);
  const [now] = useState(() => Date.now());
  const { facts, progress, error } = useLeadFacts(allLeads, playbook?.stages);
  const figures = useMemo(() => {
    if (!facts || !playbook || !campaigns) return new Map<string, CampaignFigures>();
    const groups = factsByCampaign(facts);
    return new Map(
      campaigns.map((campaign) => [
        campaign.id,
        campaignFigures(campaign, groups.get(campaign.id) ?? [], playbook.stages),
      ]),
    );
  }, [facts, playbook, campaigns]);
  const mayEdit = canEditCampaigns(role);

  if (!campaigns) return <p className="loading">Loading…</p>;
  return (
    <section className="screen campaigns-screen" aria-labelledby="campaigns-title">
      <header className="screen-header">
        <div>
          <h1 id="campaigns-title">Campaigns</h1>
          <p className="muted">
            Results against targets, computed from the records on this device; current after every sync.
            {role === 'rep' ? ' As a rep you hold your own leads, so the results are your share.' : ''}
          </p>
        </div>
        {mayEdit && !creating ? (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New campaign
          </button>
        ) : null}
      </header>
      {creating ? (
        <CampaignForm
          campaign={null}
          onClose={(saved) => {
            setCreating(false);
            if (saved) navigate(`/campaigns/${saved.id}`);
          }}
        />
      ) : null}
      <ScanStatus progress={progress} error={error} what="records" />
      {campaigns.length === 0 ? (
        <EmptyState title="No campaigns yet">
          {mayEdit
            ? 'Create a campaign with its budget and targets; leads captured for it are counted here.'
            : 'Campaigns your manager or marketing sets up appear here once they sync.'}
        </EmptyState>
      ) : (
        <div className="card office-table-card">
          <table className="campaign-table" aria-label="Campaigns">
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">
                  Cost / budget
                </th>
                <th scope="col" className="numeric">
                  Relevant leads
                </th>
                <th scope="col" className="numeric">
                  Opportunities
                </th>
                <th scope="col" className="numeric">
                  Deals
                </th>
                <th scope="col" className="numeric">
                  ROI
                </th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((campaign) => (
                <CampaignRow
                  key={campaign.id}
                  campaign={campaign}
                  figures={figures.get(campaign.id)}
                  now={now}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
