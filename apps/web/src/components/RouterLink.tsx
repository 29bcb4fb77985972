import { type AnchorHTMLAttributes, forwardRef } from 'react';
import { Link } from 'react-router';

/** Lets the design system's link components navigate client-side: they pass `href`, the router wants `to`. */
export const RouterLink = forwardRef<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement>>(
  function RouterLink({ href = '/', ...props }, ref) {
    return <Link ref={ref} to={href} {...props} />;
  },
);
