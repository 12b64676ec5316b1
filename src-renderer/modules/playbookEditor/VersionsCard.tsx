import type { Playbook } from '../../../src-shared/domain/playbook';
import { useSession } from '../../session/sessionStore';
import { usePublisherNames } from './usePlaybookVersions';

export const formatPublished = (at: number): string =>
  new Date(at).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** Who published which version when: records name the version that judged them, this says what it was. */
export const usePublisherName = (versions: readonly Playbook[] | undefined) => {
  const me = useSession((state) => state.user.id);
  const names = usePublisherNames(versions);
  return (ownerId: string) => (ownerId === me ? 'you' : (names.get(ownerId) ?? 'a colleague'));
};

export const VersionsCard = ({ versions }: { versions: readonly Playbook[] }) => {
  const publisher = usePublisherName(versions);
  return (
    <section className="card versions" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <ol className="version-list">
        {versions.map((version, index) => (
          <li key={version.id}>
            <span className="version-number">v{version.version}</span>
            <span className="version-facts">
              <span>
                {version.name}
                {index === 0 ? <span className="badge in-force">in force</span> : null}
              </span>
              <span className="muted">
                {formatPublished(version.publishedAt)} by {publisher(version.ownerId)}
              </span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
};
