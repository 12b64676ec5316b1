import type { ScanProgress } from './scanLeadFacts';
import { formatAmount } from './format';

/**
 * Says that figures are being (re)computed and how far along, so a manager with tens of thousands of leads sees
 * progress instead of a frozen screen. Figures already shown stay until the new ones are ready.
 */
export const ScanStatus = ({
  progress,
  error,
  what,
}: {
  progress: ScanProgress | null;
  error: string | null;
  what: string;
}) => {
  if (error)
    return (
      <p className="warning" role="alert">
        Could not compute the figures: {error}
      </p>
    );
  if (!progress) return null;
  const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  return (
    <div className="scan-status" role="status" aria-label="Computing figures">
      <span>
        Counting {what}…{' '}
        {progress.total > 0 ? `${formatAmount(progress.done)} of ${formatAmount(progress.total)}` : ''}
      </span>
      <span className="scan-bar" aria-hidden="true">
        <span className="scan-fill" style={{ width: `${share * 100}%` }} />
      </span>
    </div>
  );
};
