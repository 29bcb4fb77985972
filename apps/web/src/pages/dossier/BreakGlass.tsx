import { ActionGroup, Button, Paragraph } from '@amsterdam/design-system-react';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { SelectField, TextAreaField } from '../../components/fields';
import { Modal } from '../../components/Modal';
import { ProblemAlert, splitFieldErrors } from '../../components/problems';
import { useAnnounce } from '../../lib/announcer';
import { toApiError } from '../../lib/use-resource';

export const BREAK_GLASS_CATEGORIES = [
  { value: 'acute-veiligheid', label: 'Acute onveiligheid' },
  { value: 'crisis-buiten-kantoortijd', label: 'Crisis buiten kantoortijd' },
  { value: 'regisseur-onbereikbaar', label: 'Regisseur onbereikbaar' },
  { value: 'wettelijke-termijn', label: 'Wettelijke termijn verloopt' },
];

/**
 * Break the glass (access rule 8): a professional outside the case team opens the dossier in an
 * emergency, with a reason; the access lasts 24 hours, is flagged and reviewed by the privacy officer.
 */
export function BreakGlass({ householdId, onOpened }: { householdId: string; onOpened: () => void }) {
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const [category, setCategory] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!category) missing.category = 'Kies de aanleiding.';
    if (reason.trim().length < 10) missing.reason = 'Beschrijf de noodsituatie in minstens 10 tekens.';
    setErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      await api.post(`/households/${householdId}/break-glass`, { category, reason: reason.trim() });
      setOpen(false);
      announce('Noodtoegang geopend voor 24 uur. Deze toegang wordt gecontroleerd.');
      onOpened();
    } catch (e) {
      const error = toApiError(e);
      setErrors(splitFieldErrors(error, (f) => f === 'category' || f === 'reason').fields);
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Noodtoegang aanvragen…
      </Button>
      <Modal
        open={open}
        heading="Noodtoegang tot dit dossier"
        onDismiss={() => setOpen(false)}
        testId="break-glass-dialog"
      >
        <form onSubmit={submit} noValidate className="gp-form">
          <Paragraph>
            Gebruik dit alleen in een noodsituatie. U krijgt 24 uur inzage; uw naam en reden worden vastgelegd
            en de functionaris gegevensbescherming beoordeelt de toegang.
          </Paragraph>
          {problem && !Object.keys(errors).length && <ProblemAlert error={problem} headingLevel={3} />}
          <SelectField
            id="break-glass-category"
            label="Aanleiding"
            placeholder="Kies de aanleiding"
            value={category}
            onChange={setCategory}
            error={errors.category}
            options={BREAK_GLASS_CATEGORIES}
          />
          <TextAreaField
            id="break-glass-reason"
            label="Reden"
            hint="Wat is er aan de hand en waarom kan het niet wachten tot de regisseur bereikbaar is?"
            rows={4}
            maxLength={1000}
            value={reason}
            onChange={setReason}
            error={errors.reason}
          />
          <ActionGroup>
            <Button type="submit" disabled={busy}>
              {busy ? 'Bezig…' : 'Noodtoegang openen'}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)} data-autofocus>
              Annuleren
            </Button>
          </ActionGroup>
        </form>
      </Modal>
    </>
  );
}
