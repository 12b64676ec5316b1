import { useSession } from '../../session/sessionStore';
import { EmptyState } from '../../ui/EmptyState';
import { draftKey, usePlaybookDrafts } from './draftStore';
import { canEditPlaybook } from './permissions';
import { PlaybookEditor } from './PlaybookEditor';
import { usePlaybookVersions } from './usePlaybookVersions';
import { formatPublished, usePublisherName, VersionsCard } from './VersionsCard';
import './playbookEditor.css';

/**
 * The lead definition shared by sales and marketing. Managers and marketing edit a draft and publish it as a new
 * version that replication takes to every device; reps read the version in force. Works offline from the local
 * copy: publishing offline stores the new version locally and it goes out on the next sync.
 */
export const PlaybookEditorScreen = () => {
  const user = useSession((state) => state.user);
  const versions = usePlaybookVersions();
  const publisher = usePublisherName(versions);
  // Only the draft's base matters here; the content is the editor's business (and changes on every keystroke).
  const draftBaseId = usePlaybookDrafts((state) => state.drafts[draftKey(user)]?.baseId);
  if (versions === undefined) return <p className="loading">Loading…</p>;
  const newest = versions[0];
  if (!newest)
    return <EmptyState title="No playbook yet">The lead definition has not reached this device.</EmptyState>;
  const readOnly = !canEditPlaybook(user.role);
  const base = (!readOnly && versions.find((version) => version.id === draftBaseId)) || newest;

  return (
    <section className="screen playbook-screen" aria-labelledby="playbook-title">
      <header className="screen-header">
        <div>
          <h1 id="playbook-title">Playbook</h1>
          <p className="muted" data-testid="playbook-in-force">
            “{newest.name}” · <strong>v{newest.version} in force</strong> · published{' '}
            {formatPublished(newest.publishedAt)} by {publisher(newest.ownerId)}
          </p>
        </div>
        {readOnly ? (
          <span className="badge read-only-badge">Read-only</span>
        ) : (
          <p className="hint header-hint">
            Publishing creates v{newest.version + 1} for every device of the team. Records keep the version
            that judged them.
          </p>
        )}
      </header>
      {readOnly ? (
        <p className="hint">
          Your manager and marketing agree the lead definition; this is the version every qualification uses
          now.
        </p>
      ) : null}
      <PlaybookEditor
        key={base.id}
        base={base}
        newest={newest}
        readOnly={readOnly}
        aside={<VersionsCard versions={versions} />}
      />
    </section>
  );
};
