import type { Grade, LeadStatus } from '../../src-shared/domain/vocabulary';
import { leadStatusLabels } from '../../src-shared/domain/vocabulary';

const gradeLabels: Record<Grade, string> = { hot: 'Hot', warm: 'Warm', future: 'Future' };

export const GradeBadge = ({ grade }: { grade: Grade | '' | null }) =>
  grade ? (
    <span className={`badge grade-${grade}`}>{gradeLabels[grade]}</span>
  ) : (
    <span className="badge badge-muted">No grade</span>
  );

export const StatusBadge = ({ status }: { status: LeadStatus }) => (
  <span className={`badge status-${status}`}>{leadStatusLabels[status]}</span>
);

export const FitMeter = ({ score, label = 'Fit' }: { score: number; label?: string }) => (
  <span className="fit-meter" title={`${label} ${score} of 100`}>
    <span className="fit-meter-bar">
      <span className="fit-meter-fill" style={{ width: `${score}%` }} />
    </span>
    <span className="fit-meter-value">{score}</span>
  </span>
);
