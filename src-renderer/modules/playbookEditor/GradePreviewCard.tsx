import type { Playbook } from '../../../src-shared/domain/playbook';
import type { GradeOrNone } from '../../../src-shared/playbook/gradeChanges';
import { useDatabase } from '../../app/DatabaseContext';
import { GradeBadge } from '../../ui/Badges';
import type { ScanProgress } from './gradeScan';
import { useGradePreview } from './useGradePreview';

const number = (value: number) => value.toLocaleString();

const Progress = ({ label, progress }: { label: string; progress: ScanProgress }) => {
  const percent = progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;
  const text = `${label} ${number(progress.done)} of ${number(progress.total)}`;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={progress.total}
      aria-valuenow={progress.done}
      aria-valuetext={text}
    >
      <span className="progress-fill" style={{ width: `${percent}%` }} />
      <span className="progress-label">{text}</span>
    </div>
  );
};

const Grade = ({ grade }: { grade: GradeOrNone }) => <GradeBadge grade={grade === 'none' ? null : grade} />;

/**
 * How many qualified leads on this device would get another grade under the draft. Read-only: publishing never
 * re-grades a record; this shows what re-qualifying them would do.
 */
export const GradePreviewCard = ({ draft }: { draft: Playbook | null }) => {
  const preview = useGradePreview(useDatabase(), draft);
  return (
    <section className="grade-preview" aria-labelledby="grade-preview-title" aria-live="polite">
      <h3 id="grade-preview-title">Grade preview</h3>
      {preview.phase === 'waiting' ? (
        <p className="hint">Fix the marked fields to see how grades would change.</p>
      ) : null}
      {preview.phase === 'reading' ? <Progress label="Reading leads" progress={preview.progress} /> : null}
      {preview.phase === 'grading' ? (
        <Progress label="Grading qualified leads" progress={preview.progress} />
      ) : null}
      {preview.phase === 'failed' ? (
        <p className="field-error" role="alert">
          The preview stopped: {preview.message}
        </p>
      ) : null}
      {preview.phase === 'done' ? (
        <>
          <p className="preview-headline" data-testid="grade-preview">
            <strong>{number(preview.summary.changed)}</strong> of {number(preview.summary.considered)}{' '}
            qualified leads would change grade
          </p>
          {preview.summary.transitions.length > 0 ? (
            <ul className="transitions" aria-label="Grade changes">
              {preview.summary.transitions.map((transition) => (
                <li key={`${transition.from}-${transition.to}`}>
                  <span className="transition">
                    <Grade grade={transition.from} /> <span aria-label="to">→</span>{' '}
                    <Grade grade={transition.to} />
                  </span>
                  <span className="count">{number(transition.count)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="hint">
            Publishing changes no record: each keeps the version that judged it until it is qualified again.
          </p>
        </>
      ) : null}
    </section>
  );
};
