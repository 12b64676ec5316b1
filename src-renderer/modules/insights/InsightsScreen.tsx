import { useMemo, useState } from 'react';
import type { LossDimension, LossEvent } from '../../../src-shared/rules/insights';
import { useSession } from '../../session/sessionStore';
import { EmptyState } from '../../ui/EmptyState';
import { useCampaigns } from '../campaigns';
import { nameOf, useTeamMembers } from '../pipeline';
import { usePlaybook } from '../playbook';
import { InsightTags } from './InsightTags';
import { ReasonsCard } from './ReasonsCard';
import { useInsightsData } from './useInsightsData';

const periods = [
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 365, label: 'Last 12 months' },
  { days: 0, label: 'All time' },
] as const;
const dayMs = 24 * 3_600_000;

const stageLabels = (events: readonly LossEvent[]) =>
  new Map(events.map((event) => [event.stageKey, event.stageLabel]));

/**
 * What marketing reads back from sales, from the local copy: why leads were lost (at which stage, from which
 * campaign, whose) and why records were disqualified, and the customer insight reps tagged in their notes.
 */
export const InsightsScreen = () => {
  const playbook = usePlaybook();
  const me = useSession((state) => state.user);
  const members = useTeamMembers();
  const campaigns = useCampaigns();
  const [days, setDays] = useState<number>(90);
  // The period starts at a whole minute so the data is not re-read on every render.
  const since = useMemo(
    () => (days === 0 ? 0 : Math.floor((Date.now() - days * dayMs) / 60_000) * 60_000),
    [days],
  );
  const data = useInsightsData(
    playbook,
    members.map((member) => member.id),
    since,
  );
  const campaignNames = useMemo(
    () => new Map((campaigns ?? []).map((campaign) => [campaign.id, campaign.name])),
    [campaigns],
  );

  if (playbook === undefined || (playbook && !data)) return <p className="loading">Loading insights…</p>;
  if (playbook === null || !data)
    return <EmptyState title="No playbook yet">The lead definition has not reached this device.</EmptyState>;

  const repName = (id: string) => nameOf(members, id, me.id);
  const labeler = (events: readonly LossEvent[]) => {
    const stages = stageLabels(events);
    return (dimension: LossDimension, key: string): string => {
      if (dimension === 'stage') return stages.get(key) || 'Unknown stage';
      if (dimension === 'campaign')
        return key === '' ? 'No campaign' : (campaignNames.get(key) ?? 'Unknown campaign');
      return repName(key);
    };
  };

  return (
    <section className="screen insights-screen" aria-labelledby="insights-title">
      <header className="screen-header">
        <div>
          <h1 id="insights-title">Insights</h1>
          <p className="muted">Lost and disqualification reasons, and what customers tell the reps.</p>
        </div>
        <div className="inline-form">
          <label htmlFor="insights-period">Period</label>
          <select id="insights-period" value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {periods.map((period) => (
              <option key={period.days} value={period.days}>
                {period.label}
              </option>
            ))}
          </select>
        </div>
      </header>
      <div className="insights-reasons">
        <ReasonsCard
          id="lost-reasons"
          title="Lost reasons"
          stageHeading="Lost at stage"
          events={data.lost}
          since={since}
          keyLabel={labeler(data.lost)}
        />
        <ReasonsCard
          id="disqualification-reasons"
          title="Disqualification reasons"
          stageHeading="Disqualified from"
          events={data.disqualified}
          since={since}
          keyLabel={labeler(data.disqualified)}
        />
      </div>
      <InsightTags tags={data.tags} leadNames={data.leadNames} repName={repName} />
    </section>
  );
};
