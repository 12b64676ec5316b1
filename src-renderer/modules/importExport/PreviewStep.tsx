import type { ImportPlan } from './checkImport';
import { ProblemTable } from './ProblemTable';

const previewRows = 8;

export const Stat = ({
  label,
  value,
  tone,
}: {
  label: string;
  value: number;
  tone?: 'ok' | 'bad' | 'warn';
}) => (
  <div className={`stat${tone ? ` stat-${tone}` : ''}`}>
    <span className="stat-value">{value.toLocaleString()}</span>
    <span className="stat-label">{label}</span>
  </div>
);

/** Step 3: what the import will do, before anything is written: counts, the first rows, every rejected row. */
export const PreviewStep = ({
  plan,
  campaignName,
  onImport,
  onBack,
  onDownloadReport,
}: {
  plan: ImportPlan;
  campaignName: string;
  onImport(): void;
  onBack(): void;
  onDownloadReport(): void;
}) => (
  <div className="import-step" aria-labelledby="preview-title">
    <h3 id="preview-title">Preview</h3>
    <div className="stats" data-testid="import-preview-counts">
      <Stat label="rows read" value={plan.rowsRead} />
      <Stat label="valid, to import" value={plan.toImport.length} tone="ok" />
      <Stat label="invalid" value={plan.invalidRows} tone={plan.invalidRows > 0 ? 'bad' : undefined} />
      <Stat
        label="duplicates"
        value={plan.duplicateRows}
        tone={plan.duplicateRows > 0 ? 'warn' : undefined}
      />
    </div>
    {plan.blankRows > 0 ? (
      <p className="hint">
        {plan.blankRows === 1 ? '1 blank line was skipped.' : `${plan.blankRows} blank lines were skipped.`}
      </p>
    ) : null}
    {plan.toImport.length > 0 ? (
      <div className="table-scroll">
        <table className="preview-table" aria-label="Rows to import">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">First name</th>
              <th scope="col">Last name</th>
              <th scope="col">Company</th>
              <th scope="col">Job title</th>
              <th scope="col">Email</th>
              <th scope="col">Phone</th>
            </tr>
          </thead>
          <tbody>
            {plan.toImport.slice(0, previewRows).map(({ rowNumber, capture }) => (
              <tr key={rowNumber}>
                <td>{rowNumber}</td>
                <td>{capture.firstName}</td>
                <td>{capture.lastName}</td>
                <td>{capture.company}</td>
                <td>{capture.jobTitle}</td>
                <td>{capture.email}</td>
                <td>{capture.phone}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {plan.toImport.length > previewRows ? (
          <p className="hint">…and {(plan.toImport.length - previewRows).toLocaleString()} more.</p>
        ) : null}
      </div>
    ) : null}
    {plan.problems.length > 0 ? (
      <>
        <h4>Rows that will not be imported</h4>
        <ProblemTable problems={plan.problems} label="Rows that will not be imported" />
      </>
    ) : null}
    <div className="form-actions">
      <button type="button" className="primary" disabled={plan.toImport.length === 0} onClick={onImport}>
        {plan.toImport.length === 0
          ? 'Nothing to import'
          : `Import ${plan.toImport.length.toLocaleString()} ${plan.toImport.length === 1 ? 'lead' : 'leads'} into ${campaignName}`}
      </button>
      <button type="button" onClick={onBack}>
        Back to mapping
      </button>
      {plan.problems.length > 0 ? (
        <button type="button" className="link-button" onClick={onDownloadReport}>
          Download report (CSV)
        </button>
      ) : null}
    </div>
  </div>
);
