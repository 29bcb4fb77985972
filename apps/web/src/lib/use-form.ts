import { type FormEvent, useState } from 'react';
import type { ApiError } from '../api/client';
import { splitFieldErrors } from '../components/problems';
import { useDraft } from './drafts';
import { toApiError } from './use-resource';

export type Errors<T> = Partial<Record<keyof T & string, string>>;

export interface FormOptions<T> {
  /** The sessionStorage key of the draft (kept through a reload or a lapsed session). */
  draftKey: string;
  initial: T;
  /** Field labels; also the fields the API's errors are matched to. */
  labels: Record<keyof T & string, string>;
  /** Prefix of the field ids (`${idPrefix}-${field}`), for the error summary's links. */
  idPrefix: string;
  /** Client-side checks: a message per field that is not right yet. */
  validate?: (draft: T) => Errors<T>;
  /** Sends the draft; maps an API error field (e.g. `payee.name`) to a form field when they differ. */
  submit: (draft: T) => Promise<void>;
  fieldOf?: (apiField: string) => (keyof T & string) | undefined;
}

/**
 * The state every form of the app shares: a draft that survives a lapsed session, client-side checks,
 * the API's field errors next to their fields, the rest as a problem above the form, and busy while
 * sending. The draft is cleared after a successful submit.
 */
export function useForm<T extends object>(options: FormOptions<T>) {
  const { labels, idPrefix } = options;
  const [draft, setDraft, clearDraft] = useDraft<T>(options.draftKey, options.initial);
  const [errors, setErrors] = useState<Errors<T>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set =
    <K extends keyof T>(key: K) =>
    (value: T[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    const missing = options.validate?.(draft) ?? {};
    setErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length) return false;
    setBusy(true);
    try {
      await options.submit(draft);
      clearDraft();
      return true;
    } catch (e) {
      const error = toApiError(e);
      const fieldOf = (f: string) =>
        options.fieldOf?.(f) ?? (f in labels ? (f as keyof T & string) : undefined);
      const { fields } = splitFieldErrors(error, (f) => fieldOf(f) !== undefined);
      const mapped: Errors<T> = {};
      for (const [field, message] of Object.entries(fields)) mapped[fieldOf(field)!] ??= message;
      setErrors(mapped);
      setProblem(error);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const summary = (Object.keys(errors) as (keyof T & string)[])
    .filter((key) => errors[key])
    .map((key) => ({ id: `#${idPrefix}-${key}`, label: `${labels[key]}: ${errors[key]}` }));

  /** Props for a field component: id, label, value, onChange and error. */
  const field = <K extends keyof T & string>(key: K) => ({
    id: `${idPrefix}-${key}`,
    label: labels[key],
    value: draft[key],
    onChange: set(key),
    error: errors[key],
  });

  const reset = () => {
    clearDraft();
    setErrors({});
    setProblem(null);
  };

  return { draft, setDraft, set, field, errors, problem, busy, onSubmit, summary, reset };
}
