import type { Playbook } from '../../../src-shared/domain/playbook';
import { formatPublished, usePublisherName } from './VersionsCard';

/**
 * Someone published a newer version while this draft was open (it arrived by sync). Publishing the draft now would
 * silently undo their changes, so the person chooses: start again from the newest version, or keep the draft and
 * publish it on top, knowingly replacing what the newer version changed.
 */
export const OutdatedDraftNotice = ({
  base,
  newest,
  onLoadNewest,
  onKeepDraft,
}: {
  base: Playbook;
  newest: Playbook;
  onLoadNewest(): void;
  onKeepDraft(): void;
}) => {
  const publisher = usePublisherName([newest]);
  return (
    <div className="warning outdated-draft" role="alert">
      <p>
        <strong>
          v{newest.version} was published by {publisher(newest.ownerId)} (
          {formatPublished(newest.publishedAt)}) while you edited.
        </strong>{' '}
        Your draft is based on v{base.version}; publishing it as it is would undo their changes.
      </p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={onLoadNewest}>
          Load v{newest.version} (discard my draft)
        </button>
        <button type="button" onClick={onKeepDraft}>
          Keep my draft on top of v{newest.version}
        </button>
      </div>
    </div>
  );
};
