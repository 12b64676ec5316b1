import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { Lead } from '../../../src-shared/domain/lead';

export type PickRow = { lead: Lead; cells: ReactNode[] };

/**
 * A list of leads the manager can pick for reassignment (checkboxes only when `selectable`): name and company,
 * then the list's own columns.
 */
export const LeadPicks = ({
  id,
  title,
  hint,
  empty,
  columns,
  rows,
  selectable,
  selected,
  onToggle,
  tone,
}: {
  id: string;
  title: string;
  hint: string;
  empty: string;
  columns: readonly string[];
  rows: readonly PickRow[];
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle(ids: readonly string[], on: boolean): void;
  tone: 'stalled' | 'overdue';
}) => {
  const allOn = rows.length > 0 && rows.every((row) => selected.has(row.lead.id));
  return (
    <section className={`card picks-card picks-${tone}`} aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="queue-count">{rows.length}</span>
      </h2>
      <p className="hint">{hint}</p>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="picks-table" aria-label={title}>
            <thead>
              <tr>
                {selectable ? (
                  <th scope="col" className="pick">
                    <input
                      type="checkbox"
                      aria-label={`Select all ${title.toLowerCase()}`}
                      checked={allOn}
                      onChange={(event) =>
                        onToggle(
                          rows.map((row) => row.lead.id),
                          event.target.checked,
                        )
                      }
                    />
                  </th>
                ) : null}
                <th scope="col">Lead</th>
                {columns.map((column) => (
                  <th scope="col" key={column}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ lead, cells }) => {
                const name = `${lead.firstName} ${lead.lastName}`;
                return (
                  <tr key={lead.id} className={selected.has(lead.id) ? 'picked' : undefined}>
                    {selectable ? (
                      <td className="pick">
                        <input
                          type="checkbox"
                          aria-label={`Select ${name}`}
                          checked={selected.has(lead.id)}
                          onChange={(event) => onToggle([lead.id], event.target.checked)}
                        />
                      </td>
                    ) : null}
                    <td className="pick-lead">
                      <Link href={`/leads/${lead.id}`}>{name}</Link>
                      <span className="muted">{lead.company || 'No company'}</span>
                    </td>
                    {cells.map((cell, index) => (
                      <td key={columns[index]}>{cell}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
