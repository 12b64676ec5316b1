import { useMemo } from 'react';
import type { SyncIssue } from '../../db/collections/syncIssues';
import { useDatabase } from '../../app/DatabaseContext';
import { EmptyState } from '../../ui/EmptyState';
import { useToasts } from '../../ui/toasts';
import { useObservable } from '../../ui/useObservable';
import { markSyncIssuesReviewed, unreviewedIssuesQuery } from '../../sync/syncIssues';
import { restoreOurValue } from './restoreOurValue';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Shows a stored JSON value the way a person reads it. */
const readable = (json: string): string => {
  try {
    const value: unknown = JSON.parse(json);
    if (value === null || value === '') return '(empty)';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && value > 1_000_000_000_000) return dateTime.format(value);
    return JSON.stringify(value);
  } catch {
    return json;
  }
};

/**
 * Everything sync could not settle silently: fields both sides changed (decided by the stated rule, shown with
 * both values so the person can take theirs back) and changes the server refused (with its reason).
 */
export const SyncIssuesScreen = () => {
  const db = useDatabase();
  const conflicts = useObservable(
    useMemo(() => db.syncIssues.find(unreviewedIssuesQuery('conflict')).$, [db]),
  );
  const rejected = useObservable(
    useMemo(() => db.syncIssues.find(unreviewedIssuesQuery('rejected')).$, [db]),
  );
  const pushToast = useToasts((state) => state.push);

  const review = (issues: readonly { id: string }[]) =>
    void markSyncIssuesReviewed(
      db,
      issues.map((issue) => issue.id),
    );

  const keepMine = async (issue: SyncIssue) => {
    try {
      await restoreOurValue(db, issue);
      await markSyncIssuesReviewed(db, [issue.id]);
      pushToast('Your value is back and will sync');
    } catch (error) {
      pushToast(error instanceof Error ? error.message : String(error), 'error');
    }
  };

  if (conflicts === undefined || rejected === undefined) return <p className="loading">Loading…</p>;
  return (
    <section className="screen" aria-labelledby="sync-title">
      <header className="screen-header">
        <div>
          <h1 id="sync-title">Sync review</h1>
          <p className="muted">
            When the same field was changed here and by someone else, the later change is kept (by its time of
            edit; on a tie, the server&apos;s). Nothing is thrown away: both values are listed here.
          </p>
        </div>
      </header>
      <div className="card">
        <h2>Conflicts ({conflicts.length})</h2>
        {conflicts.length === 0 ? (
          <p className="muted">No conflicting edits to review.</p>
        ) : (
          <>
            <table className="issues" aria-label="Conflicts">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Record</th>
                  <th>Field</th>
                  <th>Your value</th>
                  <th>Their value</th>
                  <th>Kept</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {conflicts.map((issue) => (
                  <tr key={issue.id}>
                    <td>{dateTime.format(issue.at)}</td>
                    <td>
                      {issue.collectionName === 'leads' ? (
                        <a href={`#/leads/${issue.documentId}`}>Open lead</a>
                      ) : (
                        `${issue.collectionName} ${issue.documentId}`
                      )}
                    </td>
                    <td>{issue.field}</td>
                    <td>{readable(issue.ours)}</td>
                    <td>{readable(issue.theirs)}</td>
                    <td>{issue.chosen === 'ours' ? 'Yours' : 'Theirs'}</td>
                    <td className="actions">
                      {issue.chosen === 'theirs' && issue.field !== '_deleted' ? (
                        <button type="button" onClick={() => void keepMine(issue.toJSON() as SyncIssue)}>
                          Use mine
                        </button>
                      ) : null}
                      <button type="button" onClick={() => review([issue])}>
                        OK
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" onClick={() => review(conflicts)}>
              Mark all as reviewed
            </button>
          </>
        )}
      </div>
      <div className="card">
        <h2>Refused by the server ({rejected.length})</h2>
        {rejected.length === 0 ? (
          <EmptyState title="Nothing refused">Every change you made was accepted.</EmptyState>
        ) : (
          <ul className="rejections" aria-label="Refused changes">
            {rejected.map((issue) => (
              <li key={issue.id}>
                <strong>
                  {issue.collectionName} {issue.documentId}
                </strong>
                : {issue.reason} <span className="muted">({dateTime.format(issue.at)})</span>{' '}
                <span className="muted">Your version is kept on this device.</span>{' '}
                <button type="button" onClick={() => review([issue])}>
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
};
