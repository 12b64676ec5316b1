import type { ImportField } from '../../../src-shared/csv/columnMapping';
import { importFieldLabels } from '../../../src-shared/csv/columnMapping';
import type { ImportProblem } from '../../../src-shared/csv/importRows';
import { problemKindLabels } from '../../../src-shared/csv/importRows';

const shownRows = 200;

export const fieldLabel = (field: ImportField | 'row'): string =>
  field === 'row' ? 'Whole row' : importFieldLabels[field];

/** The rejected rows: row number, problem, field, value from the file and the reason; the rest in the report file. */
export const ProblemTable = ({ problems, label }: { problems: readonly ImportProblem[]; label: string }) => (
  <div className="table-scroll problem-scroll">
    <table className="problem-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Problem</th>
          <th scope="col">Field</th>
          <th scope="col">Value</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {problems.slice(0, shownRows).map((problem, index) => (
          <tr key={`${problem.rowNumber}-${problem.field}-${index}`} className={`problem-${problem.kind}`}>
            <td>{problem.rowNumber}</td>
            <td>{problemKindLabels[problem.kind]}</td>
            <td>{fieldLabel(problem.field)}</td>
            <td className="problem-value">{problem.value}</td>
            <td>{problem.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
    {problems.length > shownRows ? (
      <p className="hint">
        Showing the first {shownRows} of {problems.length}; the downloadable report has them all.
      </p>
    ) : null}
  </div>
);
