import type { ColumnMapping, ImportField } from '../../../src-shared/csv/columnMapping';
import { importFieldLabels, importFields, mappingProblems } from '../../../src-shared/csv/columnMapping';
import type { Campaign } from '../../../src-shared/domain/campaign';
import type { ParsedCsv } from './parseCsvFile';

const fieldHints: Partial<Record<ImportField, string>> = {
  fullName: 'Split into first and last name where those have no column',
};

/** Step 2: which column fills which field (proposed from the header names), and the campaign the rows belong to. */
export const MappingStep = ({
  parsed,
  mapping,
  campaignId,
  campaigns,
  onMapping,
  onCampaign,
  onCheck,
  onRestart,
}: {
  parsed: ParsedCsv;
  mapping: ColumnMapping;
  campaignId: string;
  campaigns: readonly Campaign[];
  onMapping(mapping: ColumnMapping): void;
  onCampaign(campaignId: string): void;
  onCheck(): void;
  onRestart(): void;
}) => {
  const problems = mappingProblems(mapping);
  const sample = parsed.rows[0]?.cells ?? [];
  return (
    <div className="import-step" aria-labelledby="mapping-title">
      <h3 id="mapping-title">Map the columns of {parsed.fileName}</h3>
      <p className="hint">
        {parsed.rows.length.toLocaleString()} rows read. Columns were matched by their names; correct any that
        are wrong. Columns not chosen are not imported.
      </p>
      <div className="mapping-grid">
        {importFields.map((field) => {
          const id = `map-${field}`;
          const index = mapping[field];
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>{importFieldLabels[field]}</label>
              <select
                id={id}
                value={index === null ? '' : String(index)}
                onChange={(event) =>
                  onMapping({
                    ...mapping,
                    [field]: event.target.value === '' ? null : Number(event.target.value),
                  })
                }
              >
                <option value="">— not in the file —</option>
                {parsed.headers.map((header, column) => (
                  <option key={column} value={column}>
                    {header || `Column ${column + 1}`}
                  </option>
                ))}
              </select>
              <span className="field-hint">
                {index !== null && sample[index] ? `e.g. “${sample[index]}”` : (fieldHints[field] ?? '')}
              </span>
            </div>
          );
        })}
      </div>
      <div className="field import-campaign">
        <label htmlFor="import-campaign">Import into campaign</label>
        <select id="import-campaign" value={campaignId} onChange={(event) => onCampaign(event.target.value)}>
          <option value="">No campaign</option>
          {campaigns.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.name}
            </option>
          ))}
        </select>
      </div>
      {problems.length > 0 ? (
        <ul className="mapping-problems" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <div className="form-actions">
        <button type="button" className="primary" disabled={problems.length > 0} onClick={onCheck}>
          Check rows
        </button>
        <button type="button" onClick={onRestart}>
          Choose another file
        </button>
      </div>
    </div>
  );
};
