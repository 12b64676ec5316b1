import { useState } from 'react';
import type { MangoQuerySelector } from 'rxdb';
import { activityExportRows, campaignResultRows, leadExportRows } from '../../../src-shared/csv/exportRows';
import type { Activity } from '../../../src-shared/domain/activity';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import type { LeadStatus } from '../../../src-shared/domain/vocabulary';
import { leadStatusLabels, leadStatuses } from '../../../src-shared/domain/vocabulary';
import { leadFacts } from '../../../src-shared/rules/metrics';
import { useDatabase } from '../../app/DatabaseContext';
import type { FairleadDatabase } from '../../db/database';
import { useSession } from '../../session/sessionStore';
import { useToasts } from '../../ui/toasts';
import { useCampaigns } from '../campaigns';
import { nameOf, useTeamMembers } from '../pipeline';
import { usePlaybook } from '../playbook';
import { csvFileName, describeSave, saveCsv } from './saveCsv';

type ExportKind = 'leads' | 'activities' | 'campaigns';

const allLeads = async (db: FairleadDatabase, selector: MangoQuerySelector<Lead> = {}): Promise<Lead[]> =>
  (await db.leads.find({ selector, sort: [{ recency: 'asc' }] }).exec()).map((doc) => doc.toJSON() as Lead);

const allActivities = async (db: FairleadDatabase): Promise<Activity[]> =>
  (await db.activities.find().exec()).map((doc) => doc.toJSON() as Activity);

/**
 * Exports of the local copy as CSV through the desktop bridge: leads (optionally one status or campaign), every
 * activity, and campaign results with the office's agreed figures next to the targets.
 */
export const ExportPanel = () => {
  const db = useDatabase();
  const me = useSession((state) => state.user);
  const members = useTeamMembers();
  const campaigns = useCampaigns() ?? [];
  const playbook = usePlaybook();
  const pushToast = useToasts((state) => state.push);
  const [status, setStatus] = useState<LeadStatus | ''>('');
  const [campaignId, setCampaignId] = useState('');
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [last, setLast] = useState('');

  const context = (book: Playbook) => ({
    playbook: book,
    campaignName: (id: string) => campaigns.find((campaign) => campaign.id === id)?.name ?? id,
    personName: (id: string) => nameOf(members, id, me.id),
  });

  const run = async (
    kind: ExportKind,
    build: (book: Playbook) => Promise<{ rows: string[][]; what: string }>,
  ) => {
    if (!playbook) return;
    setBusy(kind);
    try {
      const { rows, what } = await build(playbook);
      const saved = await saveCsv(rows, csvFileName(kind));
      const { text, tone } = describeSave(saved, what);
      setLast(text);
      pushToast(text, tone);
    } catch (error) {
      pushToast(`Could not export: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      setBusy(null);
    }
  };

  const exportLeads = () =>
    run('leads', async (book) => {
      const selector: MangoQuerySelector<Lead> = {};
      if (status) selector.status = status;
      if (campaignId) selector.campaignId = campaignId;
      const leads = await allLeads(db, selector);
      return { rows: leadExportRows(leads, context(book)), what: `${leads.length} leads` };
    });

  const exportActivities = () =>
    run('activities', async (book) => {
      const [activities, leads] = await Promise.all([allActivities(db), allLeads(db)]);
      const byId = new Map(leads.map((lead) => [lead.id, lead]));
      return {
        rows: activityExportRows(activities, { ...context(book), lead: (id) => byId.get(id) }),
        what: `${activities.length} activities`,
      };
    });

  const exportCampaigns = () =>
    run('campaigns', async (book) => {
      const [activities, leads] = await Promise.all([allActivities(db), allLeads(db)]);
      const byLead = new Map<string, Activity[]>();
      for (const activity of activities)
        byLead.set(activity.leadId, [...(byLead.get(activity.leadId) ?? []), activity]);
      const now = Date.now();
      const facts = leads.map((lead) => leadFacts(lead, byLead.get(lead.id) ?? [], book.stages, now));
      return {
        rows: campaignResultRows(campaigns, facts, book.stages),
        what: `results of ${campaigns.length} campaigns`,
      };
    });

  return (
    <section className="card export-card" aria-labelledby="export-title">
      <h2 id="export-title">Export to CSV</h2>
      <p className="hint">From the data on this device; works offline.</p>
      <div className="export-rows">
        <div className="export-row">
          <div>
            <h3>Leads</h3>
            <div className="inline-form">
              <label htmlFor="export-status">Status</label>
              <select
                id="export-status"
                value={status}
                onChange={(event) => setStatus(event.target.value as LeadStatus | '')}
              >
                <option value="">All statuses</option>
                {leadStatuses.map((option) => (
                  <option key={option} value={option}>
                    {leadStatusLabels[option]}
                  </option>
                ))}
              </select>
              <label htmlFor="export-campaign">Campaign</label>
              <select
                id="export-campaign"
                value={campaignId}
                onChange={(event) => setCampaignId(event.target.value)}
              >
                <option value="">All campaigns</option>
                {campaigns.map((campaign) => (
                  <option key={campaign.id} value={campaign.id}>
                    {campaign.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="button" disabled={busy !== null || !playbook} onClick={() => void exportLeads()}>
            Export leads
          </button>
        </div>
        <div className="export-row">
          <div>
            <h3>Activities</h3>
            <p className="hint">
              Calls, emails, visits, notes and stage changes, with outcomes and insight tags.
            </p>
          </div>
          <button type="button" disabled={busy !== null || !playbook} onClick={() => void exportActivities()}>
            Export activities
          </button>
        </div>
        <div className="export-row">
          <div>
            <h3>Campaign results</h3>
            <p className="hint">
              Inquiries, relevant leads, opportunities, deals and ROI against each target.
            </p>
          </div>
          <button type="button" disabled={busy !== null || !playbook} onClick={() => void exportCampaigns()}>
            Export campaign results
          </button>
        </div>
      </div>
      {last ? (
        <p className="hint" role="status" data-testid="export-status">
          {last}
        </p>
      ) : null}
    </section>
  );
};
