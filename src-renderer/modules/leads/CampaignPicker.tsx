import { useState } from 'react';
import { campaignTypes, campaignTypeLabels } from '../../../src-shared/domain/vocabulary';
import type { CampaignType } from '../../../src-shared/domain/vocabulary';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { useToasts } from '../../ui/toasts';
import { createEvent, useCampaigns } from '../campaigns';
import { useCaptureStore } from './captureStore';

/** Picks the campaign or event new captures belong to; managers and marketing can start a new event here. */
export const CampaignPicker = () => {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const campaigns = useCampaigns();
  const campaignId = useCaptureStore((state) => state.campaignId);
  const setCampaignId = useCaptureStore((state) => state.setCampaignId);
  const pushToast = useToasts((state) => state.push);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [type, setType] = useState<CampaignType>('trade_show');
  const [error, setError] = useState('');
  const mayCreate = user.role === 'manager' || user.role === 'marketing';

  const create = async () => {
    if (name.trim() === '') {
      setError('Give the event a name');
      return;
    }
    try {
      const campaign = await createEvent(db, user, { name: name.trim(), type });
      setCampaignId(campaign.id);
      setCreating(false);
      setName('');
      setError('');
      pushToast(`Capturing for ${campaign.name}`);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  return (
    <div className="campaign-picker">
      <label htmlFor="capture-campaign">Campaign / event</label>
      <select
        id="capture-campaign"
        value={campaignId}
        onChange={(event) => setCampaignId(event.target.value)}
      >
        <option value="">No campaign</option>
        {campaigns?.map((campaign) => (
          <option key={campaign.id} value={campaign.id}>
            {campaign.name}
          </option>
        ))}
      </select>
      {mayCreate && !creating ? (
        <button type="button" onClick={() => setCreating(true)}>
          New event…
        </button>
      ) : null}
      {creating ? (
        <div
          className="new-event"
          role="group"
          aria-label="New event"
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void create();
            } else if (event.key === 'Escape') setCreating(false);
          }}
        >
          <label htmlFor="new-event-name">Event name</label>
          <input
            id="new-event-name"
            autoFocus
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <label htmlFor="new-event-type">Type</label>
          <select
            id="new-event-type"
            value={type}
            onChange={(event) => setType(event.target.value as CampaignType)}
          >
            {campaignTypes.map((option) => (
              <option key={option} value={option}>
                {campaignTypeLabels[option]}
              </option>
            ))}
          </select>
          <button type="button" className="primary" onClick={() => void create()}>
            Create event
          </button>
          <button type="button" onClick={() => setCreating(false)}>
            Cancel
          </button>
          {error ? (
            <span className="field-error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
};
