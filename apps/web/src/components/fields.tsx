import {
  Checkbox,
  DateInput,
  ErrorMessage,
  Field,
  FieldSet,
  Label,
  Paragraph,
  Select,
  TextArea,
  TextInput,
} from '@amsterdam/design-system-react';
import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
}

/** aria-describedby for a field's hint and error, in reading order. */
function describedBy(id: string, hint?: string, error?: string) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

function Frame({ id, label, hint, error, optional, children }: FieldProps & { children: ReactNode }) {
  return (
    <Field invalid={Boolean(error)} className="gp-field">
      <Label htmlFor={id} optional={optional}>
        {label}
      </Label>
      {hint && (
        <Paragraph id={`${id}-hint`} size="small" className="gp-hint">
          {hint}
        </Paragraph>
      )}
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      {children}
    </Field>
  );
}

type InputProps = FieldProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email';
  maxLength?: number;
  size?: number;
  readOnly?: boolean;
  autoFocus?: boolean;
  password?: boolean;
};

export function TextField({ onChange, password, autoFocus, ...props }: InputProps) {
  const { id, hint, error, optional, label: _label, ...input } = props;
  const focus = autoFocus ? { autoFocus: true, 'data-autofocus': true } : {};
  return (
    <Frame {...props}>
      {password ? (
        <input
          {...input}
          {...focus}
          id={id}
          type="password"
          className="ams-password-input"
          aria-invalid={error ? true : undefined}
          aria-required={optional ? undefined : true}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <TextInput
          {...input}
          {...focus}
          id={id}
          invalid={Boolean(error)}
          aria-required={optional ? undefined : true}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Frame>
  );
}

export function DateField({
  onChange,
  ...props
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  max?: string;
  min?: string;
  /** A date, or a date and time of day. */
  type?: 'date' | 'datetime-local';
}) {
  const { id, hint, error, optional, label: _label, ...input } = props;
  return (
    <Frame {...props}>
      <DateInput
        {...input}
        id={id}
        invalid={Boolean(error)}
        aria-required={optional ? undefined : true}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  onChange,
  options,
  placeholder,
  ...props
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  /** The first, empty option ("Kies …"); left out when a value is always chosen. */
  placeholder?: string;
}) {
  const { id, hint, error, optional, label: _label, value } = props;
  return (
    <Frame {...props}>
      <Select
        id={id}
        value={value}
        invalid={Boolean(error)}
        aria-required={optional ? undefined : true}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined && <Select.Option value="">{placeholder}</Select.Option>}
        {options.map((option) => (
          <Select.Option key={option.value} value={option.value}>
            {option.label}
          </Select.Option>
        ))}
      </Select>
    </Frame>
  );
}

export function TextAreaField({
  onChange,
  ...props
}: FieldProps & { value: string; onChange: (value: string) => void; rows?: number; maxLength?: number }) {
  const { id, hint, error, optional, label: _label, ...input } = props;
  return (
    <Frame {...props}>
      <TextArea
        {...input}
        id={id}
        invalid={Boolean(error)}
        aria-required={optional ? undefined : true}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Frame>
  );
}

export function CheckboxField({
  id,
  label,
  checked,
  onChange,
  hint,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  return (
    <Field className="gp-field">
      <Checkbox
        id={id}
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      >
        {label}
      </Checkbox>
      {hint && (
        <Paragraph id={`${id}-hint`} size="small" className="gp-hint">
          {hint}
        </Paragraph>
      )}
    </Field>
  );
}

/**
 * A group of checkboxes for a multiple choice (topics, goals, schemes), with one legend and one error.
 * The boxes are large enough to tap on a tablet.
 */
export function CheckboxGroupField({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: Option[];
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const toggle = (option: string, checked: boolean) =>
    onChange(checked ? [...value, option] : value.filter((v) => v !== option));
  return (
    <FieldSet
      id={id}
      legend={legend}
      invalid={Boolean(error)}
      aria-describedby={describedBy(id, hint, error)}
      className="gp-field gp-choices"
    >
      {hint && (
        <Paragraph id={`${id}-hint`} size="small" className="gp-hint">
          {hint}
        </Paragraph>
      )}
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      <div className="gp-choice-grid">
        {options.map((option) => (
          <Checkbox
            key={option.value}
            id={`${id}-${option.value}`}
            checked={value.includes(option.value)}
            invalid={Boolean(error)}
            onChange={(event) => toggle(option.value, event.target.checked)}
          >
            {option.label}
          </Checkbox>
        ))}
      </div>
    </FieldSet>
  );
}

/** A file chooser with its label, hint and error, in the same frame as the other fields. */
export function FileField({
  onChange,
  accept,
  ...props
}: FieldProps & { onChange: (file: File | null) => void; accept?: string }) {
  const { id, hint, error, optional } = props;
  return (
    <Frame {...props}>
      <input
        id={id}
        type="file"
        accept={accept}
        className="ams-file-input"
        aria-invalid={error ? true : undefined}
        aria-required={optional ? undefined : true}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
    </Frame>
  );
}
