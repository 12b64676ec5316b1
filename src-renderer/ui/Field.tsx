import type { ReactNode } from 'react';

/** A labelled form field with its validation message tied to the input for screen readers. */
export const Field = ({
  id,
  label,
  error,
  children,
  hint,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ReactNode;
}) => (
  <div className={`field${error ? ' field-invalid' : ''}`}>
    <label htmlFor={id}>{label}</label>
    {children}
    {hint && !error ? <span className="field-hint">{hint}</span> : null}
    {error ? (
      <span className="field-error" id={`${id}-error`} role="alert">
        {error}
      </span>
    ) : null}
  </div>
);
