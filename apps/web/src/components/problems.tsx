import { Alert, InvalidFormAlert, Paragraph, UnorderedList } from '@amsterdam/design-system-react';
import { ApiError } from '../api/client';
import type { FieldError } from '../api/types';

/** The API's validation messages in Dutch where class-validator's defaults are English. */
export function dutchMessage(message: string): string {
  const rules: [RegExp, string | ((m: RegExpExecArray) => string)][] = [
    [/should not be empty/, 'Vul dit veld in.'],
    [/must be a UUID/, 'Maak een keuze.'],
    [/must be one of the following values/, 'Kies een van de mogelijkheden.'],
    [/must be a string/, 'Vul hier tekst in.'],
    [/must be a boolean/, 'Kies ja of nee.'],
    [/shorter than or equal to (\d+) characters/, (m) => `Gebruik hoogstens ${m[1]} tekens.`],
    [/longer than or equal to (\d+) characters/, (m) => `Gebruik minstens ${m[1]} tekens.`],
    [/should not exist/, 'Dit veld wordt niet herkend.'],
    [/must contain at least (\d+) elements/, (m) => `Voeg er minstens ${m[1]} toe.`],
  ];
  for (const [pattern, replacement] of rules) {
    const match = pattern.exec(message);
    if (match) return typeof replacement === 'string' ? replacement : replacement(match);
  }
  return message;
}

export type FieldErrors = Record<string, string>;

/**
 * Splits an API error into messages per form field (keyed by the API's field path, e.g.
 * `members.0.bsn`) and the rest, which is shown above the form.
 */
export function splitFieldErrors(
  error: ApiError | null | undefined,
  knownFields: (field: string) => boolean,
): { fields: FieldErrors; other: FieldError[] } {
  const fields: FieldErrors = {};
  const other: FieldError[] = [];
  for (const e of error?.fieldErrors ?? []) {
    if (knownFields(e.field) && !fields[e.field]) fields[e.field] = dutchMessage(e.message);
    else if (!knownFields(e.field)) other.push({ field: e.field, message: dutchMessage(e.message) });
  }
  return { fields, other };
}

/** An API error as an alert: the problem's title and `detail`, plus field errors no field on screen shows. */
export function ProblemAlert({
  error,
  headingLevel = 2,
  otherErrors,
}: {
  error: ApiError;
  headingLevel?: 2 | 3 | 4;
  otherErrors?: FieldError[];
}) {
  const extra = otherErrors ?? error.fieldErrors.map((e) => ({ ...e, message: dutchMessage(e.message) }));
  return (
    <div role="alert" className="gp-problem">
      <Alert severity="error" heading={error.problem.title} headingLevel={headingLevel}>
        {error.problem.detail && <Paragraph>{error.problem.detail}</Paragraph>}
        {extra.length > 0 && (
          <UnorderedList>
            {extra.map((e) => (
              <UnorderedList.Item key={`${e.field}:${e.message}`}>
                {e.field}: {e.message}
              </UnorderedList.Item>
            ))}
          </UnorderedList>
        )}
        {error.problem.traceId && (
          <Paragraph size="small">Kenmerk voor de servicedesk: {error.problem.traceId}</Paragraph>
        )}
      </Alert>
    </div>
  );
}

/** The error summary at the top of a form: one link per invalid field; it takes the focus. */
export function ErrorSummary({ errors }: { errors: { id: string; label: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <InvalidFormAlert
      headingLevel={2}
      heading="Verbeter de fouten voordat u verdergaat"
      errors={errors}
      className="gp-error-summary"
    />
  );
}

/** What a form shows above its fields: the error summary, or else the API's problem. */
export function FormErrors({
  summary,
  problem,
  headingLevel = 2,
}: {
  summary: { id: string; label: string }[];
  problem: ApiError | null;
  headingLevel?: 2 | 3 | 4;
}) {
  if (summary.length) return <ErrorSummary errors={summary} />;
  return problem ? <ProblemAlert error={problem} headingLevel={headingLevel} /> : null;
}
