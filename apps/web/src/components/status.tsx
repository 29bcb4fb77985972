import { Paragraph } from '@amsterdam/design-system-react';
import type { ReactNode } from 'react';

/** A loading message screen readers hear (role=status) without moving the focus. */
export function Loading({ children = 'Bezig met laden…' }: { children?: ReactNode }) {
  return (
    <div role="status" className="gp-loading">
      <span className="gp-spinner" aria-hidden="true" />
      <Paragraph>{children}</Paragraph>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <Paragraph className="gp-empty">{children}</Paragraph>;
}
