import { Link } from 'wouter';
import type { InsightTag } from '../../../src-shared/domain/vocabulary';
import type { InsightTagSummary } from '../../../src-shared/rules/insights';

const tagLabels: Record<InsightTag, string> = {
  needs: 'Needs',
  cares_about: 'Cares about',
  complains_about: 'Complains about',
  reacts_to: 'Reacts to',
};

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** What reps hear, as they tagged it: a count per tag and the newest notes. */
export const InsightTags = ({
  tags,
  leadNames,
  repName,
}: {
  tags: readonly InsightTagSummary[];
  leadNames: ReadonlyMap<string, string>;
  repName(id: string): string;
}) => (
  <section className="card" aria-labelledby="insight-tags-title">
    <h2 id="insight-tags-title">Customer insight from notes</h2>
    <div className="insight-grid">
      {tags.map((entry) => (
        <article key={entry.tag} className="insight-tag" aria-labelledby={`tag-${entry.tag}`}>
          <h3 id={`tag-${entry.tag}`}>
            {tagLabels[entry.tag]} <span className="queue-count">{entry.count}</span>
          </h3>
          {entry.samples.length === 0 ? (
            <p className="muted">No tagged notes in this period.</p>
          ) : (
            <ul className="insight-samples">
              {entry.samples.map((sample) => (
                <li key={sample.id}>
                  <p className="insight-note">{sample.notes}</p>
                  <span className="muted">
                    <Link href={`/leads/${sample.leadId}`}>{leadNames.get(sample.leadId) ?? 'Lead'}</Link> ·{' '}
                    {dayFormat.format(sample.at)} · {repName(sample.ownerId)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </div>
  </section>
);
