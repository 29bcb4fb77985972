import { Paragraph } from '@amsterdam/design-system-react';
import { api } from '../../api/client';
import { TextAreaField } from '../../components/fields';
import { FormActions } from '../../components/FormActions';
import { Modal } from '../../components/Modal';
import { FormErrors } from '../../components/problems';
import { useForm } from '../../lib/use-form';
import { type AccountChange, CHANGE_KIND_LABELS } from './types';

interface RejectDraft {
  reason: string;
}

/** Rejects another beheerder's request; the reason is required and goes to the requester (and the log). */
export function RejectDialog({
  change,
  onClose,
  onRejected,
}: {
  change: AccountChange | null;
  onClose: () => void;
  onRejected: (change: AccountChange) => void;
}) {
  const form = useForm<RejectDraft>({
    draftKey: `user-change-reject:${change?.id ?? 'none'}`,
    idPrefix: 'reject',
    labels: { reason: 'Reden van afwijzen' },
    initial: { reason: '' },
    validate: (d) => (d.reason.trim() ? {} : { reason: 'Geef de reden van het afwijzen.' }),
    submit: async (d) => {
      await api.post(`/user-changes/${change!.id}/reject`, { reason: d.reason.trim() });
      onRejected(change!);
    },
  });
  return (
    <Modal open={change !== null} heading="Wijziging afwijzen" onDismiss={onClose} testId="reject-dialog">
      {change && (
        <form onSubmit={(e) => void form.onSubmit(e)} noValidate className="gp-form">
          <Paragraph>
            {CHANGE_KIND_LABELS[change.kind]} voor {change.displayName} ({change.email}).
          </Paragraph>
          <FormErrors summary={form.summary} problem={form.problem} headingLevel={3} />
          <TextAreaField
            {...form.field('reason')}
            hint="De aanvrager ziet waarom; er verandert niets aan het account."
            rows={3}
            maxLength={1000}
          />
          <FormActions form={form} label="Afwijzen" busyLabel="Bezig…" onCancel={onClose} focusCancel />
        </form>
      )}
    </Modal>
  );
}
