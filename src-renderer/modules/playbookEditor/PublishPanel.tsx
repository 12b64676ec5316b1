import { useMemo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Playbook } from '../../../src-shared/domain/playbook';
import { describeChanges } from '../../../src-shared/playbook/playbookChanges';
import type { PlaybookContent } from '../../../src-shared/playbook/playbookDraft';
import { validatePlaybookDraft } from '../../../src-shared/playbook/playbookDraft';
import { deepEqual } from '../../sync/documentEquality';
import { GradePreviewCard } from './GradePreviewCard';

/**
 * The draft's state beside the editor: what changed against the version it is based on, the grade preview, and
 * publishing (with a confirmation listing the changes, since every device of the team receives them).
 */
export const PublishPanel = ({
  base,
  baseContent,
  confirming,
  publishing,
  onDiscard,
  onConfirm,
  onCancel,
}: {
  base: Playbook;
  baseContent: PlaybookContent;
  /** The validated draft waiting for confirmation, or null while editing. */
  confirming: PlaybookContent | null;
  publishing: boolean;
  onDiscard(): void;
  onConfirm(): void;
  onCancel(): void;
}) => {
  const { control } = useFormContext<PlaybookContent>();
  const values = useWatch({ control }) as PlaybookContent;
  const dirty = !deepEqual(values, baseContent);
  const validation = useMemo(() => validatePlaybookDraft(values), [values]);
  // A stable key for the draft's content, so the preview restarts only when the content really changed.
  const contentKey = validation.ok ? JSON.stringify(validation.content) : '';
  const draftPlaybook = useMemo(
    () => (contentKey ? ({ ...base, ...(JSON.parse(contentKey) as PlaybookContent) } as Playbook) : null),
    [base, contentKey],
  );
  const changes = useMemo(
    () => (validation.ok ? describeChanges(baseContent, validation.content) : []),
    [baseContent, validation],
  );
  // Whitespace-only edits are no change: the published content is trimmed.
  const changed = validation.ok ? !deepEqual(validation.content, baseContent) : dirty;
  const next = base.version + 1;
  const summary = !validation.ok
    ? 'fields to fix'
    : changes.length === 1
      ? '1 change'
      : changes.length > 1
        ? `${changes.length} changes`
        : 'changed';

  return (
    <aside className="card publish-panel" aria-labelledby="publish-title">
      <h2 id="publish-title">Draft</h2>
      <p className="draft-state" data-testid="draft-state">
        {changed ? `Based on v${base.version} · ${summary}` : `No changes to v${base.version} yet`}
      </p>
      <GradePreviewCard draft={draftPlaybook} />
      {confirming ? (
        <div className="confirm-publish" role="group" aria-labelledby="confirm-title">
          <h3 id="confirm-title">Publish v{next} to every device of the team?</h3>
          <ul className="change-list">
            {describeChanges(baseContent, confirming).map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
          <div className="form-actions">
            <button type="button" className="primary" onClick={onConfirm} disabled={publishing}>
              Publish v{next} now
            </button>
            <button type="button" onClick={onCancel} disabled={publishing}>
              Back to editing
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!changed}>
            Publish v{next}
          </button>
          <button type="button" onClick={onDiscard} disabled={!dirty}>
            Discard draft
          </button>
        </div>
      )}
    </aside>
  );
};
