/** A labelled progress bar (the shared .progress style); `done` of `total`, or a share when total is 1. */
export const ProgressBar = ({
  label,
  done,
  total,
  text,
}: {
  label: string;
  done: number;
  total: number;
  text: string;
}) => (
  <div
    className="progress"
    role="progressbar"
    aria-label={label}
    aria-valuemin={0}
    aria-valuemax={total}
    aria-valuenow={done}
    aria-valuetext={text}
  >
    <span className="progress-fill" style={{ width: `${total > 0 ? (100 * done) / total : 0}%` }} />
    <span className="progress-label">{text}</span>
  </div>
);
