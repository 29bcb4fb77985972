import {
  Checkbox,
  DateInput,
  ErrorMessage,
  Field,
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
}: FieldProps & { value: string; onChange: (value: string) => void; max?: string; min?: string }) {
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
