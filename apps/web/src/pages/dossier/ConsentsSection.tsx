import { ActionGroup, Badge, Button, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { Consent, ConsentCategory, ConsentMethod, Dossier } from '../../api/types';
import { CONSENT_CATEGORIES } from '../../api/types';
import { useUser } from '../../auth/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField, SelectField } from '../../components/fields';
import { ErrorSummary, ProblemAlert, splitFieldErrors } from '../../components/problems';
import { Empty } from '../../components/status';
import { useAnnounce } from '../../lib/announcer';
import { useDraft } from '../../lib/drafts';
import { ageOn, formatDate, fullName, today } from '../../lib/format';
import { CONSENT_CATEGORY_LABELS, CONSENT_METHOD_LABELS } from '../../lib/labels';
import { canGiveConsent, canRevokeConsent } from '../../lib/permissions';
import { useReference } from '../../lib/reference';
import { toApiError } from '../../lib/use-resource';

interface ConsentDraft {
  personId: string;
  organisationId: string;
  category: string;
  givenOn: string;
  method: string;
}

const FIELDS: Record<keyof ConsentDraft, string> = {
  personId: 'Gezinslid',
  organisationId: 'Organisatie',
  category: 'Waarvoor',
  givenOn: 'Gegeven op',
  method: 'Hoe gegeven',
};

/** Consents (toestemming) to share beyond the legal task: list, record, and revoke after confirmation. */
export function ConsentsSection({ dossier, onChanged }: { dossier: Dossier; onChanged: () => void }) {
  const user = useUser();
  const reference = useReference();
  const announce = useAnnounce();
  const consents = [...(dossier.consents ?? [])].sort(
    (a, b) => Number(!!a.revokedOn) - Number(!!b.revokedOn),
  );
  const [revoking, setRevoking] = useState<Consent | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const personName = (personId: string) => {
    const person = dossier.members?.find((m) => m.personId === personId)?.person;
    return person ? fullName(person) : 'Onbekend';
  };

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/households/${dossier.household.id}/consents/${revoking.id}/revoke`, {
        revokedOn: today(),
      });
      announce(
        `Toestemming ingetrokken: ${CONSENT_CATEGORY_LABELS[revoking.category]} voor ${reference.organisationName(revoking.organisationId)}.`,
      );
      setRevoking(null);
      onChanged();
    } catch (e) {
      setRevoking(null);
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="consents-heading" className="gp-section" data-testid="consents-section">
      <Heading level={2} size="level-3" id="consents-heading">
        Toestemmingen
      </Heading>
      <Paragraph size="small">
        Toestemming is alleen nodig om het plan of een samenvatting van een pijler te delen met een andere
        organisatie. Een ingetrokken toestemming beëindigt die inzage direct.
      </Paragraph>
      {error && <ProblemAlert error={error} headingLevel={3} />}
      {consents.length === 0 ? (
        <Empty>Er zijn geen toestemmingen vastgelegd.</Empty>
      ) : (
        <Table className="gp-table">
          <Table.Caption className="ams-visually-hidden">Toestemmingen, geldige eerst</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Gegeven door</Table.HeaderCell>
              <Table.HeaderCell scope="col">Waarvoor</Table.HeaderCell>
              <Table.HeaderCell scope="col">Organisatie</Table.HeaderCell>
              <Table.HeaderCell scope="col">Gegeven</Table.HeaderCell>
              <Table.HeaderCell scope="col">Status</Table.HeaderCell>
              {canRevokeConsent(dossier, user) && (
                <Table.HeaderCell scope="col">
                  <span className="ams-visually-hidden">Actie</span>
                </Table.HeaderCell>
              )}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {consents.map((consent) => {
              const label = `${CONSENT_CATEGORY_LABELS[consent.category]} voor ${reference.organisationName(consent.organisationId)}`;
              return (
                <Table.Row key={consent.id}>
                  <Table.Cell>{personName(consent.personId)}</Table.Cell>
                  <Table.Cell>{CONSENT_CATEGORY_LABELS[consent.category] ?? consent.category}</Table.Cell>
                  <Table.Cell>{reference.organisationName(consent.organisationId)}</Table.Cell>
                  <Table.Cell>
                    {formatDate(consent.givenOn)}
                    <span className="gp-muted">
                      {' '}
                      ({CONSENT_METHOD_LABELS[consent.method] ?? consent.method})
                    </span>
                  </Table.Cell>
                  <Table.Cell>
                    {consent.revokedOn ? (
                      <Badge label={`Ingetrokken ${formatDate(consent.revokedOn)}`} color="red" />
                    ) : (
                      <Badge label="Geldig" color="lime" />
                    )}
                  </Table.Cell>
                  {canRevokeConsent(dossier, user) && (
                    <Table.Cell>
                      {!consent.revokedOn && (
                        <Button
                          variant="secondary"
                          onClick={() => setRevoking(consent)}
                          aria-label={`Intrekken: ${label}`}
                        >
                          Intrekken
                        </Button>
                      )}
                    </Table.Cell>
                  )}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
      {canGiveConsent(dossier, user) && <GiveConsentForm dossier={dossier} onSaved={onChanged} />}
      <ConfirmDialog
        open={revoking !== null}
        heading="Toestemming intrekken?"
        confirmLabel="Ja, trek de toestemming in"
        busy={busy}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      >
        {revoking && (
          <>
            <Paragraph>
              U trekt de toestemming van {personName(revoking.personId)} in:{' '}
              <strong>
                {CONSENT_CATEGORY_LABELS[revoking.category]} voor{' '}
                {reference.organisationName(revoking.organisationId)}
              </strong>
              , met ingang van vandaag ({formatDate(today())}).
            </Paragraph>
            <Paragraph>De organisatie verliest deze inzage direct. Dit kunt u niet ongedaan maken.</Paragraph>
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}

function GiveConsentForm({ dossier, onSaved }: { dossier: Dossier; onSaved: () => void }) {
  const reference = useReference();
  const announce = useAnnounce();
  const empty: ConsentDraft = {
    personId: '',
    organisationId: '',
    category: '',
    givenOn: today(),
    method: 'schriftelijk',
  };
  const [draft, setDraft, clearDraft] = useDraft<ConsentDraft>(`consent:${dossier.household.id}`, empty);
  const [open, setOpen] = useState(draft.personId !== '' || draft.organisationId !== '');
  const [errors, setErrors] = useState<Partial<Record<keyof ConsentDraft, string>>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const adults = (dossier.members ?? []).filter(
    (m) => !m.leftOn && m.person && ageOn(m.person.birthDate) >= 18,
  );
  const set = (key: keyof ConsentDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<keyof ConsentDraft, string>> = {};
    if (!draft.personId) missing.personId = 'Kies het gezinslid dat toestemming geeft.';
    if (!draft.organisationId) missing.organisationId = 'Kies de organisatie die mag inzien.';
    if (!draft.category) missing.category = 'Kies waarvoor de toestemming geldt.';
    if (!draft.givenOn) missing.givenOn = 'Vul de datum in.';
    setErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      await api.post(`/households/${dossier.household.id}/consents`, {
        personId: draft.personId,
        organisationId: draft.organisationId,
        category: draft.category as ConsentCategory,
        givenOn: draft.givenOn,
        method: draft.method as ConsentMethod,
      });
      announce('Toestemming vastgelegd.');
      clearDraft();
      setOpen(false);
      onSaved();
    } catch (e) {
      const error = toApiError(e);
      setProblem(error);
      setErrors(splitFieldErrors(error, (f) => f in FIELDS).fields);
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} className="gp-section-action">
        Toestemming vastleggen
      </Button>
    );
  }
  const summary = (Object.keys(errors) as (keyof ConsentDraft)[]).map((key) => ({
    id: `#consent-${key}`,
    label: `${FIELDS[key]}: ${errors[key]}`,
  }));
  return (
    <form
      onSubmit={submit}
      noValidate
      className="gp-form gp-inline-form"
      aria-labelledby="give-consent-heading"
    >
      <Heading level={3} size="level-4" id="give-consent-heading">
        Toestemming vastleggen
      </Heading>
      <ErrorSummary errors={summary} />
      {problem && !summary.length && <ProblemAlert error={problem} headingLevel={4} />}
      <SelectField
        id="consent-personId"
        label={FIELDS.personId}
        hint="Alleen een volwassen gezinslid kan toestemming geven."
        placeholder="Kies een gezinslid"
        value={draft.personId}
        onChange={set('personId')}
        error={errors.personId}
        options={adults.map((m) => ({ value: m.personId, label: fullName(m.person!) }))}
      />
      <SelectField
        id="consent-organisationId"
        label={FIELDS.organisationId}
        placeholder="Kies een organisatie"
        value={draft.organisationId}
        onChange={set('organisationId')}
        error={errors.organisationId}
        options={reference.organisations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <SelectField
        id="consent-category"
        label={FIELDS.category}
        placeholder="Kies waarvoor"
        value={draft.category}
        onChange={set('category')}
        error={errors.category}
        options={CONSENT_CATEGORIES.map((c) => ({ value: c, label: CONSENT_CATEGORY_LABELS[c] }))}
      />
      <DateField
        id="consent-givenOn"
        label={FIELDS.givenOn}
        max={today()}
        value={draft.givenOn}
        onChange={set('givenOn')}
        error={errors.givenOn}
      />
      <SelectField
        id="consent-method"
        label={FIELDS.method}
        value={draft.method}
        onChange={set('method')}
        options={Object.entries(CONSENT_METHOD_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <ActionGroup>
        <Button type="submit" disabled={busy}>
          {busy ? 'Bezig met opslaan…' : 'Toestemming opslaan'}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            clearDraft();
            setErrors({});
            setProblem(null);
            setOpen(false);
          }}
        >
          Annuleren
        </Button>
      </ActionGroup>
    </form>
  );
}
