import type { Published } from './types';

/** A published figure in Dutch notation; "<10" and "x" as the API gives them, explained for screen readers. */
export function Figure({ value }: { value: Published | null | undefined }) {
  if (value === null || value === undefined) return <>–</>;
  if (value === '<10')
    return (
      <>
        <span aria-hidden="true">&lt;10</span>
        <span className="ams-visually-hidden">minder dan 10</span>
      </>
    );
  if (value === 'x')
    return (
      <>
        <span aria-hidden="true">x</span>
        <span className="ams-visually-hidden">verborgen</span>
      </>
    );
  return <>{value.toLocaleString('nl-NL')}</>;
}

export function figureText(value: Published | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'number' ? value.toLocaleString('nl-NL') : value;
}
