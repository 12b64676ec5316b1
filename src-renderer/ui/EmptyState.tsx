import type { ReactNode } from 'react';

export const EmptyState = ({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) => (
  <div className="empty-state">
    <h2>{title}</h2>
    {children ? <p>{children}</p> : null}
    {action}
  </div>
);
