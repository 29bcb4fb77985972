import { ActionGroup, Button } from '@amsterdam/design-system-react';

interface Props {
  form: { busy: boolean; reset: () => void };
  label: string;
  busyLabel: string;
  /** Called after the typed draft is discarded. */
  onCancel: () => void;
  /** In a dialog: focus starts on Annuleren, the choice that changes nothing. */
  focusCancel?: boolean;
}

/** Submit and cancel of a form: the submit shows it is busy, cancel discards the draft. */
export function FormActions({ form, label, busyLabel, onCancel, focusCancel = false }: Props) {
  return (
    <ActionGroup>
      <Button type="submit" disabled={form.busy}>
        {form.busy ? busyLabel : label}
      </Button>
      <Button
        type="button"
        variant="secondary"
        data-autofocus={focusCancel || undefined}
        onClick={() => {
          form.reset();
          onCancel();
        }}
      >
        Annuleren
      </Button>
    </ActionGroup>
  );
}
