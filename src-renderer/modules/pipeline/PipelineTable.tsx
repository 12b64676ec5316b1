import type { PipelineCell, PipelineMatrix, PipelineStageRow } from '../../../src-shared/rules/review';
import { money } from './formats';

const Cell = ({ cell, expected }: { cell: PipelineCell | undefined; expected: boolean }) =>
  cell && cell.count > 0 ? (
    <>
      <span className="cell-count">{cell.count}</span>
      <span className="cell-value">{money(cell.value)}</span>
      {expected ? <span className="cell-expected">exp. {money(cell.expected)}</span> : null}
    </>
  ) : (
    <span className="muted" aria-label="none">
      –
    </span>
  );

const StageRow = ({ row, reps }: { row: PipelineStageRow; reps: readonly string[] }) => {
  const open = row.stage.outcome === 'open' && row.known;
  return (
    <tr className={`stage-row stage-${row.known ? row.stage.outcome : 'unknown'}`}>
      <th scope="row">
        {row.stage.label}
        {row.known ? <span className="muted"> {row.stage.probability} %</span> : null}
      </th>
      {reps.map((rep) => (
        <td key={rep}>
          <Cell cell={row.byRep.get(rep)} expected={open} />
        </td>
      ))}
      <td className="total">
        <Cell cell={row.total} expected={open} />
      </td>
    </tr>
  );
};

/**
 * Stage x rep: count, value and expected value (value x stage probability) of each cell. Open stages first with
 * their total (the open pipeline, as the forecast counts it), then what closed as won or lost.
 */
export const PipelineTable = ({
  matrix,
  repName,
}: {
  matrix: PipelineMatrix;
  repName: (id: string) => string;
}) => {
  const openRows = matrix.rows.filter((row) => row.stage.outcome === 'open' && row.known);
  const closedRows = matrix.rows.filter((row) => !(row.stage.outcome === 'open' && row.known));
  return (
    <section className="card pipeline-card" aria-labelledby="pipeline-by-stage">
      <h2 id="pipeline-by-stage">Pipeline by stage and rep</h2>
      {matrix.reps.length === 0 ? (
        <p className="muted">No leads in sales yet. Qualified leads appear here with their stage.</p>
      ) : (
        <div className="table-scroll">
          <table className="pipeline-table" aria-label="Pipeline by stage and rep">
            <thead>
              <tr>
                <th scope="col">Stage</th>
                {matrix.reps.map((rep) => (
                  <th scope="col" key={rep}>
                    {repName(rep)}
                  </th>
                ))}
                <th scope="col" className="total">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {openRows.map((row) => (
                <StageRow key={row.stage.id} row={row} reps={matrix.reps} />
              ))}
            </tbody>
            <tbody className="open-total">
              <tr>
                <th scope="row">Open pipeline</th>
                {matrix.reps.map((rep) => (
                  <td key={rep}>
                    <Cell cell={matrix.openByRep.get(rep)} expected />
                  </td>
                ))}
                <td className="total">
                  <Cell cell={matrix.open} expected />
                </td>
              </tr>
            </tbody>
            <tbody className="closed">
              {closedRows.map((row) => (
                <StageRow key={row.stage.id} row={row} reps={matrix.reps} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
