import { Heading } from '@amsterdam/design-system-react';
import { type ReactNode, useEffect } from 'react';

/** The page's one h1; sets the document title and can take the focus after navigation. */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const text = title ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    if (text) document.title = `${text} — Gezinsplan`;
  }, [text]);
  return (
    <Heading level={1} tabIndex={-1} className="gp-page-heading">
      {children}
    </Heading>
  );
}
