import { Paragraph } from '@amsterdam/design-system-react';
import { useRef } from 'react';
import { api } from '../../api/client';
import { SelectField, TextAreaField } from '../../components/fields';
import { FormActions } from '../../components/FormActions';
import { Modal } from '../../components/Modal';
import { FormErrors } from '../../components/problems';
import { useAnnounce } from '../../lib/announcer';
import { formatEuro } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import type { PendingRequest } from '../BudgetDecisionsPage';

interface DecisionDraft {
  outcome: string;
  motivation: string;
}

const LABELS: Record<keyof DecisionDraft, string> = { outcome: 'Besluit', motivation: 'Motivering' };
const OUTCOMES = [
  { value: 'toegekend', label: 'Toekennen' },
  { value: 'afgewezen', label: 'Afwijzen' },
];

/**
 * Decides one request. The decision moves money, so it carries an Idempotency-Key: a retry after a
 * lapsed session or a lost answer is the same decision, never a second one.
 */
export function DecisionDialog({
  request,
  onClose,
  onDecided,
}: {
  request: PendingRequest | null;
  onClose: () => void;
  onDecided: () => void;
}) {
  const announce = useAnnounce();
  const key = useRef('');
  const form = useForm<DecisionDraft>({
    draftKey: `budget-decision:${request?.id ?? 'none'}`,
    idPrefix: 'decision',
    labels: LABELS,
    initial: { outcome: '', motivation: '' },
    validate: (d) => ({
      ...(d.outcome ? {} : { outcome: 'Kies toekennen of afwijzen.' }),
      ...(d.motivation.trim() ? {} : { motivation: 'Motiveer het besluit.' }),
    }),
    submit: async (d) => {
      key.current ||= crypto.randomUUID();
      await api.post(
        `/budget-requests/${request!.id}/decision`,
        { outcome: d.outcome, motivation: d.motivation.trim() },
        { headers: { 'Idempotency-Key': key.current } },
      );
      key.current = '';
      announce(d.outcome === 'toegekend' ? 'Maatwerkbudget toegekend.' : 'Aanvraag afgewezen.');
      onDecided();
    },
  });
  return (
    <Modal
      open={request !== null}
      heading="Besluiten over maatwerkbudget"
      onDismiss={onClose}
      testId="decision-dialog"
    >
      {request && (
        <form onSubmit={(e) => void form.onSubmit(e)} noValidate className="gp-form">
          <Paragraph>
            {formatEuro(request.amountCents)} aangevraagd door {request.requestedBy.name}:{' '}
            {request.justification}
          </Paragraph>
          <FormErrors summary={form.summary} problem={form.problem} headingLevel={3} />
          <SelectField {...form.field('outcome')} placeholder="Kies het besluit" options={OUTCOMES} />
          <TextAreaField
            {...form.field('motivation')}
            hint="De motivering komt in de beschikking aan het gezin."
            rows={4}
            maxLength={4000}
          />
          <FormActions
            form={form}
            label="Besluit vastleggen"
            busyLabel="Bezig…"
            onCancel={onClose}
            focusCancel
          />
        </form>
      )}
    </Modal>
  );
}
