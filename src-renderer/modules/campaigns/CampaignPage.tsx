import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { Campaign } from '../../../src-shared/domain/campaign';
import { campaignTypeLabels } from '../../../src-shared/domain/vocabulary';
import { useSession } from '../../session/sessionStore';
import { EmptyState } from '../../ui/EmptyState';
import { usePlaybook } from '../playbook';
import { ForecastChart, FunnelChart, RoiChart } from './CampaignCharts';
import { campaignFigures, campaignPhase, phaseLabels } from './campaignFigures';
import { CampaignForm } from './CampaignForm';
import { CostLines, FunnelNumbers, KeyFigures, TargetBars } from './CampaignPanels';
import { FigureDefinitions } from './definitions';
import { formatAmount, formatDate } from './format';
import { ScanStatus } from './ScanStatus';
import { canEditCampaigns } from './permissions';
import { useCampaign } from './useCampaigns';
import { useLeadFacts } from './useLeadFacts';
import { memberName, useTeamMembers } from './useTeamMembers';
import './campaigns.css';

/**
 * One campaign's results, computed on this device from its leads and their activities (so it works offline and
 * is current after a sync): each target, cost per relevant lead, ROI, the inquiry funnel and the forecast.
 */
export const CampaignPage = ({ id }: { id: string }) => {
  const campaign = useCampaign(id);
  if (campaign === undefined) return <p className="loading">Loading…</p>;
  if (campaign === null)
    return (
      <EmptyState title="Campaign not found" action={<Link href="/campaigns">All campaigns</Link>}>
        It may not have reached this device yet.
      </EmptyState>
    );
  return <CampaignResultsView key={campaign.id} campaign={campaign} />;
};

const CampaignResultsView = ({ campaign }: { campaign: Campaign }) => {
  const role = useSession((state) => state.user.role);
  const playbook = usePlaybook();
  const members = useTeamMembers();
  const [editing, setEditing] = useState(false);
  const scope = useMemo(() => ({ kind: 'campaign' as const, campaignId: campaign.id }), [campaign.id]);
  const { facts, progress, error, currentFor } = useLeadFacts(scope, playbook?.stages);
  const figures = useMemo(
    () => (facts && playbook ? campaignFigures(campaign, facts, playbook.stages) : undefined),
    [campaign, facts, playbook],
  );
  const [now] = useState(() => Date.now());
  const phase = campaignPhase(campaign, now);
  const reps = campaign.assignedRepIds.map((repId) => memberName(members, repId));

  return (
    <section className="screen campaign-page" aria-labelledby="campaign-title" data-figures-for={currentFor}>
      <header className="screen-header">
        <div>
          <p className="campaign-breadcrumb">
            <Link href="/campaigns">Campaigns</Link>
          </p>
          <h1 id="campaign-title">{campaign.name}</h1>
          <p className="muted campaign-meta">
            <span className="badge">{campaignTypeLabels[campaign.type]}</span>{' '}
            <span className={`badge phase-${phase}`}>{phaseLabels[phase]}</span>{' '}
            {formatDate(campaign.startsAt)} – {formatDate(campaign.endsAt)} · Follow-up within{' '}
            {campaign.followUpDays > 0 ? `${campaign.followUpDays} business days` : "the playbook's deadline"}{' '}
            · {reps.length > 0 ? `Reps: ${reps.join(', ')}` : 'No reps assigned'}
          </p>
        </div>
        <div className="form-actions">
          <Link className="button" href="/scoreboard">
            Scoreboard
          </Link>
          {canEditCampaigns(role) && !editing ? (
            <button type="button" className="primary" onClick={() => setEditing(true)}>
              Edit campaign
            </button>
          ) : null}
        </div>
      </header>
      {editing ? <CampaignForm campaign={campaign} onClose={() => setEditing(false)} /> : null}
      {role === 'rep' ? (
        <p className="hint">
          Counted from your own leads, the ones on this device; your manager sees the whole team.
        </p>
      ) : null}
      <ScanStatus progress={progress} error={error} what="this campaign's records" />
      {figures ? (
        <div className="campaign-results" aria-busy={progress !== null}>
          <KeyFigures campaign={campaign} figures={figures} />
          <div className="campaign-grid">
            <section className="card" aria-labelledby="targets-title">
              <h2 id="targets-title">Results against targets</h2>
              <TargetBars targets={figures.targets} />
            </section>
            <section className="card" aria-labelledby="roi-title">
              <h2 id="roi-title">Return on investment</h2>
              <RoiChart roi={figures.roi} />
              <p className="hint">
                Cost {formatAmount(figures.roi.cost)} · won {formatAmount(figures.roi.wonRevenue)} · expected
                from the open pipeline {formatAmount(figures.roi.expectedOpenRevenue)}
              </p>
            </section>
            <section className="card" aria-labelledby="funnel-title">
              <h2 id="funnel-title">Inquiry funnel</h2>
              <FunnelChart funnel={figures.funnel} />
              <FunnelNumbers funnel={figures.funnel} />
            </section>
            <section className="card" aria-labelledby="forecast-title">
              <h2 id="forecast-title">Open pipeline forecast</h2>
              {figures.forecast.some((month) => month.value > 0) ? (
                <ForecastChart months={figures.forecast} />
              ) : (
                <p className="muted">
                  {figures.results.openPipelineCount > 0
                    ? 'No open lead has a deal value yet.'
                    : 'No open leads in sales.'}
                </p>
              )}
            </section>
            <section className="card" aria-labelledby="cost-title">
              <h2 id="cost-title">Budget and actual cost</h2>
              <CostLines campaign={campaign} cost={figures.cost} />
            </section>
            <FigureDefinitions
              terms={['relevantLead', 'opportunity', 'won', 'cost', 'costPerLead', 'roi', 'funnel', 'onTime']}
            />
          </div>
        </div>
      ) : null}
    </section>
  );
};
