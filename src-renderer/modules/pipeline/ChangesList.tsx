import { useState } from 'react';
import { Link } from 'wouter';
import type { Lead } from '../../../src-shared/domain/lead';
import type { ReviewChange, ReviewChangeKind } from '../../../src-shared/rules/review';
import { countChanges, reviewChangeKinds } from '../../../src-shared/rules/review';
import { momentFormat } from './formats';

export const changeKindLabels: Record<ReviewChangeKind, string> = {
  created: 'New',
  qualified: 'Qualified',
  stage_changed: 'Stage changed',
  won: 'Won',
  lost: 'Lost',
  reassigned: 'Reassigned',
};

const pageSize = 40;

const describe = (change: ReviewChange<Lead>, repName: (id: string) => string): string => {
  if (change.kind === 'reassigned')
    return `${repName(change.fromOwnerId ?? '')} → ${repName(change.lead.ownerId)}`;
  if (change.kind === 'created') return change.lead.company || 'New record';
  if (change.kind === 'qualified')
    return change.detail ? `Entered sales as ${change.detail}` : 'Entered sales';
  return change.detail;
};

/** What changed since the last review, newest first, with a count per kind. */
export const ChangesList = ({
  changes,
  repName,
  heading,
}: {
  changes: readonly ReviewChange<Lead>[];
  repName: (id: string) => string;
  heading: string;
}) => {
  const [showAll, setShowAll] = useState(false);
  const counts = countChanges(changes);
  const shown = showAll ? changes : changes.slice(0, pageSize);
  return (
    <section className="card changes-card" aria-labelledby="changes-title">
      <h2 id="changes-title">{heading}</h2>
      <ul className="change-counts" aria-label="Changes by kind">
        {reviewChangeKinds.map((kind) => (
          <li key={kind} className={`change-count change-${kind}${counts[kind] === 0 ? ' none' : ''}`}>
            <strong>{counts[kind]}</strong> {changeKindLabels[kind].toLowerCase()}
          </li>
        ))}
      </ul>
      {changes.length === 0 ? (
        <p className="muted">Nothing changed since then.</p>
      ) : (
        <ol className="change-list" aria-label="Changes since the last review">
          {shown.map((change, index) => (
            <li key={`${change.kind}-${change.lead.id}-${change.at}-${index}`} className="change-row">
              <span className={`badge change-badge change-${change.kind}`}>
                {changeKindLabels[change.kind]}
              </span>
              <Link className="change-lead" href={`/leads/${change.lead.id}`}>
                {change.lead.firstName} {change.lead.lastName}
              </Link>
              <span className="change-detail">{describe(change, repName)}</span>
              <span className="muted change-meta">
                {momentFormat.format(change.at)}
                {change.byId ? ` · ${repName(change.byId)}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
      {shown.length < changes.length ? (
        <button type="button" className="link-button" onClick={() => setShowAll(true)}>
          Show all {changes.length}
        </button>
      ) : null}
    </section>
  );
};
